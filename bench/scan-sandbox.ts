// bench:scan's vendor side: the sandbox servers on a generated tenant, in a process of their own (as Graph and Okta run
// on other machines), every call answered after the injected latency. Prints its endpoints as one JSON line.
import { generateLargeTenant } from '../src/sandbox/large-tenant/generate-large-tenant.ts';
import { startSandbox } from '../src/sandbox/start-sandbox.ts';

const users = Number(process.argv[2]);
const latencyMs = Number(process.argv[3]);
const sandbox = await startSandbox({ state: generateLargeTenant({ users, seed: 42 }) });
sandbox.graph.faults.baseLatencyMs = latencyMs;
sandbox.okta.faults.baseLatencyMs = latencyMs;
process.stdout.write(`${JSON.stringify(sandbox.endpoints)}\n`);
process.on('SIGTERM', () => void sandbox.close().then(() => process.exit(0)));
