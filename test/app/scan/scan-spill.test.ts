// The scan's memory stays within its budget whatever the tenant's size: the users waiting for their other side that
// do not fit are spilled to the store and joined by the final merge, with the same rows as a scan that held them all.
import { runScan, type ScanOutcome } from '../../../src/app/scan/run-scan.ts';
import { scanRows } from '../../../src/app/scan/scan-report.ts';
import type { ScanUserRow } from '../../../src/core/model/scan.ts';
import { startScanHarness, type ScanHarness } from './scan-harness.ts';

const BUDGET = 20_000;

async function scanned(h: ScanHarness, budget: number | null): Promise<{ outcome: Extract<ScanOutcome, { kind: 'finished' }>; rows: ScanUserRow[] }> {
  const outcome = await runScan(h.scanDeps({ settings: budget === null ? {} : { waitingBudgetBytes: budget } }));
  if (outcome.kind !== 'finished') throw new Error(`scan did not run: ${outcome.kind}`);
  const rows: ScanUserRow[] = [];
  for await (const row of scanRows(h.store, outcome.run)) rows.push(row);
  return { outcome, rows };
}

it('holds at most its budget of waiting users in memory for tenants of 300 and 1,500 users, with the rows of an unbounded scan', async () => {
  const peaks: number[] = [];
  for (const users of [300, 1500]) {
    const h = await startScanHarness({ users, seed: 7 });
    try {
      const unbounded = await scanned(h, null);
      const bounded = await scanned(h, BUDGET);
      expect(unbounded.outcome.waiting.spilled).toBe(false);
      expect(bounded.outcome.waiting.spilled).toBe(true);
      expect(bounded.outcome.waiting.peakBytes).toBeLessThanOrEqual(BUDGET);
      expect(bounded.rows).toEqual(unbounded.rows);
      expect(bounded.rows.length).toBeGreaterThan(users);
      peaks.push(unbounded.outcome.waiting.peakBytes);
    } finally {
      await h.close();
    }
  }
  // Without a budget the waiting users grow with the tenant (the two sides list users in unrelated orders).
  expect(peaks[1]).toBeGreaterThan(3 * (peaks[0] ?? 0));
}, 180_000);
