// Okta event hook deliveries as Okta sends them: failed pushes of Office 365 app users, posted to /okta/events with the
// hook's Authorization header.
import { randomUUID } from 'node:crypto';
import { OKTA_APP } from '../../src/sandbox/seed.ts';

export const HOOK_SECRET = 'Bearer alerts-test-secret';

let last = 0;
/** Now, a millisecond after the last event made here at least (events are handled in `published` order). */
const nextPublished = (): string => {
  last = Math.max(Date.now(), last + 1);
  return new Date(last).toISOString();
};

/** A failed `application.provision.user.push` of `upn` on the main Office 365 instance, published after the last one. */
export function pushFailure(upn: string, uuid: string = randomUUID(), published: string = nextPublished()): Record<string, unknown> {
  return {
    uuid, published, eventType: 'application.provision.user.push', version: '0', severity: 'WARN',
    displayMessage: 'Push user to app', outcome: { result: 'FAILURE', reason: 'Could not push profile for Office 365 user' },
    target: [
      { id: OKTA_APP.MAIN, type: 'AppInstance', alternateId: 'Microsoft Office 365', displayName: 'Microsoft Office 365' },
      { id: `00u${upn.replace(/\W/g, '').slice(0, 17)}`, type: 'User', alternateId: upn, displayName: upn },
    ],
  };
}

/** Posts one delivery of `events` to the app's hook; returns the HTTP status. */
export async function deliver(appUrl: string, events: readonly Record<string, unknown>[], secret: string = HOOK_SECRET): Promise<number> {
  const res = await fetch(`${appUrl}/okta/events`, {
    method: 'POST', headers: { authorization: secret, 'content-type': 'application/json' },
    body: JSON.stringify({ eventType: 'com.okta.event_hook', eventTypeVersion: '1.0', cloudEventsVersion: '0.1', source: 'https://sandbox.okta.example', data: { events } }),
  });
  await res.arrayBuffer();
  return res.status;
}
