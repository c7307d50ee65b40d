// The undo of KB paths 2 and 3: turning Okta's provisioning back on is a plan with approvals like any other (scope
// app, 2 approvals, blast radius), offered when provisioning is off, and honest about what Okta's next push removes.
import type { Diagnosis } from '../../../src/core/model/diagnosis.ts';
import { stepState } from '../../../src/core/plans/step-state.ts';
import { diagnosisView } from '../../../src/core/views/diagnosis-view.ts';
import { planView } from '../../../src/core/views/plan-view.ts';
import { GROUP_ID, SKU_ID, appUser, diagnosisInput, directPath, entraUser, groupPath } from '../../factories/diagnosis-input.ts';
import { diagnosisOf, planOf, reasonOf } from './plan-fixtures.ts';

const OFF = { connection: 'DISABLED', userProvisioning: 'NOT_ENABLED' } as const;
const ON = { connection: 'ENABLED', userProvisioning: 'ENABLED' } as const;
const PATH = 'okta-provisioning-on';

/** Adele after path 2: provisioning off, E3 from the group, Okta holding E3 too. */
const afterPathTwo = (): Diagnosis => diagnosisOf({ okta: { provisioning: OFF, appUser: appUser(['SPE_E3']), pushFailures: [] } });

test('provisioning off: a plan to turn it back on, scope app, 2 approvals, blast radius = assigned users', () => {
  const d = afterPathTwo();
  expect(d.report.verdict).toBe('okta-provisioning-disabled');
  const plan = planOf(d, PATH);
  expect(plan).toMatchObject({
    path: PATH, scope: 'app', approvalsRequired: 2, removedLicenses: [], needsManualSteps: false,
    blastRadius: { kind: 'app', appId: '0oasbx00000000000001', appLabel: 'Microsoft Office 365', assignedUsers: 184 },
  });
  expect(plan.after).toEqual(plan.before);
  expect(plan.steps).toMatchObject([
    { id: 's1', automatic: true, action: { kind: 'okta-activate-provisioning', appId: '0oasbx00000000000001' }, effect: 'POST /api/v1/apps/0oasbx00000000000001/connections/default/lifecycle/activate' },
    { id: 's2', action: { kind: 'verify', expectProvisioningEnabled: true, expectProvisioningDisabled: false, expectOktaPush: false, expectLicenses: [SKU_ID.SPE_E3] } },
  ]);
  expect(plan.warnings[0]).toBe('Okta provisions all 184 users of Microsoft Office 365 again: new hires are created, profile changes and deactivations are pushed, and so are licenses.');
  expect(plan.summary).toContain('It needs 2 approvals.');
  expect(planView(plan).title).toBe('Okta provisioning back on (undoes KB paths 2 and 3)');
});

test('a license the user has only directly and Okta lacks is removed at Okta\'s next push: the plan says so and needs the acknowledgement', () => {
  const d = diagnosisOf({
    user: entraUser({ licenseAssignmentStates: [directPath(SKU_ID.POWER_BI_PRO), groupPath(SKU_ID.SPE_E3, GROUP_ID.E3)] }),
    okta: { provisioning: OFF, appUser: appUser(['SPE_E3']), pushFailures: [] },
  });
  const plan = planOf(d, PATH);
  expect(plan.removedLicenses.map((l) => l.skuPartNumber)).toEqual(['POWER_BI_PRO']);
  expect(plan.after.map((l) => l.skuPartNumber)).toEqual(['SPE_E3']);
  expect(plan.warnings.at(-1)).toMatch(/^Okta does not hold Power BI Pro for Adele Vance, who has it directly: Okta's next push for Adele Vance removes it\.$/);
  expect(planView(plan).removalNeedsAcknowledgement).toBe(true);
});

test.each([
  ['provisioning already on', diagnosisOf({ okta: { provisioning: ON } }), {}, 'Provisioning of Microsoft Office 365 is already on in Okta: there is nothing to turn back on.'],
  ['provisioning not readable', diagnosisOf({ okta: { provisioning: null } }), {}, /could not read whether provisioning of Microsoft Office 365 is on/],
  ['assigned users not counted', afterPathTwo(), { appAssignedUsers: null }, /could not count the users assigned to Microsoft Office 365/],
  ['someone not assigned to the app', diagnosisOf({ okta: { provisioning: OFF, appUser: null } }), {}, /Diagnose someone assigned to Okta's Office 365 app/],
] as const)('%s: not applicable', (_case, d, context, reason) => {
  expect(reasonOf(d, PATH, {}, context)).toEqual(typeof reason === 'string' ? reason : expect.stringMatching(reason));
});

test('a path-1 option contradicts the undo: not applicable', () => {
  expect(reasonOf(afterPathTwo(), PATH, { allowServiceGap: true })).toBe('allowServiceGap only apply to okta-owns-licenses; okta-provisioning-on changes the whole app and has no such variants.');
});

test('the activation step is done exactly when the connection is ENABLED; the verify step too', () => {
  const plan = planOf(afterPathTwo(), PATH);
  const [activate, verify] = plan.steps;
  if (!activate || !verify) throw new Error('two steps expected');
  const live = (provisioning: typeof OFF | typeof ON) => diagnosisInput({ okta: { provisioning, appUser: appUser(['SPE_E3']), pushFailures: [] } });
  expect([stepState(activate, live(OFF), '2026-05-07T11:00:00.000Z'), stepState(activate, live(ON), '2026-05-07T11:00:00.000Z')]).toEqual(['not-done', 'done']);
  expect([stepState(verify, live(OFF), '2026-05-07T11:00:00.000Z'), stepState(verify, live(ON), '2026-05-07T11:00:00.000Z')]).toEqual(['not-done', 'done']);
});

test('the diagnosis offers it when provisioning is off, and only then', () => {
  expect(diagnosisView(afterPathTwo().report).paths).toEqual([
    { path: PATH, label: 'Turn Okta provisioning back on', available: true, note: expect.stringContaining('Okta provisions and licenses every user of the app again'), approvals: 'app scope · 2 approvals' },
  ]);
  expect(diagnosisView(diagnosisOf().report).paths.map((p) => p.path)).toEqual(['okta-owns-licenses', 'entra-owns-licenses', 'okta-workflows-profile-only']);
});
