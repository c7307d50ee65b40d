// An admin connecting a tenant for the first time: `diagnose` and `plan` need Graph and Okta credentials only;
// `request` and `approve` without approvers refuse (exit 2, naming APPROVERS_GROUP_ID) and write nothing; and a
// vendor that accepts connections but never answers ends `diagnose` with exit 3 and a clear message.
import { createServer, type Server, type Socket } from 'node:net';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/start-sandbox.ts';
import { cliDataDir, cliEnv, runCliProcess } from '../../support/run-cli-process.ts';

jest.setTimeout(60_000);

let sandbox: RunningSandbox;
let env: Record<string, string>;

beforeAll(async () => {
  sandbox = await startSandbox();
  const e = sandbox.endpoints;
  env = cliEnv(cliDataDir(), { GRAPH_BASE_URL: e.graphBaseUrl, GRAPH_ACCESS_TOKEN: e.graphToken, OKTA_ORG_URL: e.oktaOrgUrl, OKTA_API_TOKEN: e.oktaToken });
});
afterAll(() => sandbox.close());

test('diagnose and plan work with Graph and Okta credentials only', async () => {
  const diagnosis = await runCliProcess(['diagnose', 'adele.vance@contoso.com', '--json'], env);
  expect(diagnosis.stderr).toBe('');
  expect(diagnosis.code).toBe(0);
  expect(JSON.parse(diagnosis.stdout)).toMatchObject({ sandbox: false, verdict: 'group-inherited-license-conflict' });
  const plan = await runCliProcess(['plan', 'adele.vance@contoso.com', '--path', 'okta-owns-licenses', '--json'], env);
  expect(plan.code).toBe(0);
});

test('request and approve without approvers: exit 2 naming APPROVERS_GROUP_ID, nothing written', async () => {
  const request = await runCliProcess(['request', 'adele.vance@contoso.com', '--path', 'okta-owns-licenses', '--as', 'megan.bowen@contoso.com', '--reason', 'ticket 1'], env);
  expect(request.code).toBe(2);
  expect(request.stdout).toBe('');
  expect(request.stderr.trim().split('\n')).toHaveLength(1);
  expect(request.stderr).toMatch(/APPROVERS_GROUP_ID/);
  const approve = await runCliProcess(['approve', 'LD-AAAA-BBBB', '--as', 'patti.fernandez@contoso.com'], env);
  expect(approve.code).toBe(2);
  expect(approve.stderr).toMatch(/APPROVERS_GROUP_ID/);
  const list = await runCliProcess(['requests', '--json'], env);
  expect(list.code).toBe(0);
  expect(JSON.parse(list.stdout)).toEqual([]);
  const audit = await runCliProcess(['audit', 'verify', '--json'], env);
  expect(JSON.parse(audit.stdout)).toMatchObject({ kind: 'intact', entries: 0 });
});

describe('a vendor that accepts connections and never answers', () => {
  const sockets = new Set<Socket>();
  // Started as the file loads, not in a beforeAll: the two cases run at once (each waits out the 15 s deadline), and
  // jest starts concurrent tests before a nested describe's beforeAll.
  const silent = (async (): Promise<{ server: Server; port: number }> => {
    const server = createServer((socket) => {
      // Read and hold: the request arrives, no answer ever leaves.
      sockets.add(socket);
      socket.on('data', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    return { server, port: typeof address === 'object' && address ? address.port : 0 };
  })();
  afterAll(async () => {
    const { server } = await silent;
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test.concurrent.each([
    ['Graph', (p: number) => ({ GRAPH_BASE_URL: `http://127.0.0.1:${p}/v1.0` }), /Microsoft Graph at 127\.0\.0\.1:\d+ did not answer \w+ within 15 s/],
    ['Okta', (p: number) => ({ OKTA_ORG_URL: `http://127.0.0.1:${p}` }), /Okta at 127\.0\.0\.1:\d+ did not answer "[^"]+" within 15 s/],
  ])('%s: diagnose exits 3 with a clear message, within the default deadline', async (_vendor, point, message) => {
    const { port } = await silent;
    // The CLI is killed after 30 s: an exit code at all proves the deadline held.
    const run = await runCliProcess(['diagnose', 'adele.vance@contoso.com'], { ...env, ...point(port) }, 30_000);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain(sandbox.endpoints.graphToken);
    expect(run.stderr).not.toContain(sandbox.endpoints.oktaToken);
  });
});
