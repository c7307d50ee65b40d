// A License Doctor process for the fault suite, run with node:
//   node fault-harness.ts <requestId> <action> <at>
// runs the approved plan from the store in DATABASE_URL (DATABASE_SCHEMA on PostgreSQL) against the tenant in the
// environment (live mode), printing each execution boundary and step progress as a JSON line ({ n, label }) and each
// vendor write License Doctor sends ({ write }) before it goes out. At the `at`-th line (0: never) it does `action`
// to itself: `kill` (SIGKILL), `stop` (SIGSTOP; the test continues it with SIGCONT) or `term` (SIGTERM, handled as
// `license-doctor serve` does: the runtime closes, so the execution stops at its next step boundary). The last line is
// { status } as the execution ended. LEASE_MS, CALL_TIMEOUT_MS and EFFECT_TIMEOUT_MS set the timing.
import { loadConfig } from '../../../src/config/load-config.ts';
import { createLogger } from '../../../src/logging/create-logger.ts';
import { createRuntime } from '../../../src/main.ts';
import { isWrite } from '../../support/vendor-writes.ts';

const [requestId = '', action = 'kill', at = '0'] = process.argv.slice(2);
const out = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const schema = process.env['DATABASE_SCHEMA'];

const runtime = await createRuntime(loadConfig(process.env), {
  logger: createLogger(process.env['TEST_LOG_LEVEL'] ?? 'silent'),
  ...(schema ? { databaseSchema: schema } : {}),
  execution: {
    leaseMs: env('LEASE_MS', 1_000), verifyTimeoutMs: 5_000, verifyIntervalMs: 20, verifyMaxIntervalMs: 40,
    effectTimeoutMs: env('EFFECT_TIMEOUT_MS', 1_000), effectIntervalMs: 10, callTimeoutMs: env('CALL_TIMEOUT_MS', 2_000),
  },
  onVendorRequest: ({ method, url }) => {
    const path = new URL(url).pathname;
    if (isWrite(method, path)) out({ write: `${method.toUpperCase()} ${decodeURIComponent(path).toLowerCase()}` });
  },
});

let closing: Promise<void> | null = null;
process.once('SIGTERM', () => {
  closing = runtime.close();
});

let n = 0;
runtime.events.subscribe((event) => {
  if (event.type === 'request-changed') return;
  n += 1;
  const label = event.type === 'execution-boundary' ? `${event.stepId} ${event.boundary}` : `${event.progress.stepId} ${event.progress.status}`;
  // A pipe write is synchronous on Linux: the line is out before the signal.
  out({ n, label });
  if (n === Number(at)) process.kill(process.pid, action === 'stop' ? 'SIGSTOP' : action === 'term' ? 'SIGTERM' : 'SIGKILL');
});

const after = await runtime.services.execute(requestId);
out({ status: after?.status ?? null });
await (closing ?? runtime.close());
// A call to a vendor that never answers may still hold its socket open; the execution is over, so is the process.
process.exit(0);
