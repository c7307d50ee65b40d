// KB path 1 for every situation the brief names: steps and their order, before/after/removed, approvals and blast
// radius, manual versus automatic steps, options and variants.
import type { PlanStepKind } from '../../../src/core/model/plan.ts';
import { PLAN_ID, SKU_ID, GROUP_ID, appUser, directPath, entraUser, groupPath, oktaSnapshot } from '../../factories/diagnosis-input.ts';
import { SITUATIONS, contextFor, diagnosisOf, planOf, reasonOf, GROUP_ASSIGNMENT, OKTA_GROUP_ID, type Situation } from './plan-fixtures.ts';

const parts = (lines: ReadonlyArray<{ skuPartNumber: string }>) => lines.map((l) => l.skuPartNumber);

const SET = 'okta-set-user-licenses';
const DIRECT = 'graph-assign-direct-license';
const REMOVE = 'graph-remove-group-member';
const MANUAL = 'manual-group-membership';
const TAIL: PlanStepKind[] = ['okta-repush', 'verify'];

describe('okta-owns-licenses: steps per situation (default options)', () => {
  test.each<[Exclude<Situation, 'no usage location'>, PlanStepKind[], boolean]>([
    ['assigned group, blank Okta (the KB case)', [SET, DIRECT, REMOVE, ...TAIL], false],
    ['dynamic group', [SET, DIRECT, MANUAL, ...TAIL], true],
    ['group synced from on-premises AD', [SET, DIRECT, MANUAL, ...TAIL], true],
    ['mail-enabled security group', [SET, DIRECT, MANUAL, ...TAIL], true],
    ['role-assignable group', [SET, DIRECT, MANUAL, ...TAIL], true],
    ['dual-managed (Okta and a group both grant it)', [REMOVE, ...TAIL], false],
    ['Okta group assignment (scope GROUP)', ['manual-okta-group-assignment', DIRECT, REMOVE, ...TAIL], true],
    ['Okta holds a different license', [SET, DIRECT, REMOVE, ...TAIL], false],
    ['a direct license Okta lacks', [SET, DIRECT, REMOVE, ...TAIL], false],
    ['several groups for one SKU', [SET, DIRECT, REMOVE, REMOVE, ...TAIL], false],
    ['one group granting two SKUs', [SET, DIRECT, DIRECT, REMOVE, ...TAIL], false],
  ])('%s', (situation, expected, manual) => {
    const plan = planOf(diagnosisOf(SITUATIONS[situation]), 'okta-owns-licenses', {}, contextFor(situation));
    expect(plan.steps.map((s) => s.action.kind)).toEqual(expected);
    expect(plan.steps.map((s) => s.id)).toEqual(expected.map((_k, i) => `s${i + 1}`));
    expect(plan.needsManualSteps).toBe(manual);
    expect(plan.steps.filter((s) => !s.automatic).map((s) => s.action.kind)).toEqual(expected.filter((k) => k.startsWith('manual-')));
    expect(plan).toMatchObject({ path: 'okta-owns-licenses', scope: 'user', approvalsRequired: 1, blastRadius: { kind: 'user', userPrincipalName: 'adele.vance@contoso.com' } });
  });

  test('no usage location: not applicable, saying where to set one', () => {
    expect(reasonOf(diagnosisOf(SITUATIONS['no usage location']), 'okta-owns-licenses')).toMatch(/no usage location.*Entra admin center > Users > Adele Vance > Properties/);
  });
});

