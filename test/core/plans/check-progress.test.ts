// The check before every write once a plan has changed something: from the seeded tenant, Adele's path-1 plan
// after some steps, with the tenant as the steps left it, and as an administrator then changed it.
import { diagnose } from '../../../src/core/diagnosis/diagnose.ts';
import type { Plan } from '../../../src/core/model/plan.ts';
import { DEFAULT_PLAN_OPTIONS } from '../../factories/plan-options.ts';
import { buildPlan } from '../../../src/core/plans/build-plan.ts';
import { checkProgress } from '../../../src/core/plans/check-progress.ts';
import { GROUP, SCENARIOS, seedTenant } from '../../../src/sandbox/seed.ts';
import { SKU } from '../../../src/sandbox/seed-catalog.ts';
import type { SandboxState } from '../../../src/sandbox/state.ts';
import { diagnosisInputFromSeed } from '../../factories/diagnosis-input-from-seed.ts';

const NOW = new Date('2026-05-07T12:00:00.000Z');
const title = 'The KB error, blank Okta licenses';
const upn = SCENARIOS.find((s) => s.title === title)?.userPrincipalName ?? '';
const CONTEXT = { groupMemberCounts: {}, appAssignedUsers: 19, workflowsConfigured: true, oktaGroupAssignment: null };

const read = (state: SandboxState) => {
  const input = diagnosisInputFromSeed(state, upn, NOW.toISOString());
  return { report: diagnose(input), input };
};

function plan(): Plan {
  const result = buildPlan(read(seedTenant(NOW)), 'okta-owns-licenses', DEFAULT_PLAN_OPTIONS, CONTEXT);
  if (result.kind !== 'plan') throw new Error('path 1 should apply');
  return result.plan;
}

/** Adele's Office 365 app user in Okta. */
function oktaAppUser(state: SandboxState) {
  const oktaUser = state.okta.users.find((u) => u.login === upn);
  return state.okta.apps.flatMap((a) => a.appUsers).find((au) => au.userId === oktaUser?.id);
}

/** The seeded tenant after steps 1 (Okta holds E3) and 2 (E3 assigned directly), plus `change`. */
function afterSteps12(change: (s: SandboxState) => void = () => {}): SandboxState {
  const state = seedTenant(NOW);
  const user = state.graph.users.find((u) => u.userPrincipalName === upn);
  const appUser = oktaAppUser(state);
  if (!user || !appUser) throw new Error('seed changed');
  appUser.profile = { ...appUser.profile, licenses: ['SPE_E3'] };
  user.directLicenses = [...user.directLicenses, { skuId: SKU.SPE_E3, disabledPlans: [] }];
  change(state);
  return state;
}

const p = plan();
const done = new Set(['s1', 's2']);

test('the tenant as steps 1 and 2 left it: the plan holds', () => {
  expect(checkProgress(p, done, read(afterSteps12()))).toEqual({ kind: 'hold' });
});

test.each([
  ['Okta emptied', (s: SandboxState) => {
    const u = oktaAppUser(s);
    if (u) u.profile = { ...u.profile, licenses: [] };
  }, /Okta's licenses for Adele Vance are now none \(expected SPE_E3\), so a push from Okta would remove SPE_E3/],
  ['the direct assignment removed', (s: SandboxState) => {
    const u = s.graph.users.find((x) => x.userPrincipalName === upn);
    if (u) u.directLicenses = u.directLicenses.filter((l) => l.skuId !== SKU.SPE_E3);
  }, /Adele Vance no longer has the direct assignment step s2 made/],
  ['a license added that Okta does not hold', (s: SandboxState) => {
    const u = s.graph.users.find((x) => x.userPrincipalName === upn);
    if (u) u.directLicenses = [...u.directLicenses, { skuId: SKU.VISIOCLIENT, disabledPlans: [] }];
  }, /Adele Vance now has .*Visio.*, which the plan did not account for/],
  ['out of every licensing group and not assigned directly', (s: SandboxState) => {
    const u = s.graph.users.find((x) => x.userPrincipalName === upn);
    if (u) u.directLicenses = [];
    const g = s.graph.groups.find((x) => x.id === GROUP.E3);
    if (g && u) g.members = g.members.filter((m) => m !== u.id);
  }, /Adele Vance no longer has Microsoft 365 E3/],
])('%s: changed, in words', (_, change, words) => {
  const result = checkProgress(p, done, read(afterSteps12(change)));
  expect(result.kind).toBe('changed');
  expect(result.kind === 'changed' ? result.changes.join('; ') : '').toMatch(words);
});
