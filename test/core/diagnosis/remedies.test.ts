import { diagnose } from '../../../src/core/diagnosis/diagnose.ts';
import { gatherFindings } from '../../../src/core/diagnosis/findings.ts';
import { remedies } from '../../../src/core/diagnosis/remedies.ts';
import type { PathId, Remedy } from '../../../src/core/model/diagnosis.ts';
import { KB_PATH_IDS } from '../../../src/core/paths/path-registry.ts';
import type { EntraGroup } from '../../../src/core/model/entra.ts';
import { GROUP_ID, SKU_ID, appUser, diagnosisInput, entraGroup, entraUser, groupPath, type InputOverrides } from '../../factories/diagnosis-input.ts';

const remedy = (overrides: InputOverrides, id: PathId): Remedy | undefined => diagnose(diagnosisInput(overrides)).remedies.find((r) => r.id === id);
const licensedBy = (group: EntraGroup): InputOverrides => ({ user: entraUser({ licenseAssignmentStates: [groupPath(SKU_ID.SPE_E3, group.id)] }), groups: [group] });

describe('remedies', () => {
  test.each<[string, InputOverrides]>([
    ['group-inherited-license-conflict', {}],
    ['dual-managed-license', { okta: { appUser: appUser(['SPE_E3']), pushFailures: [] } }],
  ])('%s: the three paths in KB_PATH_IDS order, with scope and approvals', (_verdict, overrides) => {
    expect(diagnose(diagnosisInput(overrides)).remedies.map((r) => [r.id, r.scope, r.approvalsRequired, r.available])).toEqual([
      ['okta-owns-licenses', 'user', 1, true],
      ['entra-owns-licenses', 'app', 2, true],
      ['okta-workflows-profile-only', 'app', 2, true],
    ]);
    expect(KB_PATH_IDS).toEqual(['okta-owns-licenses', 'entra-owns-licenses', 'okta-workflows-profile-only']);
  });

  test.each<[string, InputOverrides]>([
    ['user-not-identified', { identifier: null }],
    ['user-not-found', { user: null, okta: null }],
    ['not-managed-by-okta', { okta: { appUser: null } }],
    ['okta-provisioning-disabled', { okta: { provisioning: { connection: 'DISABLED', userProvisioning: null } } }],
    ['other-license-error', { user: entraUser({ licenseAssignmentStates: [groupPath(SKU_ID.SPE_E3, GROUP_ID.E3, { state: 'Error', error: 'CountViolation' })] }) }],
    ['no-conflict', { user: entraUser({ licenseAssignmentStates: [] }), okta: { pushFailures: [] } }],
  ])('%s: nothing to resolve, no remedies', (verdict, overrides) => {
    const report = diagnose(diagnosisInput(overrides));
    expect(report.verdict).toBe(verdict);
    expect(report.remedies).toEqual([]);
  });
});

