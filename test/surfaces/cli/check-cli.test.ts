// `license-doctor check`: one line per capability, exit 0 when everything configured works, 2 when something is
// missing (CONTRACT.md "Added for real tenants"), against a sandbox enforcing Graph roles and Okta scopes.
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/start-sandbox.ts';
import { cliDataDir, cliEnv, runCliProcess } from '../../support/run-cli-process.ts';

jest.setTimeout(60_000);

let sandbox: RunningSandbox;
afterEach(() => sandbox.close());

const envFor = (s: RunningSandbox) => cliEnv(cliDataDir(), {
  GRAPH_BASE_URL: s.endpoints.graphBaseUrl, GRAPH_ACCESS_TOKEN: s.endpoints.graphToken, OKTA_ORG_URL: s.endpoints.oktaOrgUrl, OKTA_API_TOKEN: s.endpoints.oktaToken,
});

test('everything granted: exit 0, every line ok', async () => {
  sandbox = await startSandbox();
  const run = await runCliProcess(['check'], envFor(sandbox));
  expect(run.code).toBe(0);
  expect(run.stdout.trim().split('\n')).toEqual([
    expect.stringMatching(/^diagnose\s+ok$/), expect.stringMatching(/^plan\s+ok$/), expect.stringMatching(/^execute path 1 .*\s+ok$/),
    expect.stringMatching(/^execute path 2 .*\s+ok$/), expect.stringMatching(/^execute path 3 .*\s+ok$/),
  ]);
});

test('read-only credentials: exit 2; --json names each missing permission and where to grant it', async () => {
  sandbox = await startSandbox({ graphRoles: ['User.Read.All', 'GroupMember.Read.All', 'Organization.Read.All'] });
  sandbox.tenant.behaviour.oktaScopes = ['okta.users.read', 'okta.groups.read', 'okta.apps.read', 'okta.schemas.read', 'okta.logs.read'];
  const run = await runCliProcess(['check', '--json'], envFor(sandbox));
  expect(run.code).toBe(2);
  const report = JSON.parse(run.stdout) as { graphRoles: string[]; capabilities: Array<{ id: string; ok: boolean; missing: Array<{ permission: string; grant: string }> }> };
  expect(report.graphRoles).toEqual(['User.Read.All', 'GroupMember.Read.All', 'Organization.Read.All']);
  expect(report.capabilities.map((c) => [c.id, c.ok, c.missing.map((m) => m.permission)])).toEqual([
    ['diagnose', true, []],
    ['plan', true, []],
    ['execute:okta-owns-licenses', false, ['LicenseAssignment.ReadWrite.All', 'GroupMember.ReadWrite.All', 'okta.apps.manage']],
    ['execute:entra-owns-licenses', false, ['okta.apps.manage']],
    ['execute:okta-workflows-profile-only', false, ['okta.apps.manage']],
  ]);
  const human = await runCliProcess(['check'], envFor(sandbox));
  expect(human.stdout).toMatch(/execute path 1 .* MISSING\n {4}missing Microsoft Graph LicenseAssignment\.ReadWrite\.All: Microsoft Entra admin center > App registrations/);
});