describe('okta-owns-licenses: before, after, removed', () => {
  test.each<[Exclude<Situation, 'no usage location'>, string[], string[]]>([
    ['assigned group, blank Okta (the KB case)', ['SPE_E3'], ['SPE_E3']],
    ['dual-managed (Okta and a group both grant it)', ['SPE_E3'], ['SPE_E3']],
    ['Okta holds a different license', ['SPE_E3', 'ENTERPRISEPACK'], ['SPE_E3', 'ENTERPRISEPACK']],
    ['a direct license Okta lacks', ['SPE_E3', 'POWER_BI_PRO'], ['SPE_E3', 'POWER_BI_PRO']],
    ['one group granting two SKUs', ['SPE_E3', 'ENTERPRISEPACK'], ['SPE_E3', 'ENTERPRISEPACK']],
  ])('%s: nothing is lost with the defaults', (situation, before, after) => {
    const plan = planOf(diagnosisOf(SITUATIONS[situation]), 'okta-owns-licenses', {}, contextFor(situation));
    expect(parts(plan.before)).toEqual(before);
    expect(parts(plan.after)).toEqual(after);
    expect(plan.removedLicenses).toEqual([]);
    for (const line of plan.after) expect(line).toMatchObject({ sources: [{ kind: 'direct' }], heldByOkta: true });
  });

  test('before lists every source and whether Okta holds it', () => {
    const plan = planOf(diagnosisOf(SITUATIONS['Okta holds a different license']), 'okta-owns-licenses');
    expect(plan.before).toEqual([
      { skuId: SKU_ID.SPE_E3, skuPartNumber: 'SPE_E3', productName: 'Microsoft 365 E3', heldByOkta: false,
        sources: [{ kind: 'group', groupId: GROUP_ID.E3, groupName: 'Licensing - Microsoft 365 E3', groupKind: 'assigned' }] },
      { skuId: SKU_ID.ENTERPRISEPACK, skuPartNumber: 'ENTERPRISEPACK', productName: 'Office 365 E3', heldByOkta: true, sources: [{ kind: 'direct' }] },
    ]);
    const dual = planOf(diagnosisOf(SITUATIONS['dual-managed (Okta and a group both grant it)']), 'okta-owns-licenses');
    expect(dual.before[0]?.sources.map((s) => s.kind)).toEqual(['direct', 'group']);
  });

  test('Okta values become its current values plus the missing part numbers (direct licenses included)', () => {
    const plan = planOf(diagnosisOf(SITUATIONS['a direct license Okta lacks']), 'okta-owns-licenses');
    expect(plan.steps[0]?.action).toMatchObject({ kind: SET, attribute: 'licenses', values: ['SPE_E3', 'POWER_BI_PRO'], previous: [] });
    const megan = planOf(diagnosisOf(SITUATIONS['Okta holds a different license']), 'okta-owns-licenses');
    expect(megan.steps[0]?.action).toMatchObject({ values: ['ENTERPRISEPACK', 'SPE_E3'], previous: ['ENTERPRISEPACK'] });
  });

  test('the direct assignment carries the plans Okta wants; one is skipped when the user already has it directly', () => {
    const d = diagnosisOf({
      user: entraUser({ licenseAssignmentStates: [groupPath(SKU_ID.SPE_E3, GROUP_ID.E3)] }),
      okta: { appUser: appUser(['SPE_E3:EXCHANGE_S_ENTERPRISE']) },
    });
    const plan = planOf(d, 'okta-owns-licenses');
    const direct = plan.steps.find((s) => s.action.kind === DIRECT);
    expect(direct?.action).toEqual({ kind: DIRECT, userId: entraUser().id, license: { skuId: SKU_ID.SPE_E3, disabledPlans: [PLAN_ID.TEAMS1, PLAN_ID.OFFICESUBSCRIPTION] } });
    expect(direct?.effect).toContain('TEAMS1, OFFICESUBSCRIPTION');
    expect(plan.warnings.join(' ')).toContain('only some service plans of Microsoft 365 E3');
  });

  test('a directly assigned license Okta lacks gets no direct assignment (it is already direct)', () => {
    const plan = planOf(diagnosisOf(SITUATIONS['a direct license Okta lacks']), 'okta-owns-licenses');
    expect(plan.steps.filter((s) => s.action.kind === DIRECT).map((s) => s.action)).toEqual([
      { kind: DIRECT, userId: entraUser().id, license: { skuId: SKU_ID.SPE_E3, disabledPlans: [] } },
    ]);
  });

  test('several groups for one SKU: one removal per group, one direct assignment', () => {
    const plan = planOf(diagnosisOf(SITUATIONS['several groups for one SKU']), 'okta-owns-licenses');
    expect(plan.steps.filter((s) => s.action.kind === REMOVE).map((s) => s.action)).toEqual([
      { kind: REMOVE, groupId: GROUP_ID.E3, groupName: 'Licensing - Microsoft 365 E3', userId: entraUser().id },
      { kind: REMOVE, groupId: GROUP_ID.SALES, groupName: 'Sales', userId: entraUser().id },
    ]);
    expect(plan.warnings.join(' ')).toContain("Leaving 'Licensing - Microsoft 365 E3' and 'Sales' may also remove other access");
  });

  test('the verify step expects the after set, no group path for what was inherited, and a successful push', () => {
    const plan = planOf(diagnosisOf(SITUATIONS['one group granting two SKUs']), 'okta-owns-licenses');
    expect(plan.steps.at(-1)?.action).toMatchObject({
      kind: 'verify', expectNoGroupPathFor: [SKU_ID.SPE_E3, SKU_ID.ENTERPRISEPACK], expectLicenses: [SKU_ID.SPE_E3, SKU_ID.ENTERPRISEPACK],
      expectOktaPush: true, expectProvisioningDisabled: false,
    });
  });
});

