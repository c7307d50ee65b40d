// A License Doctor process for crash tests (test/e2e/crash-recovery.test.ts), run with node:
//   node crash-harness.ts execute <requestId> <killAt>   runs the approved plan, SIGKILLing itself at the killAt-th
//                                                        execution boundary or step progress (0: never; `started`:
//                                                        as soon as the request is marked executing)
//   node crash-harness.ts maintain <requestId>           maintenance passes until the request is no longer running
// The tenant and the store come from the environment, as in production (live mode: GRAPH_*, OKTA_*, DATABASE_URL);
// LEASE_MS sets the execution lease. Each boundary is printed as a JSON line before the process may die there.
import { loadConfig } from '../../src/config/load-config.ts';
import { createLogger } from '../../src/logging/create-logger.ts';
import { createRuntime } from '../../src/main.ts';

const [mode = '', requestId = '', killAt = '0'] = process.argv.slice(2);
const out = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

const runtime = await createRuntime(loadConfig(process.env), {
  logger: createLogger(process.env['TEST_LOG_LEVEL'] ?? 'silent'),
  execution: { leaseMs: Number(process.env['LEASE_MS'] ?? 1_000), verifyTimeoutMs: 5_000, verifyIntervalMs: 20, verifyMaxIntervalMs: 40, effectTimeoutMs: 2_000, effectIntervalMs: 10, callTimeoutMs: 3_000 },
});

let n = 0;
runtime.events.subscribe((event) => {
  if (event.type === 'request-changed') {
    if (killAt === 'started' && event.request.status === 'executing') process.kill(process.pid, 'SIGKILL');
    return;
  }
  n += 1;
  const label = event.type === 'execution-boundary' ? `${event.stepId} ${event.boundary}` : `${event.progress.stepId} ${event.progress.status}`;
  // A pipe write is synchronous on Linux: the line is out before the kill.
  out({ n, label });
  if (n === Number(killAt)) process.kill(process.pid, 'SIGKILL');
});

if (mode === 'execute') {
  const after = await runtime.services.execute(requestId);
  out({ status: after?.status ?? null });
} else if (mode === 'maintain') {
  const deadline = Date.now() + 20_000;
  let executed: string[] = [];
  for (;;) {
    executed = (await runtime.services.maintenance()).executed;
    const status = (await runtime.services.get(requestId))?.status;
    if ((status !== 'approved' && status !== 'executing') || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  out({ status: (await runtime.services.get(requestId))?.status ?? null, executed });
} else {
  throw new Error(`unknown mode "${mode}": use execute or maintain`);
}
await runtime.close();
