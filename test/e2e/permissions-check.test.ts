// What the credentials may do, read live against a sandbox that enforces Graph application permissions (the token's
// roles) and Okta scopes: `check` names each missing permission and where to grant it, and an execution the
// permissions cannot finish is refused before its first write.
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox.ts';
import type { Runtime } from '../../src/main.ts';
import { approve, ask } from '../support/request-flow.ts';
import { FAST_SANDBOX, startLiveRuntime } from '../support/test-runtime.ts';
import { clearCalls, sandboxWrites } from '../support/vendor-writes.ts';

jest.setTimeout(60_000);
const READ_ROLES = ['User.Read.All', 'GroupMember.Read.All', 'Organization.Read.All'];
const OKTA_READS = ['okta.users.read', 'okta.groups.read', 'okta.apps.read', 'okta.schemas.read', 'okta.logs.read'];

let sandbox: RunningSandbox;
let rt: Runtime;
afterEach(async () => {
  await rt.close();
  await sandbox.close();
});

async function start(graphRoles: string[] | undefined, oktaScopes: string[] | null): Promise<void> {
  sandbox = await startSandbox({ behaviour: { ...FAST_SANDBOX, oktaScopes }, ...(graphRoles ? { graphRoles } : {}) });
  rt = await startLiveRuntime(sandbox);
}

test('everything granted: every line is ok', async () => {
  await start(undefined, null);
  const { lines, granted } = await rt.services.checkPermissions();
  expect(granted.oktaScopes).toEqual(expect.arrayContaining([...OKTA_READS, 'okta.apps.manage']));
  expect(lines.map((l) => [l.id, l.ok])).toEqual([
    ['diagnose', true], ['plan', true], ['execute:okta-owns-licenses', true], ['execute:entra-owns-licenses', true], ['execute:okta-workflows-profile-only', true],
  ]);
});

test('read-only grants: diagnose and plan work; each path names what is missing and where to grant it', async () => {
  await start(READ_ROLES, OKTA_READS);
  const { lines } = await rt.services.checkPermissions();
  const line = (id: string) => lines.find((l) => l.id === id);
  expect(line('diagnose')).toMatchObject({ ok: true, missing: [] });
  expect(line('plan')).toMatchObject({ ok: true });
  expect(line('execute:okta-owns-licenses')?.missing.map((m) => m.permission)).toEqual(['LicenseAssignment.ReadWrite.All', 'GroupMember.ReadWrite.All', 'okta.apps.manage']);
  expect(line('execute:okta-owns-licenses')?.missing[0]?.grant).toMatch(/App registrations > .* API permissions .* Grant admin consent/);
  expect(line('execute:entra-owns-licenses')).toMatchObject({ ok: false, missing: [{ vendor: 'okta', permission: 'okta.apps.manage', grant: expect.stringMatching(/Okta API Scopes/) }] });
  // Diagnosis really works with these grants.
  expect(await rt.services.diagnose('adele.vance@contoso.com')).toMatchObject({ kind: 'diagnosis' });
});

test('no Okta log access: diagnose is not possible, and says so', async () => {
  await start(undefined, OKTA_READS.filter((s) => s !== 'okta.logs.read'));
  const { lines } = await rt.services.checkPermissions();
  expect(lines[0]).toMatchObject({ id: 'diagnose', ok: false, missing: [{ permission: 'okta.logs.read' }] });
});

test('an execution the Graph permissions cannot finish is refused before its first write', async () => {
  await start(READ_ROLES, null);
  const request = await ask(rt.services, { query: 'adele.vance@contoso.com', path: 'okta-owns-licenses' });
  await approve(rt.services, request);
  clearCalls(sandbox);
  const done = await rt.services.execute(request.id);
  expect(done).toMatchObject({ status: 'failed', outcome: { message: expect.stringMatching(/Nothing was changed.*LicenseAssignment\.ReadWrite\.All/) } });
  expect(sandboxWrites(sandbox)).toEqual([]);
});
