// Writes a finished scan's report (text, JSON or CSV) to a sink, streaming the users from the store.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { scanRows, scanSummary } from '../../../app/scan/scan-report.ts';
import type { ScanRun, ScanStore } from '../../../core/ports/scan-store.ts';
import { formatScanSummary } from './format-scan-summary.ts';
import { SCAN_CSV_HEADER, scanCsvRow } from './scan-csv.ts';

export type ScanReportFormat = 'text' | 'json' | 'csv';

/** Where the report goes. */
export interface ReportSink {
  write(text: string): Promise<void>;
  end(): Promise<void>;
}

/** A file, written with back-pressure. */
export function fileSink(path: string): ReportSink {
  const stream = createWriteStream(path, { encoding: 'utf8' });
  const failed = once(stream, 'error');
  failed.catch(() => undefined);
  return {
    write: async (text) => {
      if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failed.then(([err]) => Promise.reject(err as Error))]);
    },
    end: () => new Promise((resolve, reject) => {
      stream.once('error', reject);
      stream.end(() => resolve());
    }),
  };
}

/** Writes the report in `format`; the JSON document is `{ scannedAt, summary, users }` (CONTRACT.md). */
export async function writeScanReport(store: ScanStore, run: ScanRun, format: ScanReportFormat, sink: ReportSink): Promise<void> {
  const scannedAt = run.finishedAt ?? run.startedAt;
  if (format === 'text') {
    await sink.write(formatScanSummary(await scanSummary(store, run), scannedAt));
    return;
  }
  if (format === 'csv') {
    await sink.write(`${SCAN_CSV_HEADER}\n`);
    for await (const row of scanRows(store, run)) await sink.write(`${scanCsvRow(row)}\n`);
    return;
  }
  const summary = await scanSummary(store, run);
  await sink.write(`{"scannedAt":${JSON.stringify(scannedAt)},"summary":${JSON.stringify(summary)},"users":[`);
  let first = true;
  for await (const row of scanRows(store, run)) {
    await sink.write(`${first ? '' : ','}\n${JSON.stringify(row)}`);
    first = false;
  }
  await sink.write('\n]}\n');
}
