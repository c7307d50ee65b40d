// A License Doctor process for the fault suite, run with node:
//   node fault-harness.ts <requestId> <action> <at>
// runs the approved plan from the store in DATABASE_URL (DATABASE_SCHEMA on PostgreSQL) against the tenant in the
// environment (live mode), printing each execution boundary and step progress as a JSON line ({ n, label }) and each
// vendor write License Doctor sends ({ write }) before it goes out. At the `at`-th line (0: never) it does `action`
// to itself: `kill` (SIGKILL), `stop` (SIGSTOP; the test continues it with SIGCONT) or `term` (SIGTERM, handled as
// `license-doctor serve` does: the runtime closes, so the execution stops at its next step boundary). The last line is
// { status } as the execution ended. LEASE_MS, CALL_TIMEOUT_MS and EFFECT_TIMEOUT_MS set the timing.
import { out, startHarnessRuntime } from './harness-runtime.ts';

const [requestId = '', action = 'kill', at = '0'] = process.argv.slice(2);
const runtime = await startHarnessRuntime();

let closing: Promise<void> | null = null;
process.once('SIGTERM', () => {
  closing = runtime.close();
});

let n = 0;
runtime.events.subscribe((event) => {
  if (event.type === 'request-changed') return;
  n += 1;
  const label = event.type === 'execution-boundary' ? `${event.stepId} ${event.boundary}` : `${event.progress.stepId} ${event.progress.status}`;
  out({ n, label });
  if (n === Number(at)) process.kill(process.pid, action === 'stop' ? 'SIGSTOP' : action === 'term' ? 'SIGTERM' : 'SIGKILL');
});

const after = await runtime.services.execute(requestId);
out({ status: after?.status ?? null });
await (closing ?? runtime.close());
// A call to a vendor that never answers may still hold its socket open; the execution is over, so is the process.
process.exit(0);
