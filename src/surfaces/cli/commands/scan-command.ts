// license-doctor scan [--json | --csv] [--out FILE]: every Office 365 app user joined with Entra ID, by verdict.
import { runScan } from '../../../app/scan/run-scan.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT } from '../exit-codes.ts';
import { osUser } from '../os-user.ts';
import { scanProgressLine } from '../scan/scan-progress-line.ts';
import { fileSink, writeScanReport, type ReportSink, type ScanReportFormat } from '../scan/write-scan-report.ts';
import { withRuntime } from '../with-runtime.ts';

export interface ScanArgs {
  readonly format: ScanReportFormat;
  readonly out: string | null;
  readonly sandbox: boolean;
}

/** stdout, waiting for 'drain' when it is a stream that asks for it (a large report piped to a slow reader). */
function stdoutSink(io: CliIo): ReportSink {
  const out = io.stdout as CliIo['stdout'] & { once?: (event: 'drain', listener: () => void) => unknown };
  return {
    write: async (text) => {
      if (out.write(text) === false && typeof out.once === 'function') await new Promise<void>((resolve) => out.once?.('drain', resolve));
    },
    end: async () => undefined,
  };
}

/** Runs (or resumes) the scan and writes its report. */
export async function scanCommand(args: ScanArgs, io: CliIo): Promise<number> {
  return withRuntime(io, { sandbox: args.sandbox }, async (runtime) => {
    const started = Date.now();
    const tty = io.stderr.isTTY === true;
    const scan = await runtime.fleet.createScanRuntime({
      startedBy: `${osUser()} (command line)`,
      ...(tty ? { onProgress: (p) => io.stderr.write(`\r${scanProgressLine(p, Date.now() - started)}`) } : {}),
    });
    try {
      const outcome = await runScan(scan.deps);
      if (tty) io.stderr.write('\n');
      if (outcome.kind === 'busy') {
        io.stderr.write(`license-doctor: a scan${outcome.startedBy ? ` started by ${outcome.startedBy}` : ''} is already running on another instance; run scan again once it has finished (its report is then kept in the store).\n`);
        return EXIT.policy;
      }
      if (outcome.resumed) io.stderr.write(`Resumed the interrupted scan ${outcome.run.id} from its checkpoint.\n`);
      const sink = args.out === null ? stdoutSink(io) : fileSink(args.out);
      await writeScanReport(scan.store, outcome.run, args.format, sink);
      await sink.end();
      if (args.out !== null) io.stderr.write(`Report written to ${args.out}.\n`);
      return EXIT.ok;
    } finally {
      await scan.close();
    }
  });
}
