// A License Doctor process that runs an approved batch, for the fault suite, run with node:
//   node batch-fault-harness.ts <batchId> kill <at>
// runs the batch from the store in DATABASE_URL (DATABASE_SCHEMA on PostgreSQL) against the tenant in the environment
// (live mode, BATCH_CONCURRENCY users at a time), printing each execution boundary and step progress of every user's
// request as a JSON line ({ n, label }) and each vendor write ({ write }) before it goes out; at the `at`-th line it
// kills itself (SIGKILL). The timing variables are fault-harness.ts's.
import { loadConfig } from '../../../src/config/load-config.ts';
import { createLogger } from '../../../src/logging/create-logger.ts';
import { createRuntime } from '../../../src/main.ts';
import { isWrite } from '../../support/vendor-writes.ts';

const [batchId = '', , at = '0'] = process.argv.slice(2);
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

let n = 0;
runtime.events.subscribe((event) => {
  if (event.type === 'request-changed') return;
  n += 1;
  const label = event.type === 'execution-boundary' ? `${event.stepId} ${event.boundary}` : `${event.progress.stepId} ${event.progress.status}`;
  out({ n, label: `${event.type === 'execution-boundary' ? event.requestId : event.request.id} ${label}` });
  if (n === Number(at)) process.kill(process.pid, 'SIGKILL');
});

const batches = await runtime.fleet.openBatches();
const after = await batches.service.run(batchId);
out({ status: after.status });
await batches.close();
await runtime.close();
process.exit(0);