describe('okta-owns-licenses', () => {
  test.each<[string, InputOverrides, boolean, string | undefined]>([
    ['an assigned cloud group: nothing to add', {}, true, undefined],
    ['schema not read: assumed to have licenses', { okta: { licenseSchema: null } }, true, undefined],
    ['no licenses attribute', { okta: { licenseSchema: { licensesAttribute: null, rolesAttribute: 'roles' } } }, false, "Okta's Office 365 app has no licenses attribute, so Okta cannot own licenses"],
    ['no usage location', { user: entraUser({ usageLocation: null }) }, false, 'Set a usage location for Adele Vance first: a direct license needs one'],
    ['dynamic group', licensedBy(entraGroup(GROUP_ID.SALES, 'Sales', { groupTypes: ['DynamicMembership'], membershipRule: 'user.department -eq "Sales"' })), true,
      `'Sales' is dynamic (user.department -eq "Sales"): change its rule, or Adele Vance's department, by hand — the plan ends with these manual steps`],
    ['dynamic group without a rule', licensedBy(entraGroup(GROUP_ID.SALES, 'Sales', { groupTypes: ['DynamicMembership'] })), true,
      "'Sales' is dynamic: change its rule, or the attribute it tests, by hand — the plan ends with these manual steps"],
    ['on-premises-synced group', licensedBy(entraGroup(GROUP_ID.SALES, 'Finance', { onPremisesSyncEnabled: true })), true,
      "'Finance' is synced from on-premises AD: remove Adele Vance from it there — the plan ends with these manual steps"],
    ['mail-enabled group', licensedBy(entraGroup(GROUP_ID.SALES, 'Legal Team', { mailEnabled: true })), true,
      "'Legal Team' is mail-enabled: remove Adele Vance from it in Exchange Online — the plan ends with these manual steps"],
    ['role-assignable group', licensedBy(entraGroup(GROUP_ID.SALES, 'Helpdesk Administrators', { isAssignableToRole: true })), true,
      "'Helpdesk Administrators' is role-assignable: removing Adele Vance needs a Privileged Role Administrator — the plan ends with these manual steps"],
  ])('%s', (_case, overrides, available, reason) => {
    const r = remedy(overrides, 'okta-owns-licenses');
    expect(r?.available).toBe(available);
    expect(r?.reason).toBe(reason);
    if (reason === undefined) expect(r).not.toHaveProperty('reason');
  });

  test('several groups of different kinds: each manual step is named once', () => {
    const dyn = entraGroup(GROUP_ID.SALES, 'Sales', { groupTypes: ['DynamicMembership'] });
    const mail = entraGroup(GROUP_ID.PBI, 'Legal Team', { mailEnabled: true });
    const user = entraUser({ licenseAssignmentStates: [groupPath(SKU_ID.SPE_E3, dyn.id), groupPath(SKU_ID.SPE_E3, mail.id), groupPath(SKU_ID.ENTERPRISEPACK, mail.id)] });
    const reason = remedy({ user, groups: [dyn, mail] }, 'okta-owns-licenses')?.reason ?? '';
    expect(reason.match(/'Legal Team'/g)).toHaveLength(1);
    expect(reason).toContain("'Sales' is dynamic");
  });

  test('a GROUP-scoped Okta assignment lacking the license: an Okta admin must change the group assignment (a manual step; the bot changes only this user)', () => {
    const r = remedy({ okta: { appUser: appUser(['ENTERPRISEPACK'], { scope: 'GROUP' }) } }, 'okta-owns-licenses');
    expect(r).toEqual({
      id: 'okta-owns-licenses', scope: 'user', approvalsRequired: 1, available: true,
      reason: 'Okta grants these licenses through an Okta group assignment: an Okta admin must add the missing licenses to that group assignment (it affects all its members)',
    });
  });

  test('a GROUP-scoped app user that already holds the license: a user-scoped change', () => {
    const r = remedy({ okta: { appUser: appUser(['SPE_E3'], { scope: 'GROUP' }), pushFailures: [] } }, 'okta-owns-licenses');
    expect(r).toMatchObject({ scope: 'user', approvalsRequired: 1, available: true });
  });
});

describe('entra-owns-licenses', () => {
  test('names the blast radius and the manual alternative', () => {
    expect(remedy({}, 'entra-owns-licenses')?.reason).toBe(
      `Turns off provisioning for every user of Microsoft Office 365; Okta's "User Attributes Only" setting (Provisioning > To App) is the manual alternative`,
    );
  });

  test('available when provisioning is unknown', () => {
    expect(remedy({ okta: { provisioning: { connection: 'UNKNOWN', userProvisioning: null } } }, 'entra-owns-licenses')?.available).toBe(true);
  });

  test('unavailable when provisioning is already off', () => {
    const f = gatherFindings(diagnosisInput({ okta: { provisioning: { connection: 'DISABLED', userProvisioning: null } } }));
    const r = remedies({ ...f, verdict: 'group-inherited-license-conflict' }).find((x) => x.id === 'entra-owns-licenses');
    expect(r).toMatchObject({ available: false, reason: 'Provisioning of Microsoft Office 365 is already off' });
  });
});

describe('okta-workflows-profile-only', () => {
  test.each([
    [false, 'Turns off provisioning for every user of Microsoft Office 365; an Okta Workflows flow then pushes their profile attributes. Needs an Okta Workflows subscription and a flow: the plan includes the checklist to build it'],
    [true, 'Turns off provisioning for every user of Microsoft Office 365; an Okta Workflows flow then pushes their profile attributes'],
  ])('workflowsConfigured %s', (workflowsConfigured, reason) => {
    expect(remedy({ workflowsConfigured }, 'okta-workflows-profile-only')).toEqual({
      id: 'okta-workflows-profile-only', scope: 'app', approvalsRequired: 2, available: true, reason,
    });
  });
});
