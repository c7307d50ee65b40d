// `license-doctor diagnose` and `license-doctor sandbox` as users run them: real processes, CONTRACT.md output,
// exit codes, and clear one-line messages for bad input.
import { spawn } from 'node:child_process';
import { WORKFLOWS_FLOW } from '../../../src/sandbox/seed.ts';
import { diagnosisReportSchema } from '../../support/contract-schemas.ts';
import { BIN, cliDataDir, cliEnv, ROOT, runCliProcess } from '../../support/run-cli-process.ts';

jest.setTimeout(60_000);
const env = cliEnv(cliDataDir());
const KB = `Could not push profile for Office 365 user adele.vance@contoso.com, received error: Received response with HTTP status code 400. httpStatusCode=400 errorCode=Request_BadRequest errorMessage="User license is inherited from a group membership and it cannot be removed directly from the user." client-request-id= request-id= timestamp='Fri, 06 Jan 2023 04:18:19 GMT' method=POST`;

test('diagnose --json prints exactly one contract document; the sandbox is announced on stderr', async () => {
  const run = await runCliProcess(['diagnose', 'adele.vance@contoso.com', '--json'], env);
  expect(run.code).toBe(0);
  const report = diagnosisReportSchema.parse(JSON.parse(run.stdout));
  expect(report).toMatchObject({ verdict: 'group-inherited-license-conflict', sandbox: true, query: 'adele.vance@contoso.com' });
  expect(run.stderr).toContain('using the built-in sandbox tenant');
});

test('the pasted KB error (several arguments) resolves to the user, with parsedError, and a human report', async () => {
  const run = await runCliProcess(['diagnose', '--sandbox', ...KB.split(' ')], env);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('group-inherited-license-conflict');
  expect(run.stdout).toContain("Licensing - Microsoft 365 E3");
  expect(run.stdout).toMatch(/Pasted error: okta-push · group-inherited-license · 400 · Request_BadRequest/);
  expect(run.stdout).toContain('1. okta-owns-licenses');
});

test.each([
  ['no query', ['diagnose'], /diagnose needs a user principal name/],
  ['a blank query', ['diagnose', '   '], /diagnose needs a user principal name/],
  ['prose', ['diagnose', 'can', 'you', 'help', 'me?'], /neither a user nor a recognisable license error/],
  ['binary data', ['diagnose', 'abc\u0001\u0002\u0003\u0004\u0005\u0006def'], /binary data/],
  ['1 MB of text', ['diagnose', ...Array.from({ length: 10 }, () => 'x'.repeat(100_000))], /paste at most 64 KiB/],
  ['an unknown command', ['diagnoze', 'x'], /unknown command "diagnoze"/],
  ['an unknown flag', ['diagnose', 'x@y.com', '--jsn'], /Unknown option '--jsn'/],
])('%s: exit 2 with one line on stderr, no stack trace', async (_what, args, message) => {
  const run = await runCliProcess(args, env);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trim().split('\n').filter((l) => !l.startsWith('No Graph or Okta') && !l.startsWith('Using the built-in'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
});

test('an unknown user is a verdict (exit 0), not an error', async () => {
  const run = await runCliProcess(['diagnose', 'no.such.person@contoso.com', '--json'], env);
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout).verdict).toBe('user-not-found');
});

test('Graph unreachable: exit 3 naming Microsoft Graph', async () => {
  const live = cliEnv(cliDataDir(), {
    GRAPH_BASE_URL: 'http://127.0.0.1:9/v1.0', GRAPH_ACCESS_TOKEN: 'secret-graph-token', OKTA_ORG_URL: 'http://127.0.0.1:9',
    OKTA_API_TOKEN: 'secret-okta-token', APPROVERS: 'patti.fernandez@contoso.com',
  });
  const run = await runCliProcess(['diagnose', 'adele.vance@contoso.com'], live);
  expect(run.code).toBe(3);
  expect(run.stderr).toMatch(/Graph|Okta/);
  expect(run.stderr).not.toContain('secret-graph-token');
  expect(run.stderr).not.toContain('secret-okta-token');
});

test('a configuration problem: exit 2 listing it with the fix', async () => {
  const run = await runCliProcess(['diagnose', 'adele.vance@contoso.com'], cliEnv(cliDataDir(), { GRAPH_ACCESS_TOKEN: 'x' }));
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/OKTA_ORG_URL is missing/);
});

test('sandbox --json: one line with the endpoints; pointing GRAPH_*/OKTA_* at it gives the same diagnosis as --sandbox', async () => {
  const dir = cliDataDir();
  const child = spawn(process.execPath, [BIN, 'sandbox', '--json'], { cwd: ROOT, env: cliEnv(dir), stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
      });
      child.on('error', reject);
      child.on('close', () => reject(new Error(`sandbox exited: ${out}`)));
    });
    const endpoints = JSON.parse(line) as Record<string, string>;
    expect(Object.keys(endpoints).sort()).toEqual(['graphBaseUrl', 'graphToken', 'oktaOrgUrl', 'oktaToken']);
    const live = cliEnv(cliDataDir(), {
      GRAPH_BASE_URL: endpoints.graphBaseUrl ?? '', GRAPH_ACCESS_TOKEN: endpoints.graphToken ?? '',
      OKTA_ORG_URL: endpoints.oktaOrgUrl ?? '', OKTA_API_TOKEN: endpoints.oktaToken ?? '', APPROVERS: 'patti.fernandez@contoso.com',
      // The sandbox's Okta Workflows flow, as `license-doctor sandbox` prints it (path 3 is then configured too).
      OKTA_WORKFLOWS_INVOKE_URL: `${endpoints.oktaOrgUrl}/api/flo/${WORKFLOWS_FLOW.alias}/invoke`, OKTA_WORKFLOWS_CLIENT_TOKEN: WORKFLOWS_FLOW.clientToken,
    });
    const viaEnv = await runCliProcess(['diagnose', 'megan.bowen@contoso.com', '--json'], live);
    const viaFlag = await runCliProcess(['diagnose', 'megan.bowen@contoso.com', '--json', '--sandbox'], cliEnv(dir));
    expect(viaEnv.code).toBe(0);
    const a = JSON.parse(viaEnv.stdout) as Record<string, unknown>;
    const b = JSON.parse(viaFlag.stdout) as Record<string, unknown>;
    expect({ ...a, sandbox: true }).toEqual(b);
    expect(a.verdict).toBe('group-inherited-license-conflict');
  } finally {
    child.kill('SIGTERM');
  }
});