describe('okta-owns-licenses: options and variants', () => {
  const kb = SITUATIONS['assigned group, blank Okta (the KB case)'];

  test('completeOktaLicenses false: Okta is left as it is and the missing licenses are removed (red, acknowledged)', () => {
    const plan = planOf(diagnosisOf(kb), 'okta-owns-licenses', { completeOktaLicenses: false });
    expect(plan.steps.map((s) => s.action.kind)).toEqual([REMOVE, ...TAIL]);
    expect(parts(plan.after)).toEqual([]);
    expect(parts(plan.removedLicenses)).toEqual(['SPE_E3']);
    expect(plan.warnings.join(' ')).toMatch(/Adele Vance loses Microsoft 365 E3.*explicit acknowledgement/);
    expect(plan.steps.at(-1)?.action).toMatchObject({ expectLicenses: [], expectNoGroupPathFor: [SKU_ID.SPE_E3] });
    expect(plan.steps[0]?.precondition).toContain('Adele Vance loses Microsoft 365 E3');
  });

  test('completeOktaLicenses false keeps what Okta already holds', () => {
    const plan = planOf(diagnosisOf(SITUATIONS['Okta holds a different license']), 'okta-owns-licenses', { completeOktaLicenses: false });
    expect(parts(plan.after)).toEqual(['ENTERPRISEPACK']);
    expect(parts(plan.removedLicenses)).toEqual(['SPE_E3']);
  });

  test('allowServiceGap: no direct assignment, nothing lost, a warning about the gap', () => {
    const plan = planOf(diagnosisOf(kb), 'okta-owns-licenses', { allowServiceGap: true });
    expect(plan.steps.map((s) => s.action.kind)).toEqual([SET, REMOVE, ...TAIL]);
    expect(plan.removedLicenses).toEqual([]);
    expect(parts(plan.after)).toEqual(['SPE_E3']);
    expect(plan.warnings.join(' ')).toMatch(/Service gap: Adele Vance is without Microsoft 365 E3/);
    expect(plan.steps[1]?.precondition).toContain("is without Microsoft 365 E3 from this step until Okta's push");
  });

  test('the default removal step says service does not lapse', () => {
    expect(planOf(diagnosisOf(kb), 'okta-owns-licenses').steps[2]?.precondition).toContain('through a direct assignment, so service does not lapse');
  });

  test('removeLicenseFromGroup: the group loses the license; scope group, 2 approvals, member count as blast radius', () => {
    const plan = planOf(diagnosisOf(kb), 'okta-owns-licenses', { removeLicenseFromGroup: true });
    expect(plan.steps.map((s) => s.action.kind)).toEqual([SET, DIRECT, 'graph-remove-group-license', ...TAIL]);
    expect(plan.steps[2]?.action).toEqual({ kind: 'graph-remove-group-license', groupId: GROUP_ID.E3, groupName: 'Licensing - Microsoft 365 E3', skuIds: [SKU_ID.SPE_E3] });
    expect(plan.steps[2]?.effect).toBe(`POST /v1.0/groups/${GROUP_ID.E3}/assignLicense with {"addLicenses":[],"removeLicenses":["${SKU_ID.SPE_E3}"]} (Graph answers 202 Accepted and updates every member in the background).`);
    expect(plan).toMatchObject({ scope: 'group', approvalsRequired: 2, blastRadius: { kind: 'group', groupId: GROUP_ID.E3, groupName: 'Licensing - Microsoft 365 E3', memberCount: 40 } });
    expect(plan.warnings.join(' ')).toContain('affects all 40 members of the group');
    expect(plan.summary).toContain('all 40 members are affected; 2 approvals');
    expect(plan.alternatives).toEqual([]);
  });

  test.each<Situation>(['dynamic group', 'group synced from on-premises AD', 'mail-enabled security group', 'role-assignable group'])(
    'removeLicenseFromGroup works for a %s too, automatically (it changes the group, not the membership)', (situation) => {
      const plan = planOf(diagnosisOf(SITUATIONS[situation]), 'okta-owns-licenses', { removeLicenseFromGroup: true });
      expect(plan.steps.map((s) => s.action.kind)).toEqual([SET, DIRECT, 'graph-remove-group-license', ...TAIL]);
      expect(plan).toMatchObject({ needsManualSteps: false, blastRadius: { memberCount: 12 } });
    });

  test('removeLicenseFromGroup on a group granting two SKUs removes both', () => {
    const plan = planOf(diagnosisOf(SITUATIONS['one group granting two SKUs']), 'okta-owns-licenses', { removeLicenseFromGroup: true });
    expect(plan.steps.find((s) => s.action.kind === 'graph-remove-group-license')?.action).toMatchObject({ skuIds: [SKU_ID.SPE_E3, SKU_ID.ENTERPRISEPACK] });
  });

  test('removeLicenseFromGroup with allowServiceGap: the gap is named', () => {
    const plan = planOf(diagnosisOf(kb), 'okta-owns-licenses', { removeLicenseFromGroup: true, allowServiceGap: true });
    expect(plan.steps.map((s) => s.action.kind)).toEqual([SET, 'graph-remove-group-license', ...TAIL]);
    expect(plan.warnings.join(' ')).toContain('Service gap');
  });

  test.each<[string, Parameters<typeof planOf>[2], Parameters<typeof planOf>[3], Situation, RegExp]>([
    ['removeLicenseFromGroup with licenses from two groups', { removeLicenseFromGroup: true }, {}, 'several groups for one SKU', /changes one group.*2 groups/],
    ['removeLicenseFromGroup without the member count', { removeLicenseFromGroup: true }, { groupMemberCounts: {} }, 'assigned group, blank Okta (the KB case)', /could not count the members of 'Licensing - Microsoft 365 E3'/],
    ['GROUP scope, the Okta group assignment not found', {}, { oktaGroupAssignment: null }, 'Okta group assignment (scope GROUP)', /Okta group assignment.*could not find which one.*add SPE_E3/],
  ])('not applicable: %s', (_case, o, context, situation, reason) => {
    expect(reasonOf(diagnosisOf(SITUATIONS[situation]), 'okta-owns-licenses', o, context)).toMatch(reason);
  });

  test('a licensing group that could not be read: not applicable (its kind decides who can change it)', () => {
    expect(reasonOf(diagnosisOf({ groups: [] }), 'okta-owns-licenses')).toMatch(new RegExp(`could not read the group ${GROUP_ID.E3} that licenses Adele Vance`));
    expect(planOf(diagnosisOf({ groups: [] }), 'entra-owns-licenses').steps[0]?.action.kind).toBe('okta-deactivate-provisioning');
  });

  test('member counts are matched whatever the case of the group id', () => {
    const plan = planOf(diagnosisOf(kb), 'okta-owns-licenses', { removeLicenseFromGroup: true }, { groupMemberCounts: { [GROUP_ID.E3.toUpperCase()]: 9 } });
    expect(plan.blastRadius).toMatchObject({ memberCount: 9 });
  });
});

