// A License Doctor process that runs an approved batch, for the fault suite, run with node:
//   node batch-fault-harness.ts <batchId> kill <at>
// runs the batch from the store in DATABASE_URL (DATABASE_SCHEMA on PostgreSQL) against the tenant in the environment
// (live mode, BATCH_CONCURRENCY users at a time), printing each execution boundary and step progress of every user's
// request as a JSON line ({ n, label }) and each vendor write ({ write }) before it goes out; at the `at`-th line it
// kills itself (SIGKILL). With KILL_AT_CLAIM=1 it kills itself instead as soon as the first user is claimed (their claim
// and reserved request id stored, their request not yet made). The timing variables are fault-harness.ts's.
import { out, startHarnessRuntime } from './harness-runtime.ts';

const [batchId = '', , at = '0'] = process.argv.slice(2);
const runtime = await startHarnessRuntime();

// The claim is announced once stored, before the user's plan is read and their request created.
if (process.env['KILL_AT_CLAIM'] === '1') {
  runtime.batches.subscribe((change) => {
    if (change.change === 'member') process.kill(process.pid, 'SIGKILL');
  });
}

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
