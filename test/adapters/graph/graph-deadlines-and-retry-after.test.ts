// The Graph adapter's deadline and its reading of Retry-After, against the sandbox over HTTP: a call that outlives
// its deadline is `graph-unavailable` with `timeout: true` (the outcome is unknown); once Graph asked to wait longer
// than a call may, the next calls are throttled at once, without hammering Graph.
import { createGraphDirectory } from '../../../src/adapters/graph/create-graph-directory.ts';
import { startGraphSandbox, type RunningGraphSandbox } from '../../../src/sandbox/graph/start-graph-sandbox.ts';
import { seededEntraId } from '../../../src/sandbox/seed.ts';
import { SandboxTenant } from '../../../src/sandbox/tenant.ts';

const TOKEN = 'deadline-token';
let sandbox: RunningGraphSandbox;

beforeAll(async () => {
  sandbox = await startGraphSandbox({ tenant: new SandboxTenant(), token: TOKEN });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.calls.length = 0;
});

test('a call past its deadline: graph-unavailable, marked as a timeout, naming the operation', async () => {
  sandbox.faults.add({ kind: 'latency', latencyMs: 800, times: 1 });
  const graph = createGraphDirectory({ baseUrl: sandbox.baseUrl, credential: { kind: 'static', token: TOKEN }, timeoutMs: 200 });
  await expect(graph.getUser(seededEntraId(1))).rejects.toMatchObject({
    code: 'graph-unavailable', details: { operation: 'getUser', timeout: true }, message: expect.stringMatching(/^Microsoft Graph at 127\.0\.0\.1:\d+ did not answer getUser within 1 s/),
  });
});

test("Retry-After beyond the budget: the throttled call fails, and the next one is throttled without reaching Graph", async () => {
  sandbox.faults.add({ kind: 'throttle', retryAfterSeconds: 30, times: 1 });
  const graph = createGraphDirectory({ baseUrl: sandbox.baseUrl, credential: { kind: 'static', token: TOKEN }, retryBudgetMs: 1_000 });
  await expect(graph.getUser(seededEntraId(1))).rejects.toMatchObject({ code: 'throttled', details: { retryAfterSeconds: 30 } });
  const sent = sandbox.calls.length;
  await expect(graph.getUser(seededEntraId(2))).rejects.toMatchObject({ code: 'throttled', message: expect.stringMatching(/try again in (29|30) seconds/) });
  expect(sandbox.calls.length).toBe(sent);
});