describe('okta-owns-licenses: Okta GROUP scope', () => {
  const d = diagnosisOf(SITUATIONS['Okta group assignment (scope GROUP)']);

  test('the Okta group assignment is a manual step naming the group and the values to add; after assumes it is done', () => {
    const plan = planOf(d, 'okta-owns-licenses', {}, { oktaGroupAssignment: GROUP_ASSIGNMENT });
    expect(plan.steps[0]).toMatchObject({
      automatic: false,
      action: { kind: 'manual-okta-group-assignment', groupId: OKTA_GROUP_ID, groupName: 'O365 Standard', attribute: 'licenses', addValues: ['SPE_E3'] },
    });
    expect(plan.steps[0]?.effect).toContain("Assignments > Groups > 'O365 Standard' > Edit: add SPE_E3");
    expect(plan.steps[0]?.precondition).toContain('whose licenses are ENTERPRISEPACK');
    expect(parts(plan.after)).toEqual(['SPE_E3', 'ENTERPRISEPACK']);
    expect(plan.warnings.join(' ')).toContain("gives it to every member of 'O365 Standard'");
    expect(plan.steps.find((s) => s.action.kind === 'okta-repush')?.action).toMatchObject({ scope: 'GROUP' });
    expect(plan.steps.find((s) => s.action.kind === 'okta-repush')?.effect).toContain('stays group-scoped');
    expect(plan.summary).toContain("adds Microsoft 365 E3 to the Okta group assignment 'O365 Standard', which reaches every member of that group");
    expect(plan.summary).toContain("License Doctor's own changes affect only Adele Vance; 1 approval.");
  });

  test('without completing Okta, no Okta group assignment is needed', () => {
    const plan = planOf(d, 'okta-owns-licenses', { completeOktaLicenses: false }, { oktaGroupAssignment: null });
    expect(plan.steps.map((s) => s.action.kind)).toEqual([REMOVE, ...TAIL]);
    expect(parts(plan.removedLicenses)).toEqual(['SPE_E3']);
  });
});

