// A scan killed with SIGKILL mid-way resumes from its checkpoint in the store: the report equals an uninterrupted
// scan's, and no page is read more than twice (only the pages in flight at the kill are read again); also when most
// waiting users were spilled to the store.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateLargeTenant } from '../../../src/sandbox/large-tenant/generate-large-tenant.ts';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/start-sandbox.ts';
import { BIN, cliDataDir, cliEnv, ROOT, runCliProcess } from '../../support/run-cli-process.ts';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ state: generateLargeTenant({ users: 3000, seed: 11 }) });
  sandbox.graph.faults.baseLatencyMs = 120;
  sandbox.okta.faults.baseLatencyMs = 120;
});
afterAll(async () => sandbox.close());

const tenantEnv = () => ({
  GRAPH_BASE_URL: sandbox.endpoints.graphBaseUrl, GRAPH_ACCESS_TOKEN: sandbox.endpoints.graphToken,
  OKTA_ORG_URL: sandbox.endpoints.oktaOrgUrl, OKTA_API_TOKEN: sandbox.endpoints.oktaToken, SCAN_LEASE_SECONDS: '2', APPROVERS: 'approver@contoso.com',
});
const pageCalls = () => [...sandbox.graph.calls, ...sandbox.okta.calls].filter((c) => c.path === '/v1.0/users' || /^\/api\/v1\/apps\/[^/]+\/users$/.test(c.path));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Report { summary: unknown; users: Array<{ userPrincipalName: string }> }
const readReport = (file: string): Report => JSON.parse(readFileSync(file, 'utf8')) as Report;

// Default budget: every waiting user in memory. 48 KB: about fifty in memory, the rest spilled to the store and
// joined by the final merge.
it.each([['in memory', null], ['spilled to the store', '48']] as const)('resumes after SIGKILL with the same report, reading no page more than twice (waiting users %s)', async (_how, waitingKb) => {
  const dir = cliDataDir();
  const env = cliEnv(dir, { ...tenantEnv(), ...(waitingKb === null ? {} : { SCAN_WAITING_KB: waitingKb }) });
  sandbox.graph.calls.length = 0;
  sandbox.okta.calls.length = 0;

  const child = spawn(process.execPath, [BIN, 'scan', '--json', '--out', join(dir, 'first.json')], { cwd: ROOT, env, stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  // Kill once a few pages of each side have been read (the scan is then well under way, not finished).
  for (let i = 0; i < 600 && pageCalls().filter((c) => c.path === '/v1.0/users').length < 2; i++) await sleep(25);
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  const readBeforeKill = new Set(pageCalls().map((c) => `${c.path}${c.query}`));

  await sleep(2200); // the crashed scan's lease lapses
  const resumed = await runCliProcess(['scan', '--json', '--out', join(dir, 'resumed.json')], env, 120_000);
  expect(resumed.stderr).toContain('Resumed the interrupted scan');
  expect(resumed.code).toBe(0);

  const reads = new Map<string, number>();
  for (const c of pageCalls()) reads.set(`${c.path}${c.query}`, (reads.get(`${c.path}${c.query}`) ?? 0) + 1);
  expect(Math.max(...reads.values())).toBeLessThanOrEqual(2);
  // Only the pages in flight at the kill (at most two per side) were read again; the committed ones were not.
  expect([...reads.values()].filter((n) => n === 2).length).toBeLessThanOrEqual(4);
  expect([...readBeforeKill].filter((url) => reads.get(url) === 1).length).toBeGreaterThan(0);

  const fresh = await runCliProcess(['scan', '--json', '--out', join(dir, 'fresh.json')], cliEnv(cliDataDir(), tenantEnv()), 120_000);
  expect(fresh.code).toBe(0);
  const a = readReport(join(dir, 'resumed.json'));
  const b = readReport(join(dir, 'fresh.json'));
  expect(a.users.length).toBe(3000 + 9);
  expect(a.summary).toEqual(b.summary);
  expect(a.users).toEqual(b.users);
}, 240_000);

it('runs one scan at a time: a second instance is refused while the first holds the lease', async () => {
  const dir = cliDataDir();
  const env = cliEnv(dir, { ...tenantEnv(), SCAN_LEASE_SECONDS: '60' });
  const first = runCliProcess(['scan', '--csv', '--out', join(dir, 'first.csv')], env, 120_000);
  for (let i = 0; i < 600 && pageCalls().length === 0; i++) await sleep(25);
  sandbox.graph.calls.length = 0;
  sandbox.okta.calls.length = 0;
  for (let i = 0; i < 600 && pageCalls().length === 0; i++) await sleep(25);
  // The first scan is paging; its next pages are slowed so that it still holds the lease however long the second CLI
  // takes to start on a loaded machine (a 3,000-user scan otherwise ends in about a second).
  sandbox.graph.faults.baseLatencyMs = 5_000;
  sandbox.okta.faults.baseLatencyMs = 5_000;
  const second = await runCliProcess(['scan'], env, 60_000).finally(() => {
    sandbox.graph.faults.baseLatencyMs = 120;
    sandbox.okta.faults.baseLatencyMs = 120;
  });
  expect(second.code).toBe(4);
  // The lease names who started the running scan: the operating-system user of the first CLI.
  expect(second.stderr).toMatch(/a scan started by \S+ \(command line\) is already running/);
  expect((await first).code).toBe(0);
  const csv = readFileSync(join(dir, 'first.csv'), 'utf8').trim().split('\n');
  expect(csv[0]).toBe('userPrincipalName,verdict,conflictSkus,groups,syncState,lastPushFailureAt,lastPushFailure');
  expect(csv.length).toBe(1 + 3000 + 9);
}, 240_000);
