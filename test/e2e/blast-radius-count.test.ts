// No full scans on a click: the blast radius of paths 2 and 3 for an app with 100,000 users costs one Okta call
// ("more than 500" after one page), where paging through every app user would cost 200.
import { DEFAULT_PLAN_OPTIONS } from '../factories/plan-options.ts';
import { OKTA_APP } from '../../src/sandbox/seed.ts';
import { startSandboxRuntime, type SandboxRuntime } from '../support/test-runtime.ts';

jest.setTimeout(60_000);
const ADELE = 'adele.vance@contoso.com';

let rt: SandboxRuntime;
beforeAll(async () => {
  rt = await startSandboxRuntime();
  const app = rt.sandbox.tenant.state.okta.apps.find((a) => a.id === OKTA_APP.MAIN);
  const template = app?.appUsers[0];
  if (!app || !template) throw new Error('seed changed');
  for (let i = 0; i < 100_000; i += 1) app.appUsers.push({ ...template, userId: `00ubulk${String(i).padStart(13, '0')}` });
});
afterAll(() => rt.close());

test.each(['entra-owns-licenses', 'okta-workflows-profile-only'] as const)('%s: one Okta call counts the users, and the plan says "more than 500"', async (path) => {
  const before = rt.requests.length;
  const { plan } = await rt.services.previewPlan(ADELE, path, DEFAULT_PLAN_OPTIONS);
  const counting = rt.requests.slice(before).filter((r) => r.vendor === 'okta' && r.path === `/api/v1/apps/${OKTA_APP.MAIN}/users`);
  expect(counting).toHaveLength(1);
  expect(plan.blastRadius).toMatchObject({ kind: 'app', assignedUsers: 500, assignedUsersMore: true });
  expect(plan.summary).toContain('more than 500 users');
});
