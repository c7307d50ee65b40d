// Who decides from the command line, in live mode (the real `license-doctor` child process on a sandbox tenant reached
// like a real one): `--as` is recorded as asserted, not verified (audit and chat card); CLI_DECISIONS=false refuses
// decisions; `--login` takes the UPN from an Entra sign-in through @azure/identity's AzureCliCredential, and a failed
// sign-in decides nothing. The sign-ins run the real credential against stand-in `az` executables on PATH (the
// Azure CLI is not installed here); a device-code sign-in needs Microsoft's servers and is not tested.
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { createRequestStore } from '../../../src/adapters/store/create-request-store.ts';
import type { AuditEntry } from '../../../src/core/model/journal.ts';
import type { LicenseRequest } from '../../../src/core/model/request.ts';
import { requestView } from '../../../src/core/views/request-view.ts';
import type { RunningSandbox } from '../../../src/sandbox/start-sandbox.ts';
import { PERSONAS } from '../../../src/sandbox/seed.ts';
import { requestCard } from '../../../src/surfaces/slack/render-request-card.ts';
import { approvalCard } from '../../../src/surfaces/teams/approval-card.ts';
import { cliDataDir, cliEnv, runCliProcess, type CliRun } from '../../support/run-cli-process.ts';
import { liveEnv, startTestSandbox } from '../../support/test-runtime.ts';

jest.setTimeout(60_000);

const dir = cliDataDir();
const OS_USER = userInfo().username;
let sandbox: RunningSandbox;
let env: Record<string, string>;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  env = cliEnv(dir, liveEnv(sandbox));
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (args: readonly string[], extra: Record<string, string> = {}): Promise<CliRun> => runCliProcess(args, { ...env, ...extra });

async function newRequest(user: string): Promise<string> {
  const run = await cli(['request', user, '--path', 'okta-owns-licenses', '--as', PERSONAS.agent, '--reason', 'Okta keeps failing', '--acknowledge-removal', '--json']);
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as { id: string }).id;
}

async function stored(id: string): Promise<{ request: LicenseRequest | null; audit: AuditEntry[] }> {
  const store = await createRequestStore(env.DATABASE_URL ?? '');
  try {
    return { request: await store.get(id), audit: await store.audit({ requestId: id }) };
  } finally {
    await store.close();
  }
}

/** A folder holding an `az` that prints `stdout` (exit 0) or `stderr` (exit 1), as the Azure CLI does. */
function fakeAz(name: string, output: { stdout?: string; stderr?: string }): string {
  const bin = join(dir, name);
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'out.txt'), output.stdout ?? output.stderr ?? '');
  const body = output.stdout !== undefined ? 'cat "$(dirname "$0")/out.txt"' : 'cat "$(dirname "$0")/out.txt" >&2; exit 1';
  writeFileSync(join(bin, 'az'), `#!/bin/sh\n${body}\n`);
  chmodSync(join(bin, 'az'), 0o755);
  return `${bin}:/usr/bin:/bin`;
}

