// npm run bench:diagnose — API calls and sequential round trips per diagnosis (caches cold and warm), and wall time
// with 50 ms injected into every sandbox call. Targets (issue 2): at most 3 sequential round trips cold and 2 warm,
// at most 8 API calls cold.
import { diagnoseUser, type DiagnoseDeps } from '../src/app/diagnose-user.ts';
import { createGraphDirectory } from '../src/adapters/graph/create-graph-directory.ts';
import { createOktaOrg } from '../src/adapters/okta/create-okta-org.ts';
import { OKTA_APP, SCENARIOS } from '../src/sandbox/seed.ts';
import { startSandbox } from '../src/sandbox/start-sandbox.ts';
import { sequentialRoundTrips } from './round-trips.ts';

const LATENCY_MS = 50;
const sandbox = await startSandbox();
sandbox.graph.faults.baseLatencyMs = LATENCY_MS;
sandbox.okta.faults.baseLatencyMs = LATENCY_MS;

function freshDeps(oktaAppId: string | null): DiagnoseDeps {
  const e = sandbox.endpoints;
  return {
    entra: createGraphDirectory({ baseUrl: e.graphBaseUrl, credential: { kind: 'static', token: e.graphToken } }),
    okta: createOktaOrg({ orgUrl: e.oktaOrgUrl, auth: { kind: 'ssws', token: e.oktaToken } }),
    clock: { now: () => Date.now() },
    sandbox: true,
    oktaAppId,
    workflowsConfigured: true,
  };
}

interface Measure { calls: number; graph: number; okta: number; rounds: number; ms: number; verdict: string }

async function measure(deps: DiagnoseDeps, query: string): Promise<Measure> {
  sandbox.graph.calls.length = 0;
  sandbox.okta.calls.length = 0;
  const started = performance.now();
  const outcome = await diagnoseUser(deps, query);
  const ms = performance.now() - started;
  const calls = [...sandbox.graph.calls, ...sandbox.okta.calls];
  return {
    calls: calls.length, graph: sandbox.graph.calls.length, okta: sandbox.okta.calls.length,
    rounds: sequentialRoundTrips(calls), ms, verdict: outcome.kind === 'diagnosis' ? outcome.diagnosis.report.verdict : outcome.kind,
  };
}

const rows: string[] = [];
const pad = (s: string | number, n: number) => String(s).padEnd(n);
let worst = { coldCalls: 0, coldRounds: 0, warmRounds: 0 };
for (const [label, appId] of [['OKTA_O365_APP_ID set', OKTA_APP.MAIN], ['auto-selected instance (2 active)', null]] as const) {
  rows.push(`\n${label}`);
  rows.push(`${pad('user', 30)}${pad('verdict', 34)}${pad('cold calls (G+O)', 18)}${pad('cold rounds', 13)}${pad('cold ms', 10)}${pad('warm calls', 12)}${pad('warm rounds', 13)}warm ms`);
  for (const s of SCENARIOS) {
    if (appId && s.verdict === 'okta-provisioning-disabled') continue; // that user is on the other instance
    if (s.verdict === null) continue;
    const deps = freshDeps(appId);
    const cold = await measure(deps, s.userPrincipalName);
    const warm = await measure(deps, s.userPrincipalName);
    if (appId) worst = { coldCalls: Math.max(worst.coldCalls, cold.calls), coldRounds: Math.max(worst.coldRounds, cold.rounds), warmRounds: Math.max(worst.warmRounds, warm.rounds) };
    rows.push(`${pad(s.userPrincipalName, 30)}${pad(cold.verdict, 34)}${pad(`${cold.calls} (${cold.graph}+${cold.okta})`, 18)}${pad(cold.rounds, 13)}${pad(cold.ms.toFixed(0), 10)}${pad(`${warm.calls}`, 12)}${pad(warm.rounds, 13)}${warm.ms.toFixed(0)}`);
  }
}
console.log(`Diagnosis cost against the sandbox tenant, ${LATENCY_MS} ms injected into every Graph and Okta call.`);
console.log(rows.join('\n'));
console.log(`\nWith OKTA_O365_APP_ID set: worst case ${worst.coldCalls} calls cold (target ≤ 8), ${worst.coldRounds} sequential round trips cold (target ≤ 3), ${worst.warmRounds} warm (target ≤ 2).`);
await sandbox.close();
