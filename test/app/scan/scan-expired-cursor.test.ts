// A resumed scan whose saved Graph page token has expired reads that side again from the start and still gives the
// report of an uninterrupted scan (results and staging are keyed, so nothing is counted twice).
import { runScan } from '../../../src/app/scan/run-scan.ts';
import { scanRows } from '../../../src/app/scan/scan-report.ts';
import type { ScanUserRow } from '../../../src/core/model/scan.ts';
import type { ScanRun } from '../../../src/core/ports/scan-store.ts';
import { OKTA_APP } from '../../../src/sandbox/seed-catalog.ts';
import { startScanHarness, type ScanHarness } from './scan-harness.ts';

let h: ScanHarness;
beforeAll(async () => {
  h = await startScanHarness({ users: 200, seed: 6 });
});
afterAll(async () => h.close());

async function rows(run: ScanRun): Promise<ScanUserRow[]> {
  const out: ScanUserRow[] = [];
  for await (const row of scanRows(h.store, run)) out.push(row);
  return out;
}

it('restarts the side whose cursor expired and gives the same report', async () => {
  const expiredToken = Buffer.from('not-a-page').toString('base64url');
  await h.store.startScan({
    id: 'SCAN-EXPIRED', startedAt: new Date().toISOString(), finishedAt: null, appId: OKTA_APP.MAIN,
    okta: { cursor: null, done: false, pages: 0, users: 0 },
    entra: { cursor: `${h.sandbox.endpoints.graphBaseUrl}/users?$top=53&$skiptoken=${expiredToken}`, done: false, pages: 2, users: 106 },
  });
  const resumed = await runScan(h.scanDeps());
  if (resumed.kind !== 'finished') throw new Error('scan did not run');
  expect(resumed.resumed).toBe(true);
  expect(resumed.run.entra.users).toBe(200);
  const afterResume = await rows(resumed.run);

  const fresh = await runScan(h.scanDeps());
  if (fresh.kind !== 'finished') throw new Error('scan did not run');
  expect(fresh.resumed).toBe(false);
  expect(afterResume).toEqual(await rows(fresh.run));
  expect(afterResume).toHaveLength(201);
}, 120_000);
