// buildPlan: which diagnoses have a plan at all, and what every plan carries whatever the path.
import type { PathId } from '../../../src/core/model/diagnosis.ts';
import { KB_PATH_IDS } from '../../../src/core/paths/path-registry.ts';
import { DEFAULT_PLAN_OPTIONS } from '../../factories/plan-options.ts';
import { buildPlan } from '../../../src/core/plans/build-plan.ts';
import { GROUP_ID, SKU_ID, appUser, directPath, entraUser, groupPath } from '../../factories/diagnosis-input.ts';
import { CONTEXT, diagnosisOf, planOf } from './plan-fixtures.ts';

describe('buildPlan: not applicable without a conflict', () => {
  test.each<[string, Parameters<typeof diagnosisOf>[0], RegExp]>([
    ['user-not-identified', { identifier: null, user: null, okta: null }, /^No user was identified/],
    ['user-not-found', { user: null, okta: null }, /^There is no such user in Entra ID/],
    ['not-managed-by-okta', { okta: { appUser: null, pushFailures: [] } }, /^Okta does not push Adele Vance to Office 365/],
    ['other-license-error', {
      user: entraUser({ licenseAssignmentStates: [directPath(SKU_ID.SPE_E3), groupPath(SKU_ID.POWER_BI_PRO, GROUP_ID.PBI, { state: 'Error', error: 'CountViolation' })] }),
      okta: { appUser: appUser(['SPE_E3'], { syncState: 'SYNCHRONIZED' }), pushFailures: [] },
    }, /^Adele Vance's license problem does not come from Okta/],
    ['no-conflict', { user: entraUser({ licenseAssignmentStates: [directPath(SKU_ID.SPE_E3)] }), okta: { appUser: appUser(['SPE_E3'], { syncState: 'SYNCHRONIZED' }), pushFailures: [] } }, /^Okta and Entra ID do not conflict/],
  ])('%s', (verdict, overrides, reason) => {
    const d = diagnosisOf(overrides);
    expect(d.report.verdict).toBe(verdict);
    for (const path of KB_PATH_IDS) {
      const result = buildPlan(d, path, DEFAULT_PLAN_OPTIONS, CONTEXT);
      expect(result).toEqual({ kind: 'not-applicable', reason: expect.stringMatching(reason) });
    }
  });

  test('okta-provisioning-disabled: path 1 says there is no conflict, paths 2 and 3 that provisioning is already off', () => {
    const d = diagnosisOf({ okta: { provisioning: { connection: 'DISABLED', userProvisioning: null } } });
    expect(d.report.verdict).toBe('okta-provisioning-disabled');
    expect(buildPlan(d, 'okta-owns-licenses', DEFAULT_PLAN_OPTIONS, CONTEXT)).toEqual({ kind: 'not-applicable', reason: expect.stringMatching(/provisioning of the Office 365 app is off.*no conflict/) });
    expect(buildPlan(d, 'entra-owns-licenses', DEFAULT_PLAN_OPTIONS, CONTEXT)).toEqual({ kind: 'not-applicable', reason: expect.stringMatching(/already off/) });
  });

  test('a diagnosis whose report claims a conflict but whose input lacks the Okta assignment: not applicable, not a crash', () => {
    const d = diagnosisOf();
    const broken = { report: d.report, input: { ...d.input, okta: null } };
    expect(buildPlan(broken, 'okta-owns-licenses', DEFAULT_PLAN_OPTIONS, CONTEXT)).toEqual({ kind: 'not-applicable', reason: expect.stringMatching(/diagnose again/) });
  });
});

describe('buildPlan: every plan', () => {
  test.each(KB_PATH_IDS)('%s keeps the diagnosis it was built from, its options, and is plain JSON', (path: PathId) => {
    const d = diagnosisOf();
    const plan = planOf(d, path);
    expect(plan.diagnosis).toBe(d);
    expect(plan.options).toEqual(DEFAULT_PLAN_OPTIONS);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    expect(plan.steps.at(-1)?.action.kind).toBe('verify');
    expect(plan.needsManualSteps).toBe(plan.steps.some((s) => !s.automatic));
    expect(plan.summary.length).toBeGreaterThan(100);
  });

  test('dual-managed diagnoses get plans too', () => {
    const d = diagnosisOf({
      user: entraUser({ licenseAssignmentStates: [directPath(SKU_ID.SPE_E3), groupPath(SKU_ID.SPE_E3, GROUP_ID.E3)] }),
      okta: { appUser: appUser(['SPE_E3'], { syncState: 'SYNCHRONIZED' }), pushFailures: [] },
    });
    expect(d.report.verdict).toBe('dual-managed-license');
    for (const path of KB_PATH_IDS) expect(buildPlan(d, path, DEFAULT_PLAN_OPTIONS, CONTEXT).kind).toBe('plan');
  });

  test('path 1 options are accepted by path 1', () => {
    expect(planOf(diagnosisOf(), 'okta-owns-licenses', { allowServiceGap: true }).options).toEqual({ ...DEFAULT_PLAN_OPTIONS, allowServiceGap: true });
  });
});
