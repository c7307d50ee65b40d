// bench:scan's vendor side: the sandbox servers on a generated tenant, in a process of their own (as Graph and Okta run
// on other machines), every call answered after the injected latency. Prints its endpoints as one JSON line.
// The scan only reads, so two processes with the same generated tenant can serve one vendor each.
import { generateLargeTenant } from '../src/sandbox/large-tenant/generate-large-tenant.ts';
import { startSandbox } from '../src/sandbox/start-sandbox.ts';

const users = Number(process.argv[2]);
const latencyMs = Number(process.argv[3]);
// The same seed and time give the same tenant in every process (bench:scan serves Graph and Okta from two of them).
const now = new Date(process.argv[4] ?? Date.now());
const sandbox = await startSandbox({ state: generateLargeTenant({ users, seed: 42, now }) });
sandbox.graph.faults.baseLatencyMs = latencyMs;
sandbox.okta.faults.baseLatencyMs = latencyMs;
process.stdout.write(`${JSON.stringify(sandbox.endpoints)}\n`);
process.on('SIGTERM', () => void sandbox.close().then(() => process.exit(0)));
