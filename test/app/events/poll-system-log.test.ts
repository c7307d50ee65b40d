// The System Log poller against the sandbox: diagnoses the failed pushes of the Office 365 app once, keeps its cursor
// in the store (a later poll sees only new events), and polls on one instance at a time.
import { createGraphDirectory } from '../../../src/adapters/graph/create-graph-directory.ts';
import { createOktaOrg } from '../../../src/adapters/okta/create-okta-org.ts';
import { createOktaAppUserPages } from '../../../src/adapters/okta/okta-app-user-pages.ts';
import { openStoreEngine } from '../../../src/adapters/store/create-request-store.ts';
import { KyselyEventReceipts, KyselyPollCursor } from '../../../src/adapters/store/kysely-event-receipts.ts';
import { createScanStore } from '../../../src/adapters/store/kysely-scan-store.ts';
import { silentLogger } from '../../../src/app/app-logger.ts';
import { pollSystemLog, type PollDeps } from '../../../src/app/events/poll-system-log.ts';
import { pushEvent } from '../../../src/sandbox/log-events.ts';
import { OKTA_APP, SCENARIOS, seededOktaUserId } from '../../../src/sandbox/seed.ts';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/start-sandbox.ts';
import type { StoreEngine } from '../../../src/adapters/store/store-engine.ts';

let sandbox: RunningSandbox;
let engine: StoreEngine;
const diagnosed: Array<{ user: string; verdict: string }> = [];

beforeAll(async () => {
  sandbox = await startSandbox();
  engine = await openStoreEngine('sqlite::memory:');
  await createScanStore(engine);
});
afterAll(async () => {
  await engine.close();
  await sandbox.close();
});

function deps(owner: string): PollDeps {
  const e = sandbox.endpoints;
  const okta = { orgUrl: e.oktaOrgUrl, auth: { kind: 'ssws' as const, token: e.oktaToken } };
  return {
    diagnose: {
      entra: createGraphDirectory({ baseUrl: e.graphBaseUrl, credential: { kind: 'static', token: e.graphToken } }), okta: createOktaOrg(okta),
      clock: { now: () => Date.now() }, sandbox: true, oktaAppId: OKTA_APP.MAIN, workflowsConfigured: true,
    },
    receipts: new KyselyEventReceipts(engine), cursors: new KyselyPollCursor(engine), log: createOktaAppUserPages(okta), logger: silentLogger,
    onDiagnosis: (d) => void diagnosed.push({ user: d.report.user?.userPrincipalName ?? '', verdict: d.report.verdict }),
    owner, leaseMs: 60_000, firstPollLookbackMs: 7 * 86_400_000, maxPages: 10,
  };
}

it('diagnoses each failed push once, resumes from its cursor, and polls on one instance at a time', async () => {
  const seeded = sandbox.tenant.state.okta.logs.filter((l) => (l.target as Array<{ id: string }>).some((t) => t.id === OKTA_APP.MAIN)).length;
  expect(seeded).toBeGreaterThan(3);
  const first = await pollSystemLog(deps('instance-a'));
  expect(first).toMatchObject({ kind: 'polled', diagnosed: seeded });
  expect(diagnosed.every((d) => d.verdict === 'group-inherited-license-conflict')).toBe(true);

  expect(await pollSystemLog(deps('instance-b'))).toEqual({ kind: 'busy' });

  diagnosed.length = 0;
  expect(await pollSystemLog(deps('instance-a'))).toMatchObject({ kind: 'polled', diagnosed: 0 });
  const adele = SCENARIOS[0]?.userPrincipalName ?? '';
  sandbox.tenant.state.okta.logs.push(pushEvent({
    now: new Date(), app: { id: OKTA_APP.MAIN, label: 'Microsoft Office 365' }, user: { id: seededOktaUserId(1), login: adele, displayName: 'Adele Vance' }, userName: adele,
    failure: { httpStatus: 400, errorCode: 'Request_BadRequest', errorMessage: 'User license is inherited from a group membership and it cannot be removed directly from the user.', requestId: 'r', clientRequestId: 'c' },
  }));
  expect(await pollSystemLog(deps('instance-a'))).toMatchObject({ kind: 'polled', diagnosed: 1 });
  expect(diagnosed).toEqual([{ user: adele, verdict: 'group-inherited-license-conflict' }]);
}, 60_000);