describe('okta-owns-licenses: the Okta side', () => {
  test('no licenses attribute in the app schema: not applicable', () => {
    const d = diagnosisOf({ okta: { licenseSchema: { licensesAttribute: null, rolesAttribute: 'roles' } } });
    expect(reasonOf(d, 'okta-owns-licenses')).toMatch(/no licenses attribute/);
  });

  test('a renamed licenses attribute is the one Okta is asked to set', () => {
    const d = diagnosisOf({ okta: { licenseSchema: { licensesAttribute: 'o365Licenses', rolesAttribute: null }, appUser: appUser([], { profile: { o365Licenses: [] } }) } });
    expect(planOf(d, 'okta-owns-licenses').steps[0]?.action).toMatchObject({ kind: SET, attribute: 'o365Licenses', values: ['SPE_E3'] });
  });

  test('a schema that was not read falls back to the `licenses` attribute', () => {
    expect(planOf(diagnosisOf({ okta: { licenseSchema: null } }), 'okta-owns-licenses').steps[0]?.action).toMatchObject({ attribute: 'licenses' });
  });

  test('warnings name Okta values that match no subscription, and licenses Okta would add', () => {
    const d = diagnosisOf({ okta: { appUser: appUser(['BOGUS_SKU', 'POWER_BI_PRO']) } });
    const text = planOf(d, 'okta-owns-licenses').warnings.join(' ');
    expect(text).toContain('Okta holds BOGUS_SKU for Adele Vance, which matches no subscription');
    expect(text).toContain("Okta's push also gives Adele Vance Power BI Pro");
  });

  test("a failing group path (CountViolation) is left alone and named as a risk", () => {
    const d = diagnosisOf({
      user: entraUser({ licenseAssignmentStates: [groupPath(SKU_ID.SPE_E3, GROUP_ID.E3), groupPath(SKU_ID.POWER_BI_PRO, GROUP_ID.PBI, { state: 'Error', error: 'CountViolation' })] }),
      okta: oktaSnapshot(),
    });
    const plan = planOf(d, 'okta-owns-licenses');
    expect(plan.steps.filter((s) => s.action.kind === REMOVE)).toHaveLength(1);
    expect(plan.warnings.join(' ')).toMatch(/fails \(CountViolation\)/);
    expect(parts(plan.before)).toEqual(['SPE_E3']);
  });

  test('the direct license step names the usage location and the fallback when Graph refuses it', () => {
    const step = planOf(diagnosisOf({ user: entraUser({ usageLocation: 'DE' }) }), 'okta-owns-licenses').steps[1];
    expect(step?.precondition).toContain('usage location (DE)');
    expect(step?.verification).toMatch(/stops here, before anything is removed.*gap in service/);
    expect(step?.effect).toBe(`POST /v1.0/users/${entraUser().id}/assignLicense with {"addLicenses":[{"skuId":"${SKU_ID.SPE_E3}","disabledPlans":[]}],"removeLicenses":[]} (every service plan enabled).`);
  });

  test('a direct path in state Error does not count as having the license directly', () => {
    const d = diagnosisOf({ user: entraUser({ licenseAssignmentStates: [directPath(SKU_ID.SPE_E3, { state: 'Error', error: 'CountViolation' }), groupPath(SKU_ID.SPE_E3, GROUP_ID.E3)] }) });
    expect(planOf(d, 'okta-owns-licenses').steps.map((s) => s.action.kind)).toContain(DIRECT);
  });
});

