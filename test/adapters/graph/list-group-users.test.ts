// listGroupUsers against the sandbox Graph server over HTTP: the approvers group's users, nested groups expanded,
// through `transitiveMembers/microsoft.graph.user`.
import { createGraphDirectory } from '../../../src/adapters/graph/create-graph-directory.ts';
import { startGraphSandbox, type RunningGraphSandbox } from '../../../src/sandbox/graph/start-graph-sandbox.ts';
import { GROUP, PERSONAS } from '../../../src/sandbox/seed.ts';
import { SandboxTenant } from '../../../src/sandbox/tenant.ts';

const TOKEN = 'adapter-test-token';
let tenant: SandboxTenant;
let sandbox: RunningGraphSandbox;
beforeAll(async () => {
  tenant = new SandboxTenant({ behaviour: { groupLicensingDelayMs: 0 } });
  sandbox = await startGraphSandbox({ tenant, token: TOKEN });
});
afterAll(() => sandbox.close());

const directory = () => createGraphDirectory({ baseUrl: sandbox.baseUrl, credential: { kind: 'static', token: TOKEN } });

test('the approvers group: Patti directly and Christie through the nested IAM Team group', async () => {
  const users = await directory().listGroupUsers(GROUP.APPROVERS);
  expect(users.map((u) => u.userPrincipalName).sort()).toEqual([PERSONAS.secondApprover, PERSONAS.approver].sort());
  expect(sandbox.calls.some((c) => c.path.endsWith(`/groups/${GROUP.APPROVERS}/transitiveMembers/microsoft.graph.user`))).toBe(true);
});
