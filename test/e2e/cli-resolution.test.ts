// Issue 3 end to end from the command line: `node bin/license-doctor.js` child processes, each tenant a sandbox state
// file and a SQLite store in a temp dir of its own (independent tenants run in parallel). Covers the Request JSON of
// CONTRACT.md, exit codes 0/1/2/3/4, a manual step done in the sandbox then `recheck`, two approvals, path 3,
// `requests --status`, `show` and `audit verify` before and after a row is tampered with.
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { GROUP, PERSONAS } from '../../src/sandbox/seed.ts';
import { startSandbox } from '../../src/sandbox/start-sandbox.ts';
import { cliDataDir, cliEnv, runCliProcess, type CliRun } from '../support/run-cli-process.ts';
import { graph } from '../support/sandbox-admin.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

type Run = CliRun;

/** A tenant of its own: sandbox state file and SQLite store in a private folder. */
function tenant(): { dir: string; env: Record<string, string>; stateFile: string; storeFile: string } {
  const dir = cliDataDir();
  dirs.push(dir);
  return { dir, env: cliEnv(dir), stateFile: join(dir, 'sandbox.json'), storeFile: join(dir, 'store.sqlite') };
}

const cli = (env: Record<string, string>, args: readonly string[]): Promise<Run> => runCliProcess(args, env);

const json = (run: Run): Record<string, unknown> => JSON.parse(run.stdout) as Record<string, unknown>;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** The Request JSON of CONTRACT.md: the fields scripts rely on, with their types. */
function expectRequestJson(doc: Record<string, unknown>, expected: Record<string, unknown>): void {
  expect(doc).toEqual(expect.objectContaining({
    id: expect.stringMatching(/^LD-[2-9A-Z]{4}-[2-9A-Z]{4}$/),
    status: expect.stringMatching(/^(pending|approved|executing|succeeded|failed|needs-manual-steps|rejected|expired|cancelled)$/),
    path: expect.stringMatching(/^(okta-owns-licenses|entra-owns-licenses|okta-workflows-profile-only)$/),
    scope: expect.stringMatching(/^(user|group|app)$/),
    approvalsRequired: expect.any(Number),
    approvals: expect.any(Array),
    requestedBy: PERSONAS.agent,
    reason: expect.any(String),
    plan: expect.objectContaining({ before: expect.any(Array), after: expect.any(Array), steps: expect.any(Array) }),
    outcome: doc['outcome'] === null ? null : { status: expect.stringMatching(/^(succeeded|failed|needs-manual-steps)$/), message: expect.any(String) },
    ...expected,
  }));
  for (const a of doc['approvals'] as unknown[]) expect(a).toEqual({ by: expect.any(String), at: expect.stringMatching(ISO) });
  const plan = doc['plan'] as { steps: unknown[] };
  for (const s of plan.steps) {
    expect(s).toEqual(expect.objectContaining({ kind: expect.any(String), status: expect.stringMatching(/^(pending|running|succeeded|skipped|failed|manual)$/) }));
    expect((s as { detail: unknown }).detail === null || typeof (s as { detail: unknown }).detail === 'string').toBe(true);
  }
}

const stepStatuses = (doc: Record<string, unknown>) => (doc['plan'] as { steps: Array<{ status: string }> }).steps.map((s) => s.status);

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

