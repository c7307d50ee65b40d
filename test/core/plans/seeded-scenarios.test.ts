// Every path for every seeded scenario, from the state as the sandbox serves it: which plans exist and their steps.
import { diagnose } from '../../../src/core/diagnosis/diagnose.ts';
import type { PathId } from '../../../src/core/model/diagnosis.ts';
import { KB_PATH_IDS } from '../../../src/core/paths/path-registry.ts';
import type { PlanStepKind } from '../../../src/core/model/plan.ts';
import { DEFAULT_PLAN_OPTIONS } from '../../factories/plan-options.ts';
import { buildPlan } from '../../../src/core/plans/build-plan.ts';
import type { PlanContext } from '../../../src/core/plans/plan-context.ts';
import { GROUP, OKTA_GROUP, SCENARIOS, seedTenant } from '../../../src/sandbox/seed.ts';
import { diagnosisInputFromSeed } from '../../factories/diagnosis-input-from-seed.ts';

const NOW = new Date('2026-05-07T12:00:00.000Z');
const state = seedTenant(NOW);
const CONTEXT: PlanContext = {
  groupMemberCounts: Object.fromEntries(state.graph.groups.map((g) => [g.id, g.members.length])),
  appAssignedUsers: 19,
  workflowsConfigured: true,
  oktaGroupAssignment: { groupId: OKTA_GROUP.O365_STANDARD, groupName: 'O365 Standard', values: ['ENTERPRISEPACK'] },
};

function resultFor(title: string, path: PathId) {
  const scenario = SCENARIOS.find((s) => s.title === title);
  if (!scenario) throw new Error(`no scenario '${title}'`);
  const input = diagnosisInputFromSeed(state, scenario.userPrincipalName, NOW.toISOString());
  return buildPlan({ report: diagnose(input), input }, path, DEFAULT_PLAN_OPTIONS, CONTEXT);
}

const P1_USER: PlanStepKind[] = ['okta-set-user-licenses', 'graph-assign-direct-license'];
const TAIL: PlanStepKind[] = ['okta-repush', 'verify'];
const APP: PlanStepKind[] = ['okta-deactivate-provisioning', 'workflows-invoke', 'verify'];

// Path 1's steps per scenario (null: not applicable); paths 2 and 3 exist exactly for the conflict verdicts.
const EXPECTED: Array<[string, PlanStepKind[] | null, boolean]> = [
  ['The KB error, blank Okta licenses', [...P1_USER, 'graph-remove-group-member', ...TAIL], true],
  ['Okta holds a different license', [...P1_USER, 'graph-remove-group-member', ...TAIL], true],
  ['Dynamic licensing group', [...P1_USER, 'manual-group-membership', ...TAIL], true],
  ['Group synced from on-premises AD', [...P1_USER, 'manual-group-membership', ...TAIL], true],
  ['Mail-enabled security group', [...P1_USER, 'manual-group-membership', ...TAIL], true],
  ['Role-assignable group', [...P1_USER, 'manual-group-membership', ...TAIL], true],
  ['Licensed twice, pushes still pass', ['graph-remove-group-member', ...TAIL], true],
  ['Out of seats', null, false],
  ['Healthy user', null, false],
  ['In Okta, not assigned to Office 365', null, false],
  ['Not in Okta', null, false],
  ['Provisioning off', null, false],
  ['Okta group assignment', ['manual-okta-group-assignment', 'graph-assign-direct-license', 'graph-remove-group-member', ...TAIL], true],
  ['No usage location', null, true],
];

describe('plans for the seeded scenarios', () => {
  test('the table covers every scenario with a verdict', () => {
    expect(EXPECTED.map(([t]) => t).sort()).toEqual(SCENARIOS.filter((s) => s.verdict !== null).map((s) => s.title).sort());
  });

  test.each(EXPECTED)('%s', (title, pathOne, appPaths) => {
    const p1 = resultFor(title, 'okta-owns-licenses');
    if (pathOne === null) expect(p1.kind).toBe('not-applicable');
    else expect(p1.kind === 'plan' ? p1.plan.steps.map((s) => s.action.kind) : p1.reason).toEqual(pathOne);
    for (const path of KB_PATH_IDS.filter((p) => p !== 'okta-owns-licenses')) {
      const r = resultFor(title, path);
      expect(r.kind).toBe(appPaths ? 'plan' : 'not-applicable');
      if (r.kind === 'plan') expect(r.plan.steps.map((s) => s.action.kind)).toEqual(path === 'entra-owns-licenses' ? ['okta-deactivate-provisioning', 'verify'] : APP);
    }
  });

  test('the group variant for the KB scenario reaches every member of the E3 group', () => {
    const input = diagnosisInputFromSeed(state, SCENARIOS[0]?.userPrincipalName ?? '', NOW.toISOString());
    const r = buildPlan({ report: diagnose(input), input }, 'okta-owns-licenses', { ...DEFAULT_PLAN_OPTIONS, removeLicenseFromGroup: true }, CONTEXT);
    const members = state.graph.groups.find((g) => g.id === GROUP.E3)?.members.length;
    expect(r.kind === 'plan' && r.plan.blastRadius).toEqual({ kind: 'group', groupId: GROUP.E3, groupName: 'Licensing - Microsoft 365 E3', memberCount: members });
  });

  test('Okta holding a different license: Okta keeps it and gains the group license', () => {
    const r = resultFor('Okta holds a different license', 'okta-owns-licenses');
    expect(r.kind === 'plan' && r.plan.steps[0]?.action).toMatchObject({ values: ['ENTERPRISEPACK', 'SPE_E3'], previous: ['ENTERPRISEPACK'] });
  });
});
