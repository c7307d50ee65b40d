// The manual step for each kind of licensing group says exactly what to change, and where.
import { manualMembershipStep } from '../../../src/core/steps/manual-group-membership.ts';
import { planSubject, type PlanSubject } from '../../../src/core/plans/plan-subject.ts';
import type { GroupKind, GroupRef } from '../../../src/core/model/diagnosis.ts';
import { GROUP_ID, entraGroup, entraUser } from '../../factories/diagnosis-input.ts';
import { SITUATIONS, diagnosisOf, planOf } from '../plans/plan-fixtures.ts';

function subject(): PlanSubject {
  const s = planSubject(diagnosisOf());
  if (s === null) throw new Error('the KB diagnosis has a subject');
  return s;
}

const ref = (kind: GroupKind, displayName = 'Sales'): GroupRef => ({ id: GROUP_ID.SALES, displayName, kind });
const NOTE = 'Adele Vance keeps Microsoft 365 E3 through a direct assignment, so service does not lapse.';

describe('manualMembershipStep', () => {
  test.each<[GroupKind, string, string[]]>([
    ['dynamic', "Take Adele Vance out of the dynamic group 'Sales'", [
      "Microsoft Entra admin center > Groups > All groups > 'Sales' > Dynamic membership rules",
      '(now: user.department -eq "Sales")',
      "Adele Vance's department, which the rule tests",
      "If Okta pushes that attribute, change it in Okta or its source instead",
    ]],
    ['on-premises-synced', "Remove Adele Vance from 'Sales' in on-premises Active Directory", [
      "Active Directory Users and Computers > 'Sales' > Members",
      `Remove-ADGroupMember -Identity 'Sales' -Members (Get-ADUser -Filter "UserPrincipalName -eq 'adele.vance@contoso.com'")`,
      'wait for Microsoft Entra Connect to sync',
    ]],
    ['mail-enabled', "Remove Adele Vance from 'Sales' in Exchange Online", [
      "Exchange admin center > Recipients > Groups > 'Sales' > Members: remove adele.vance@contoso.com",
      "Remove-DistributionGroupMember -Identity 'Sales' -Member adele.vance@contoso.com -BypassSecurityGroupManagerCheck",
    ]],
    ['role-assignable', "A Privileged Role Administrator removes Adele Vance from 'Sales'", [
      "Microsoft Entra admin center > Groups > All groups > 'Sales' > Members: a Privileged Role Administrator removes adele.vance@contoso.com",
      'also loses the roles the group grants',
    ]],
  ])('%s: title and the exact place to change', (kind, title, where) => {
    const group = entraGroup(GROUP_ID.SALES, 'Sales', { groupTypes: kind === 'dynamic' ? ['DynamicMembership'] : [], membershipRule: kind === 'dynamic' ? 'user.department -eq "Sales"' : null });
    const step = manualMembershipStep(subject(), ref(kind), group, NOTE);
    expect(step).toMatchObject({
      automatic: false, title,
      action: { kind: 'manual-group-membership', groupId: GROUP_ID.SALES, groupName: 'Sales', groupKind: kind, userId: entraUser().id },
    });
    for (const text of where) expect(step.effect).toContain(text);
    expect(step.precondition.endsWith(NOTE)).toBe(true);
    expect(step.verification).toContain("no licenseAssignmentStates entry from the group 'Sales'");
    expect(step.effect).not.toMatch(/DELETE/);
  });

  test('the role-assignable step says why License Doctor cannot do it', () => {
    expect(manualMembershipStep(subject(), ref('role-assignable'), undefined, NOTE).precondition).toContain('deliberately lacks RoleManagement.ReadWrite.Directory');
  });

  test('a dynamic group whose rule was not read still says where to change it', () => {
    const step = manualMembershipStep(subject(), ref('dynamic'), undefined, NOTE);
    expect(step.effect).toContain('change the rule so it no longer matches Adele Vance');
    expect(step.effect).toContain('the attribute of Adele Vance that the rule tests');
  });

  test('group names with quotes are escaped for PowerShell', () => {
    const step = manualMembershipStep(subject(), ref('mail-enabled', "O'Brien Team"), undefined, NOTE);
    expect(step.effect).toContain("Remove-DistributionGroupMember -Identity 'O''Brien Team'");
  });

  test('the plan for a dynamic group quotes the rule it read', () => {
    const plan = planOf(diagnosisOf(SITUATIONS['dynamic group']), 'okta-owns-licenses');
    expect(plan.steps.find((s) => s.action.kind === 'manual-group-membership')?.effect).toContain('user.department -eq "Sales"');
  });
});
