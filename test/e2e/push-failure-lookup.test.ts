// Push failures wherever Okta puts them: 90 days back in one query, Microsoft's text from outcome.reason or any
// debugData key, and one fallback query by the app target when Okta did not target the user and syncState is ERROR.
import { pushEvent, type PushFailureShape } from '../../src/sandbox/log-events.ts';
import { OKTA_APP } from '../../src/sandbox/seed.ts';
import { startSandboxRuntime, type SandboxRuntime } from '../support/test-runtime.ts';

jest.setTimeout(60_000);
const ADELE = 'adele.vance@contoso.com';
const DAY = 86_400_000;
const MICROSOFT = 'User license is inherited from a group membership and it cannot be removed directly from the user.';

/** Replaces Adele's logged push failures with one of `shape`, `daysAgo` old. */
function logFailure(rt: SandboxRuntime, shape: PushFailureShape, daysAgo: number): void {
  const { okta } = rt.sandbox.tenant.state;
  const user = okta.users.find((u) => u.login === ADELE);
  const app = okta.apps.find((a) => a.id === OKTA_APP.MAIN);
  if (!user || !app) throw new Error('seed changed');
  okta.logs = okta.logs.filter((e) => !JSON.stringify(e.target ?? []).includes(user.id));
  okta.logs.unshift(pushEvent({
    shape, now: new Date(Date.now() - daysAgo * DAY), app: { id: app.id, label: app.label },
    user: { id: user.id, login: user.login, displayName: 'Adele Vance' }, userName: ADELE,
    failure: { httpStatus: 400, errorCode: 'Request_BadRequest', errorMessage: MICROSOFT, requestId: 'r-1', clientRequestId: 'c-1' },
  }));
}

async function lastPushFailure(rt: SandboxRuntime) {
  const outcome = await rt.services.diagnose(ADELE);
  if (outcome.kind !== 'diagnosis') throw new Error('expected a diagnosis');
  return outcome.diagnosis.report.okta?.lastPushFailure ?? null;
}

const logCalls = (rt: SandboxRuntime) => rt.requests.filter((r) => r.vendor === 'okta' && r.path === '/api/v1/logs').length;

let rt: SandboxRuntime;
beforeEach(async () => {
  rt = await startSandboxRuntime();
});
afterEach(() => rt.close());

test.each<[PushFailureShape, number]>([
  ['reason', 1],
  ['debug-data', 1],
  ['app-target', 2],
])('a 40-day-old failure in the %s shape is found (%i System Log calls)', async (shape, calls) => {
  logFailure(rt, shape, 40);
  expect(await lastPushFailure(rt)).toMatchObject({ eventType: 'app.office365.api.error.push.profile', message: expect.stringContaining(MICROSOFT) });
  expect(logCalls(rt)).toBe(calls);
});

test('older than Okta keeps (91 days): not found, after one query and the fallback', async () => {
  logFailure(rt, 'reason', 91);
  expect(await lastPushFailure(rt)).toBeNull();
  expect(logCalls(rt)).toBe(2);
});

test('a successful push event is never taken for a failure; no fallback once Okta reports the user in sync', async () => {
  const { okta } = rt.sandbox.tenant.state;
  const app = okta.apps.find((a) => a.id === OKTA_APP.MAIN);
  const user = okta.users.find((u) => u.login === ADELE);
  const appUser = app?.appUsers.find((au) => au.userId === user?.id);
  if (!app || !user || !appUser) throw new Error('seed changed');
  okta.logs = okta.logs.filter((e) => !JSON.stringify(e.target ?? []).includes(user.id));
  okta.logs.unshift(pushEvent({ now: new Date(), app: { id: app.id, label: app.label }, user: { id: user.id, login: user.login, displayName: 'Adele Vance' }, userName: ADELE }));
  appUser.syncState = 'SYNCHRONIZED';
  expect(await lastPushFailure(rt)).toBeNull();
  expect(logCalls(rt)).toBe(1);
});

test('the sandbox emits the configured shape from its own pushes', async () => {
  rt.sandbox.tenant.behaviour.pushFailureShape = 'debug-data';
  const { okta } = rt.sandbox.tenant.state;
  const user = okta.users.find((u) => u.login === ADELE);
  if (!user) throw new Error('seed changed');
  await rt.okta.updateAppUserProfile(OKTA_APP.MAIN, user.id, { licenses: [], roles: [], changed: 'yes' });
  await rt.sandbox.okta.idle();
  const event = okta.logs[0];
  expect(event).toMatchObject({ eventType: 'app.office365.api.error.push.profile', outcome: { result: 'FAILURE', reason: null }, debugContext: { debugData: { error_message: MICROSOFT } } });
});
