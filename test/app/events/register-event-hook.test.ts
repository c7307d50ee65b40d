// hooks register against the sandbox's event hook API: Okta calls /okta/events with a challenge and the secret; the
// hook is verified only when the endpoint answers with that secret. A second registration reuses the hook.
import { createOktaEventHooks } from '../../../src/adapters/okta/okta-event-hooks.ts';
import { registerEventHook } from '../../../src/app/events/register-event-hook.ts';
import { isLicenseDoctorError } from '../../../src/core/errors.ts';
import { createLogger } from '../../../src/logging/create-logger.ts';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/start-sandbox.ts';
import { startHttpServer, type RunningHttpServer } from '../../../src/server/http-server.ts';
import { createMetrics } from '../../../src/server/metrics.ts';
import { createOktaEventRoutes } from '../../../src/surfaces/okta-events/okta-event-routes.ts';

let sandbox: RunningSandbox;
let server: RunningHttpServer;
const SECRET = 'Bearer register-test-secret';

beforeAll(async () => {
  sandbox = await startSandbox();
  const hook = createOktaEventRoutes({ secret: SECRET, handle: async () => undefined, onError: () => undefined });
  server = await startHttpServer({ logger: createLogger('silent'), metrics: createMetrics(), routes: hook.routes, readiness: { check: async () => ({ ready: true, details: {} }) } }, 0, '127.0.0.1');
});
afterAll(async () => {
  await server.close();
  await sandbox.close();
});

const hooks = () => createOktaEventHooks({ orgUrl: sandbox.endpoints.oktaOrgUrl, auth: { kind: 'ssws', token: sandbox.endpoints.oktaToken } });
const publicUrl = () => `http://127.0.0.1:${server.port}`;

it('is not verified when the deployment does not hold the secret Okta was given', async () => {
  const failure = await registerEventHook(hooks(), { publicUrl: `${publicUrl()}/elsewhere`, secret: SECRET }).catch((err: unknown) => err);
  expect(isLicenseDoctorError(failure, 'okta-request-failed')).toBe(true);
  const wrong = await registerEventHook(hooks(), { publicUrl: `http://localhost:${server.port}`, secret: 'Bearer not-the-one' }).catch((err: unknown) => err);
  expect(isLicenseDoctorError(wrong, 'okta-request-failed')).toBe(true);
});

it('creates and verifies the hook for PUBLIC_URL/okta/events, then reuses it', async () => {
  const first = await registerEventHook(hooks(), { publicUrl: `${publicUrl()}/`, secret: SECRET });
  expect(first).toMatchObject({ created: true, hook: { uri: `${publicUrl()}/okta/events`, verificationStatus: 'VERIFIED', status: 'ACTIVE' } });
  const again = await registerEventHook(hooks(), { publicUrl: publicUrl(), secret: SECRET });
  expect(again).toMatchObject({ created: false, hook: { id: first.hook.id, verificationStatus: 'VERIFIED' } });
});
