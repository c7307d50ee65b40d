// license-doctor scan [--json | --csv] [--out FILE]: every Office 365 app user joined with Entra ID, by verdict.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { runScan } from '../../../app/scan/run-scan.ts';
import { scanRows, scanSummary } from '../../../app/scan/scan-report.ts';
import type { ScanRun } from '../../../core/ports/scan-store.ts';
import type { ScanStore } from '../../../core/ports/scan-store.ts';
import { createScanRuntime } from '../../../scan-main.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT } from '../exit-codes.ts';
import { formatScanSummary } from '../scan/format-scan-summary.ts';
import { SCAN_CSV_HEADER, scanCsvRow } from '../scan/scan-csv.ts';
import { scanProgressLine } from '../scan/scan-progress-line.ts';
import { withRuntime } from '../with-runtime.ts';

export interface ScanArgs {
  readonly format: 'text' | 'json' | 'csv';
  readonly out: string | null;
  readonly sandbox: boolean;
}

/** Where the report goes: a file (written with back-pressure) or stdout. */
interface Sink {
  write(text: string): Promise<void>;
  end(): Promise<void>;
}

function fileSink(path: string): Sink {
  const stream = createWriteStream(path, { encoding: 'utf8' });
  const failed = once(stream, 'error');
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

const stdoutSink = (io: CliIo): Sink => ({ write: async (text) => void io.stdout.write(text), end: async () => undefined });

async function writeReport(store: ScanStore, run: ScanRun, format: ScanArgs['format'], sink: Sink): Promise<void> {
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

/** Runs (or resumes) the scan and writes its report. */
export async function scanCommand(args: ScanArgs, io: CliIo): Promise<number> {
  return withRuntime(io, { sandbox: args.sandbox }, async (runtime) => {
    const started = Date.now();
    const tty = io.stderr.isTTY === true;
    const scan = await createScanRuntime(runtime, tty ? { onProgress: (p) => io.stderr.write(`\r${scanProgressLine(p, Date.now() - started)}`) } : {});
    try {
      const outcome = await runScan(scan.deps);
      if (tty) io.stderr.write('\n');
      if (outcome.kind === 'busy') {
        io.stderr.write('license-doctor: a scan is already running on another instance; run scan again once it has finished (its report is then kept in the store).\n');
        return EXIT.policy;
      }
      if (outcome.resumed) io.stderr.write(`Resumed the interrupted scan ${outcome.run.id} from its checkpoint.\n`);
      const sink = args.out === null ? stdoutSink(io) : fileSink(args.out);
      await writeReport(scan.store, outcome.run, args.format, sink);
      await sink.end();
      if (args.out !== null) io.stderr.write(`Report written to ${args.out}.\n`);
      return EXIT.ok;
    } finally {
      await scan.close();
    }
  });
}
