// POST/GET /okta/events over real HTTP: verification, the shared secret (wrong → 401, nothing processed), the 200 sent
// before processing, repeated and out-of-order deliveries diagnosed once per event, other events ignored.
import { openStoreEngine } from '../../../src/adapters/store/create-request-store.ts';
import { KyselyEventReceipts } from '../../../src/adapters/store/kysely-event-receipts.ts';
import { createScanStore } from '../../../src/adapters/store/kysely-scan-store.ts';
import { createGraphDirectory } from '../../../src/adapters/graph/create-graph-directory.ts';
import { createOktaOrg } from '../../../src/adapters/okta/create-okta-org.ts';
import { silentLogger } from '../../../src/app/app-logger.ts';
import { handlePushFailureEvents } from '../../../src/app/events/handle-push-failure-events.ts';
import type { Diagnosis } from '../../../src/core/model/diagnosis.ts';
import { createLogger } from '../../../src/logging/create-logger.ts';
import { OKTA_APP, SCENARIOS } from '../../../src/sandbox/seed.ts';
import { seededOktaUserId } from '../../../src/sandbox/seed.ts';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/start-sandbox.ts';
import { startHttpServer, type RunningHttpServer } from '../../../src/server/http-server.ts';
import { createMetrics } from '../../../src/server/metrics.ts';
import { createOktaEventRoutes, type OktaEventRoutes } from '../../../src/surfaces/okta-events/okta-event-routes.ts';

const SECRET = 'Bearer hook-secret-7f3a';
const ADELE = SCENARIOS[0]?.userPrincipalName ?? '';

let sandbox: RunningSandbox;
let server: RunningHttpServer;
let hook: OktaEventRoutes;
let diagnosed: Array<{ uuid: string; verdict: string }>;
let gate: Promise<void>;

const event = (uuid: string, published: string, over: Record<string, unknown> = {}) => ({
  uuid, published, eventType: 'application.provision.user.push_profile', outcome: { result: 'FAILURE', reason: 'Could not push' },
  target: [
    { id: seededOktaUserId(1), type: 'User', alternateId: ADELE, displayName: 'Adele Vance' },
    { id: OKTA_APP.MAIN, type: 'AppInstance', alternateId: 'Microsoft Office 365', displayName: 'Microsoft Office 365' },
  ],
  ...over,
});
const delivery = (events: unknown[]) => JSON.stringify({ eventType: 'com.okta.event_hook', eventTypeVersion: '1.0', cloudEventsVersion: '0.1', eventId: 'e1', data: { events } });
const post = (body: string, authorization?: string) =>
  fetch(`${server.url}/okta/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body });

beforeAll(async () => {
  sandbox = await startSandbox();
  const e = sandbox.endpoints;
  const engine = await openStoreEngine('sqlite::memory:');
  await (await createScanStore(engine)).migrate();
  const receipts = new KyselyEventReceipts(engine);
  const diagnose = {
    entra: createGraphDirectory({ baseUrl: e.graphBaseUrl, credential: { kind: 'static' as const, token: e.graphToken } }),
    okta: createOktaOrg({ orgUrl: e.oktaOrgUrl, auth: { kind: 'ssws' as const, token: e.oktaToken } }),
    clock: { now: () => Date.now() }, sandbox: true, oktaAppId: OKTA_APP.MAIN, workflowsConfigured: true,
  };
  hook = createOktaEventRoutes({
    secret: SECRET,
    handle: (events) => handlePushFailureEvents({
      diagnose, receipts, logger: silentLogger,
      onDiagnosis: async (d: Diagnosis, ev) => {
        await gate;
        diagnosed.push({ uuid: ev.uuid, verdict: d.report.verdict });
      },
    }, events),
    onError: (err) => {
      throw err;
    },
  });
  server = await startHttpServer({
    logger: createLogger('silent'), metrics: createMetrics(), routes: hook.routes,
    readiness: { check: async () => ({ ready: true, details: {} }) },
  }, 0, '127.0.0.1');
});
afterAll(async () => {
  await server.close();
  await sandbox.close();
});
beforeEach(() => {
  diagnosed = [];
  gate = Promise.resolve();
});

it('answers the one-time verification with the challenge, only with the secret', async () => {
  const get = (headers: Record<string, string>) => fetch(`${server.url}/okta/events`, { headers });
  const ok = await get({ authorization: SECRET, 'x-okta-verification-challenge': 'c-123' });
  expect(ok.status).toBe(200);
  expect(await ok.json()).toEqual({ verification: 'c-123' });
  expect((await get({ authorization: 'Bearer wrong', 'x-okta-verification-challenge': 'c-123' })).status).toBe(401);
  expect((await get({ 'x-okta-verification-challenge': 'c-123' })).status).toBe(401);
});

it('refuses a delivery with a wrong or missing secret and processes nothing', async () => {
  expect((await post(delivery([event('wrong-1', '2026-12-03T09:00:00.000Z')]), 'Bearer hook-secret-7f3b')).status).toBe(401);
  expect((await post(delivery([event('wrong-2', '2026-12-03T09:00:00.000Z')]))).status).toBe(401);
  await hook.idle();
  expect(diagnosed).toEqual([]);
  // The refused events were not recorded: delivered properly later, they are processed.
  expect((await post(delivery([event('wrong-1', '2026-12-03T09:00:00.000Z')]), SECRET)).status).toBe(200);
  await hook.idle();
  expect(diagnosed.map((d) => d.uuid)).toEqual(['wrong-1']);
});

it('answers 200 before processing, and diagnoses each event once whatever the order and repeats', async () => {
  let release = () => undefined as void;
  gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const late = event('ev-2', '2026-12-03T10:05:00.000Z');
  const early = event('ev-1', '2026-12-03T10:00:00.000Z');
  // The diagnosis of ev-1 is held back by the gate, yet each delivery is answered.
  expect((await post(delivery([late, early]), SECRET)).status).toBe(200);
  expect((await post(delivery([early]), SECRET)).status).toBe(200);
  expect((await post(delivery([late, early]), SECRET)).status).toBe(200);
  expect(diagnosed).toEqual([]);
  release();
  await hook.idle();
  expect(diagnosed).toEqual([{ uuid: 'ev-1', verdict: 'group-inherited-license-conflict' }, { uuid: 'ev-2', verdict: 'group-inherited-license-conflict' }]);
});

it('ignores successes, other apps and other event types; refuses what is not a delivery', async () => {
  const other = [
    event('ok-1', '2026-12-03T10:00:00.000Z', { outcome: { result: 'SUCCESS' } }),
    event('app-1', '2026-12-03T10:00:00.000Z', { target: [{ id: seededOktaUserId(1), type: 'User', alternateId: ADELE }, { id: '0oaBox', type: 'AppInstance', alternateId: 'Box' }] }),
    event('type-1', '2026-12-03T10:00:00.000Z', { eventType: 'user.session.start' }),
    { not: 'an event' },
  ];
  expect((await post(delivery(other), SECRET)).status).toBe(200);
  await hook.idle();
  expect(diagnosed).toEqual([]);
  expect((await post('{"hello": 1}', SECRET)).status).toBe(400);
});
