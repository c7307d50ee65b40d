// The server mounts /okta/events when OKTA_EVENT_HOOK_SECRET is set, and /readyz says what proactive detection runs.
import { startTestApp, type TestApp } from '../../support/start-test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ env: { OKTA_EVENT_HOOK_SECRET: 'Bearer server-test', OKTA_LOG_POLL_SECONDS: '3600', DATABASE_URL: 'sqlite::memory:' } });
});
afterAll(async () => app.close());

it('answers the verification and refuses a delivery without the secret', async () => {
  const verified = await fetch(`${app.url}/okta/events`, { headers: { authorization: 'Bearer server-test', 'x-okta-verification-challenge': 'abc' } });
  expect(await verified.json()).toEqual({ verification: 'abc' });
  const refused = await fetch(`${app.url}/okta/events`, { method: 'POST', headers: { authorization: 'Bearer nope' }, body: '{"data":{"events":[]}}' });
  expect(refused.status).toBe(401);
  const ready = (await (await fetch(`${app.url}/readyz`)).json()) as Record<string, unknown>;
  expect(ready['okta-events']).toEqual({ eventHook: 'enabled', systemLogPoll: 'every 3600 s' });
});
