// Reads a finished scan back from the store: the summary (one pass) and the users in report order (another), so a
// report of any size is written without holding it in memory.
import type { ScanSummary, ScanUserRow } from '../../core/model/scan.ts';
import type { ScanRun, ScanStore } from '../../core/ports/scan-store.ts';
import { ScanSummaryBuilder } from '../../core/scan/scan-summary.ts';

const BATCH = 1000;

/** Every user of the scan, ordered by user name. */
export async function* scanRows(store: ScanStore, run: ScanRun): AsyncGenerator<ScanUserRow> {
  let after: string | null = null;
  for (;;) {
    const batch = await store.results(run.id, after, BATCH);
    for (const r of batch) yield r.row;
    const last = batch.at(-1);
    if (!last || batch.length < BATCH) return;
    after = last.key;
  }
}

/** The scan's summary. */
export async function scanSummary(store: ScanStore, run: ScanRun): Promise<ScanSummary> {
  const builder = new ScanSummaryBuilder({ oktaAppUsers: run.okta.users, entraUsers: run.entra.users });
  for await (const row of scanRows(store, run)) builder.add(row);
  return builder.build();
}