// The four tenants are independent, so their processes run side by side.
test.concurrent('Adele and Alex, path 1: verified; a self-approval refused; a manual step, then recheck; listings; a tampered audit row named', async () => {
  const main = tenant();
  const asked = await cli(main.env, ['request', 'adele.vance@contoso.com', '--path', 'okta-owns-licenses', '--as', PERSONAS.agent, '--reason', 'Okta pushes fail for Adele', '--json']);
  expect(asked).toMatchObject({ code: 0 });
  expect(asked.stderr).toContain('using the built-in sandbox tenant');
  const adele = json(asked);
  expectRequestJson(adele, { status: 'pending', path: 'okta-owns-licenses', scope: 'user', approvalsRequired: 1, approvals: [], reason: 'Okta pushes fail for Adele', outcome: null });
  expect(stepStatuses(adele)).toEqual(['pending', 'pending', 'pending', 'pending', 'pending']);
  const id = String(adele['id']);

  const [alexAsked, self] = await Promise.all([
    cli(main.env, ['request', 'alex.wilber@contoso.com', '--path', 'okta-owns-licenses', '--as', PERSONAS.agent, '--reason', 'Dynamic group', '--json']),
    cli(main.env, ['approve', id, '--as', PERSONAS.agent]),
  ]);
  expect(self).toMatchObject({ code: 4, stdout: '', stderr: expect.stringContaining('license-doctor: You asked for this change, so someone else must approve it.\n') });
  expect(alexAsked.code).toBe(0);
  const alexId = String(json(alexAsked)['id']);

  const approved = await cli(main.env, ['approve', id, '--as', PERSONAS.approver, '--json']);
  expect(approved.code).toBe(0);
  const done = json(approved);
  expectRequestJson(done, { id, status: 'succeeded', approvals: [{ by: PERSONAS.approver, at: expect.stringMatching(ISO) }] });
  expect(stepStatuses(done)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded', 'succeeded']);
  expect(done['outcome']).toEqual({ status: 'succeeded', message: expect.stringMatching(/^Verified: Okta pushed Adele Vance's profile successfully at \d\d:\d\d UTC, and Microsoft Graph shows Microsoft 365 E3 \(direct\)\.$/) });

  const waiting = await cli(main.env, ['approve', alexId, '--as', PERSONAS.approver, '--json']);
  expect(waiting.code).toBe(0);
  const alex = json(waiting);
  expectRequestJson(alex, { id: alexId, status: 'needs-manual-steps' });
  expect(stepStatuses(alex)).toEqual(['succeeded', 'succeeded', 'manual', 'pending', 'pending']);
  expect(alex['outcome']).toEqual({
    status: 'needs-manual-steps',
    message: expect.stringMatching(new RegExp(`^Step 3 needs a person — Take Alex Wilber out of the dynamic group 'Sales \\(dynamic\\) - Microsoft 365 E3': .*user\\.department -eq "Sales".* Then press Re-check \\(license-doctor recheck ${alexId}\\)`)),
  });

  // The helpdesk changes Alex's department through Graph; the dynamic group lets him go.
  const admin = await startSandbox({ file: main.stateFile, behaviour: { groupLicensingDelayMs: 0 } });
  try {
    const user = admin.tenant.state.graph.users.find((u) => u.userPrincipalName === 'alex.wilber@contoso.com');
    await graph(admin, 'PATCH', `/users/${user?.id ?? ''}`, { department: 'Retail' });
  } finally {
    await admin.close();
  }
  const rechecked = await cli(main.env, ['recheck', alexId, '--json']);
  expect(rechecked.code).toBe(0);
  const finished = json(rechecked);
  expectRequestJson(finished, { id: alexId, status: 'succeeded' });
  expect(stepStatuses(finished)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded', 'succeeded']);
  expect(finished['outcome']).toEqual({ status: 'succeeded', message: expect.stringMatching(/^Verified: Okta pushed Alex Wilber's profile successfully/) });

  const [listed, shown, intact, late] = await Promise.all([
    cli(main.env, ['requests', '--status', 'succeeded', '--json']),
    cli(main.env, ['show', id, '--json']),
    cli(main.env, ['audit', 'verify']),
    cli(main.env, ['approve', id, '--as', PERSONAS.secondApprover]),
  ]);
  expect(listed.code).toBe(0);
  const list = JSON.parse(listed.stdout) as Array<Record<string, unknown>>;
  expect(list.map((r) => r['id'])).toEqual([alexId, id]);
  for (const r of list) expectRequestJson(r, { status: 'succeeded' });
  expect(shown.code).toBe(0);
  expect(json(shown)).toEqual(done);
  expect(intact).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Audit log intact: \d+ entries, every hash chained to the one before\.\n$/) });
  expect(late).toMatchObject({ code: 4, stderr: expect.stringMatching(/license-doctor: Already approved by Patti Fernandez \(patti\.fernandez@contoso\.com\) at \d\d:\d\d UTC — the change succeeded\.\n$/) });

  // Someone edits who approved Adele's request, straight in the database.
  const db = new Database(main.storeFile);
  const row = db.prepare("SELECT seq FROM audit_log WHERE request_id = ? AND action = 'request.approved'").get(id) as { seq: number };
  db.prepare("UPDATE audit_log SET actor = 'mallory@contoso.com' WHERE seq = ?").run(row.seq);
  db.close();
  const broken = await cli(main.env, ['audit', 'verify', '--json']);
  expect(broken.code).toBe(1);
  expect(JSON.parse(broken.stdout)).toEqual({ kind: 'broken', entries: expect.any(Number), firstBrokenSeq: row.seq, reason: 'its content does not match its hash (changed after it was written)' });
}, 120_000);

test.concurrent('Grady, path 2: the app-wide change runs after the second approval', async () => {
  const t = tenant();
  const asked = await cli(t.env, ['request', 'grady.archie@contoso.com', '--path', 'entra-owns-licenses', '--as', PERSONAS.agent, '--reason', 'Let Entra own licenses', '--json']);
  expect(asked.code).toBe(0);
  const id = String(json(asked)['id']);
  expectRequestJson(json(asked), { status: 'pending', scope: 'app', approvalsRequired: 2 });
  const one = await cli(t.env, ['approve', id, '--as', PERSONAS.approver, '--json']);
  expect(one).toMatchObject({ code: 0, stderr: expect.stringContaining('Patti Fernandez (patti.fernandez@contoso.com) approved (1 of 2); waiting for 1 more approval.') });
  expectRequestJson(json(one), { status: 'pending', approvals: [{ by: PERSONAS.approver, at: expect.stringMatching(ISO) }] });
  const two = await cli(t.env, ['approve', id, '--as', PERSONAS.secondApprover, '--json']);
  expect(two.code).toBe(0);
  const done = json(two);
  expectRequestJson(done, { status: 'succeeded', approvals: [expect.objectContaining({ by: PERSONAS.approver }), expect.objectContaining({ by: PERSONAS.secondApprover })] });
  expect(stepStatuses(done)).toEqual(['succeeded', 'succeeded']);
  expect(done['outcome']).toEqual({ status: 'succeeded', message: "Verified: Okta's provisioning of Microsoft Office 365 is off, so Okta no longer pushes licenses; Grady Archie keeps the licenses Entra ID gives." });
}, 120_000);

test.concurrent('Megan, path 3: provisioning off and the Okta Workflows flow invoked', async () => {
  const t = tenant();
  const asked = await cli(t.env, ['request', 'megan.bowen@contoso.com', '--path', 'okta-workflows-profile-only', '--as', PERSONAS.agent, '--reason', 'Profile only', '--json']);
  expect(asked.code).toBe(0);
  const id = String(json(asked)['id']);
  expect((await cli(t.env, ['approve', id, '--as', PERSONAS.secondApprover])).code).toBe(0);
  const two = await cli(t.env, ['approve', id, '--as', PERSONAS.approver, '--json']);
  expect(two.code).toBe(0);
  const done = json(two);
  expectRequestJson(done, { status: 'succeeded', path: 'okta-workflows-profile-only' });
  expect((done['plan'] as { steps: Array<{ kind: string; status: string }> }).steps).toEqual([
    expect.objectContaining({ kind: 'okta-deactivate-provisioning', status: 'succeeded' }),
    expect.objectContaining({ kind: 'workflows-invoke', status: 'succeeded', detail: 'Okta Workflows flow answered 200' }),
    expect.objectContaining({ kind: 'verify', status: 'succeeded' }),
  ]);
}, 120_000);

test.concurrent('a usage error exits 2; Graph out of reach exits 3, naming it', async () => {
  const port = await closedPort();
  const t = tenant();
  const live = {
    ...t.env, SANDBOX: '', GRAPH_BASE_URL: `http://127.0.0.1:${port}/v1.0`, GRAPH_ACCESS_TOKEN: 'not-a-real-token', OKTA_ORG_URL: `http://127.0.0.1:${port}`,
    OKTA_API_TOKEN: 'not-a-real-token', APPROVERS_GROUP_ID: GROUP.APPROVERS,
  };
  const [usage, unreachable] = await Promise.all([
    cli(t.env, ['request', 'adele.vance@contoso.com', '--path', 'okta-owns-everything', '--as', PERSONAS.agent, '--reason', 'x']),
    cli(live, ['request', 'adele.vance@contoso.com', '--path', 'okta-owns-licenses', '--as', PERSONAS.agent, '--reason', 'x', '--json']),
  ]);
  expect(usage).toEqual({
    code: 2, stdout: '',
    stderr: 'license-doctor: --path must be one of okta-owns-licenses, entra-owns-licenses, okta-workflows-profile-only, okta-provisioning-on (got "okta-owns-everything")\n',
  });
  expect(unreachable).toMatchObject({ code: 3, stdout: '' });
  expect(unreachable.stderr).toMatch(new RegExp(`^license-doctor: Could not reach Microsoft Graph at 127\\.0\\.0\\.1:${port} \\([^)]+\\): check GRAPH_BASE_URL and the network\\.\n$`));
}, 120_000);