/** An access token as Entra issues it for `upn` (the CLI reads its claims; Entra signs it). */
function token(upn: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ typ: 'JWT', alg: 'RS256' })}.${part({ upn, tid: 'a1b2c3d4-0000-4000-8000-000000000001', aud: 'https://graph.microsoft.com' })}.signature`;
}

test('an --as decision is recorded as asserted, not verified, with the OS user, in the audit and on both chat cards', async () => {
  const id = await newRequest('adele.vance@contoso.com');
  const run = await cli(['approve', id, '--as', PERSONAS.approver, '--no-execute', '--json']);
  expect(run.code).toBe(0);
  const { request, audit } = await stored(id);
  expect(audit.find((e) => e.action === 'request.approved')?.actorDetail).toMatchObject({
    surface: 'cli', surfaceUserId: OS_USER, via: 'cli', osUser: OS_USER, identity: 'identity asserted, not verified',
  });
  if (!request) throw new Error('the request is gone');
  const note = `via CLI, OS user ${OS_USER}; identity asserted, not verified`;
  const view = requestView(request);
  expect(view.approvals).toBe(`1 of 1: Patti Fernandez (${note})`);
  expect(JSON.stringify(requestCard(view))).toContain(note);
  expect(JSON.stringify(approvalCard(view, { refreshUserIds: null, viewer: null }))).toContain(note);
});

test('CLI_DECISIONS=false refuses approve, reject and cancel from the command line, with an audit entry', async () => {
  const id = await newRequest('grady.archie@contoso.com');
  const message = 'Decisions from the command line are turned off (CLI_DECISIONS=false): approve, reject or cancel this request in Slack or Teams.';
  for (const args of [['approve', id, '--as', PERSONAS.approver], ['reject', id, '--as', PERSONAS.approver, '--reason', 'no'], ['cancel', id, '--as', PERSONAS.agent]]) {
    const run = await cli(args, { CLI_DECISIONS: 'false' });
    expect([run.code, run.stderr.trim()]).toEqual([4, `license-doctor: ${message}`]);
  }
  const { request, audit } = await stored(id);
  expect(request).toMatchObject({ status: 'pending', decisions: [] });
  expect(audit.slice(-3).map((e) => [e.action, e.data.reason])).toEqual([
    ['approval.refused', 'cli-decisions-off'], ['rejection.refused', 'cli-decisions-off'], ['cancellation.refused', 'cli-decisions-off'],
  ]);
});

describe('--login', () => {
  let id: string;
  beforeAll(async () => {
    id = await newRequest('megan.bowen@contoso.com');
  });

  test('without the Azure CLI, the sign-in fails and nothing is decided', async () => {
    const empty = join(dir, 'empty-bin');
    mkdirSync(empty, { recursive: true });
    const run = await cli(['approve', id, '--login', '--no-execute'], { PATH: empty });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('license-doctor: Sign-in with Azure CLI failed, so nothing was decided: Azure CLI could not be found.');
    expect((await stored(id)).request).toMatchObject({ status: 'pending', decisions: [] });
  });

  test('signed out of the Azure CLI, the sign-in fails and nothing is decided', async () => {
    const run = await cli(['approve', id, '--login', '--no-execute'], { PATH: fakeAz('signed-out', { stderr: "ERROR: Please run 'az login' to setup account." }) });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain("Sign-in with Azure CLI failed, so nothing was decided: Please run 'az login'");
    expect((await stored(id)).request).toMatchObject({ status: 'pending', decisions: [] });
  });

  test('a token without a user (a service principal) is refused', async () => {
    const app = `${Buffer.from('{}').toString('base64url')}.${Buffer.from(JSON.stringify({ appid: 'x' })).toString('base64url')}.s`;
    const run = await cli(['approve', id, '--login', '--no-execute'], { PATH: fakeAz('app-token', { stdout: JSON.stringify({ accessToken: app, expires_on: 4102444800 }) }) });
    expect([run.code, run.stderr.trim()]).toEqual([4, 'license-doctor: Sign-in with Azure CLI failed, so nothing was decided: the token Entra ID returned names no user (was a service principal signed in?).']);
  });

  test('an --as that is not the signed-in user is refused', async () => {
    const path = fakeAz('christie', { stdout: JSON.stringify({ accessToken: token(PERSONAS.secondApprover), expires_on: 4102444800 }) });
    const run = await cli(['approve', id, '--login', '--as', PERSONAS.approver, '--no-execute'], { PATH: path });
    expect([run.code, run.stderr.trim()]).toEqual([4, `license-doctor: You signed in as ${PERSONAS.secondApprover}, so you cannot act as ${PERSONAS.approver}; leave out --as or sign in as that person.`]);
    expect((await stored(id)).request).toMatchObject({ status: 'pending', decisions: [] });
  });

  test('the signed-in user decides, recorded as verified by the sign-in', async () => {
    const path = fakeAz('christie', { stdout: JSON.stringify({ accessToken: token(PERSONAS.secondApprover), expires_on: 4102444800 }) });
    const run = await cli(['approve', id, '--login', '--no-execute', '--json'], { PATH: path });
    expect(run.code).toBe(0);
    const { request, audit } = await stored(id);
    expect(request?.decisions.map((d) => [d.kind, d.by.userPrincipalName, d.by.cli])).toEqual([['approve', PERSONAS.secondApprover, { osUser: OS_USER, signIn: 'azure-cli' }]]);
    expect(audit.find((e) => e.action === 'request.approved')?.actorDetail).toMatchObject({ osUser: OS_USER, identity: 'verified by Entra ID sign-in (Azure CLI)' });
    if (request) expect(requestView(request).approvals).toBe(`1 of 1: Christie Cline (via CLI, OS user ${OS_USER}; verified by Entra ID sign-in (Azure CLI))`);
  });

  test('--device-code goes with --login', async () => {
    const run = await cli(['approve', id, '--device-code']);
    expect([run.code, run.stderr.trim()]).toEqual([2, 'license-doctor: --device-code goes with --login; run license-doctor --help']);
  });
});