describe('okta-owns-licenses: texts', () => {
  test.each(Object.keys(SITUATIONS).filter((s) => s !== 'no usage location') as Situation[])('%s: every step has all its texts; member removals use /$ref', (situation) => {
    const plan = planOf(diagnosisOf(SITUATIONS[situation]), 'okta-owns-licenses', {}, contextFor(situation));
    for (const step of plan.steps) {
      for (const text of [step.title, step.precondition, step.effect, step.verification]) expect(text.trim()).not.toBe('');
      if (step.action.kind === REMOVE) expect(step.effect).toContain(`DELETE /v1.0/groups/${step.action.groupId}/members/${step.action.userId}/$ref`);
      // Never a member DELETE without /$ref: that deletes the user object itself.
      for (const m of step.effect.matchAll(/DELETE \S*\/members\/\S+/g)) expect(m[0]).toMatch(/\/members\/[^/\s]+\/\$ref/);
    }
    expect(plan.summary).toMatch(/^Make Okta the only source of Adele Vance's licenses\./);
    expect(plan.summary).toContain(plan.needsManualSteps ? 'cannot finish on its own' : 'Only Adele Vance is affected; 1 approval.');
  });

  test('the re-push step says how to fall back when Okta does not push an unchanged profile', () => {
    const step = planOf(diagnosisOf(), 'okta-owns-licenses').steps.find((s) => s.action.kind === 'okta-repush');
    expect(step?.effect).toBe('POST /api/v1/apps/0oasbx00000000000001/users/00usbx00000000000001 with the app user\'s profile unchanged.');
    expect(step?.verification).toContain('retry the failed task in Okta Admin Console > Dashboard > Tasks');
  });

  test('the summary of the KB case reads as one paragraph for the approver', () => {
    expect(planOf(diagnosisOf(), 'okta-owns-licenses').summary).toBe(
      "Make Okta the only source of Adele Vance's licenses. Okta's licenses for Adele Vance gain Microsoft 365 E3 (Okta holds nothing today, so its next push would remove every license). " +
        "Adele Vance gets Microsoft 365 E3 directly first, so service never lapses; then Adele Vance leaves 'Licensing - Microsoft 365 E3'. " +
        'Okta then pushes again and License Doctor checks that Okta and Entra ID agree. Afterwards Adele Vance has Microsoft 365 E3, all assigned by Okta. ' +
        'Only Adele Vance is affected; 1 approval.',
    );
  });

  test('the group variant is offered as an alternative when one group licenses the user', () => {
    expect(planOf(diagnosisOf(), 'okta-owns-licenses').alternatives).toEqual([
      "Remove Microsoft 365 E3 from the group 'Licensing - Microsoft 365 E3' itself instead of taking Adele Vance out of it: every member of the group is affected, so it needs 2 approvals.",
    ]);
    expect(planOf(diagnosisOf(SITUATIONS['several groups for one SKU']), 'okta-owns-licenses').alternatives).toEqual([]);
  });
});
