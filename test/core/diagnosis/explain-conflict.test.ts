import { diagnose } from '../../../src/core/diagnosis/diagnose.ts';
import {
  E3_GROUP, GROUP_ID, SKU_ID, appUser, diagnosisInput, directPath, entraGroup, entraUser, groupPath, hoursAgo, oktaApp, pushFailure,
  type InputOverrides,
} from '../../factories/diagnosis-input.ts';

const explanation = (overrides: InputOverrides = {}): string => diagnose(diagnosisInput(overrides)).explanation;
const PBI = entraGroup(GROUP_ID.PBI, 'Power BI Pro users', {}, [SKU_ID.POWER_BI_PRO]);
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-/i;

describe('group-inherited-license-conflict explanation', () => {
  test('the KB case: who tried what, when, why Microsoft refuses, what to decide', () => {
    expect(explanation()).toBe(
      "Okta's last push, 2 hours ago, tried to remove Microsoft 365 E3 from Adele Vance because Okta holds no licenses — a blank assignment means 'remove everything' — " +
      "but it comes from the Entra ID group 'Licensing - Microsoft 365 E3', and Microsoft refuses to remove a group-inherited license directly. " +
      "Until this is settled, every one of Okta's pushes for this user fails. " +
      "Pick one owner of Adele Vance's licenses: Okta (Okta gets the complete list and the group-based licenses are removed) " +
      'or Entra ID (Okta stops managing Office 365 licenses, optionally keeping profile attributes in sync through an Okta Workflows flow).',
    );
  });

  test.each<[string, InputOverrides, string[]]>([
    ['no push yet: what the next push will do', { okta: { pushFailures: [] } },
      ["Okta's next push for Adele Vance will try to remove Microsoft 365 E3", 'so the push will fail']],
    ['the time of the failure', { okta: { pushFailures: [pushFailure(30)] } }, ["Okta's last push, 30 hours ago, tried"]],
    ['Okta holds another license', { okta: { appUser: appUser(['ENTERPRISEPACK']) } }, ['because Okta holds only Office 365 E3, but it comes from']],
    ['Okta holds only some plans of another license', { okta: { appUser: appUser(['ENTERPRISEPACK:TEAMS1']) } }, ['Okta holds only Office 365 E3 (only some of its plans)']],
    ['Okta holds a value matching nothing', { okta: { appUser: appUser(['FOO']) } },
      ["Okta holds no license of this tenant — a blank assignment means 'remove everything'", "Okta holds 'FOO', which matches no license of the tenant."]],
    ['several unmatched values', { okta: { appUser: appUser(['SPE_E3', 'FOO', 'BAR']) } }, ["Okta holds 'FOO' and 'BAR', which match no license of the tenant."]],
    ['a dynamic group, with its rule', { user: entraUser({ licenseAssignmentStates: [groupPath(SKU_ID.SPE_E3, GROUP_ID.SALES)] }), groups: [entraGroup(GROUP_ID.SALES, 'Sales', { groupTypes: ['DynamicMembership'], membershipRule: 'user.department -eq "Sales"' })] },
      [`it comes from the dynamic Entra ID group 'Sales' (members by rule: user.department -eq "Sales")`]],
    ['an on-premises group', { user: entraUser({ licenseAssignmentStates: [groupPath(SKU_ID.SPE_E3, GROUP_ID.SALES)] }), groups: [entraGroup(GROUP_ID.SALES, 'Finance', { onPremisesSyncEnabled: true })] },
      ["the Entra ID group 'Finance', synced from on-premises Active Directory"]],
    ['a mail-enabled group', { user: entraUser({ licenseAssignmentStates: [groupPath(SKU_ID.SPE_E3, GROUP_ID.SALES)] }), groups: [entraGroup(GROUP_ID.SALES, 'Legal Team', { mailEnabled: true })] },
      ["the mail-enabled security group 'Legal Team'"]],
    ['a role-assignable group', { user: entraUser({ licenseAssignmentStates: [groupPath(SKU_ID.SPE_E3, GROUP_ID.SALES)] }), groups: [entraGroup(GROUP_ID.SALES, 'Admins', { isAssignableToRole: true })] },
      ["the role-assignable Entra ID group 'Admins'"]],
    ['a group that could not be read', { user: entraUser({ licenseAssignmentStates: [groupPath(SKU_ID.SPE_E3, GROUP_ID.GONE)] }), groups: [] },
      [`it comes from an Entra ID group I could not read (id ${GROUP_ID.GONE})`]],
    ['two groups grant it', { user: entraUser({ licenseAssignmentStates: [groupPath(SKU_ID.SPE_E3, GROUP_ID.E3), groupPath(SKU_ID.SPE_E3, GROUP_ID.PBI)] }), groups: [E3_GROUP, PBI] },
      ["it comes from the Entra ID group 'Licensing - Microsoft 365 E3' and the Entra ID group 'Power BI Pro users'"]],
    ['two licenses from two groups', { user: entraUser({ licenseAssignmentStates: [groupPath(SKU_ID.SPE_E3, GROUP_ID.E3), groupPath(SKU_ID.POWER_BI_PRO, GROUP_ID.PBI)] }), groups: [E3_GROUP, PBI] },
      ['tried to remove Microsoft 365 E3 and Power BI Pro from Adele Vance', "Adele Vance gets Microsoft 365 E3 from the Entra ID group 'Licensing - Microsoft 365 E3' and Power BI Pro from the Entra ID group 'Power BI Pro users'"]],
    ['the same license direct and from a group', { user: entraUser({ licenseAssignmentStates: [directPath(SKU_ID.SPE_E3), groupPath(SKU_ID.SPE_E3, GROUP_ID.E3)] }) },
      ["tried to remove Microsoft 365 E3 from Adele Vance", "it comes from the Entra ID group 'Licensing - Microsoft 365 E3'"]],
    ['a GROUP-scoped Okta assignment', { okta: { appUser: appUser(['ENTERPRISEPACK'], { scope: 'GROUP' }) } },
      ['Okta gives Adele Vance licenses through an Okta group assignment, so what Okta holds is set on that Okta group.']],
    ['Okta holds it but the push failed anyway', { okta: { appUser: appUser(['SPE_E3']) } },
      ["Okta's last push, 2 hours ago, failed because Microsoft refuses to change a group-inherited license directly: Adele Vance gets Microsoft 365 E3 from the Entra ID group 'Licensing - Microsoft 365 E3'.",
        'Okta holds Microsoft 365 E3 too, so the push most likely tried to change its service plans.']],
    ['another license error is mentioned separately', { user: entraUser({ licenseAssignmentStates: [groupPath(SKU_ID.SPE_E3, GROUP_ID.E3), groupPath(SKU_ID.POWER_BI_PRO, GROUP_ID.PBI, { state: 'Error', error: 'CountViolation' })] }), groups: [E3_GROUP, PBI] },
      ["Separately: Adele Vance does not get Power BI Pro from the Entra ID group 'Power BI Pro users': no free seats of Power BI Pro (2 of 2 used)."]],
  ])('%s', (_case, overrides, fragments) => {
    const text = explanation(overrides);
    for (const fragment of fragments) expect(text).toContain(fragment);
  });

  test('names products, not GUIDs, for SKUs Microsoft lists', () => {
    expect(explanation({ user: entraUser({ licenseAssignmentStates: [groupPath(SKU_ID.SPE_E3, GROUP_ID.E3), groupPath(SKU_ID.ENTERPRISEPACK, GROUP_ID.E3)] }) })).not.toMatch(GUID);
  });

  test('an unknown SKU is named by its id rather than dropped', () => {
    expect(explanation({ user: entraUser({ licenseAssignmentStates: [groupPath(SKU_ID.UNKNOWN, GROUP_ID.E3)] }) })).toContain(`tried to remove ${SKU_ID.UNKNOWN} from Adele Vance`);
  });
});

describe('dual-managed-license explanation', () => {
  test('both sides grant it; pushes pass today, changes will fail', () => {
    expect(explanation({ okta: { appUser: appUser(['SPE_E3'], { syncState: 'SYNCHRONIZED', lastSync: hoursAgo(1) }) } })).toBe(
      "Adele Vance gets Microsoft 365 E3 from the Entra ID group 'Licensing - Microsoft 365 E3', and Okta holds Microsoft 365 E3 too. " +
      "Okta's pushes pass today because Okta keeps it, but any change to it in Okta — removing it or changing its plans — will fail, " +
      'because Microsoft refuses to change a group-inherited license directly. ' +
      "Pick one owner of Adele Vance's licenses: Okta (Okta gets the complete list and the group-based licenses are removed) " +
      'or Entra ID (Okta stops managing Office 365 licenses, optionally keeping profile attributes in sync through an Okta Workflows flow).',
    );
  });

  test('several licenses, and a direct license Okta would remove', () => {
    const user = entraUser({ licenseAssignmentStates: [groupPath(SKU_ID.SPE_E3, GROUP_ID.E3), groupPath(SKU_ID.POWER_BI_PRO, GROUP_ID.PBI), directPath(SKU_ID.ENTERPRISEPACK)] });
    const text = explanation({ user, groups: [E3_GROUP, PBI], okta: { appUser: appUser(['SPE_E3', 'POWER_BI_PRO']), pushFailures: [] } });
    expect(text).toContain('Okta holds Microsoft 365 E3 and Power BI Pro too');
    expect(text).toContain('because Okta keeps them, but any change to them in Okta — removing them or changing their plans');
    expect(text).toContain("Note: Okta does not hold Office 365 E3, which Adele Vance has directly, so Okta's next push will remove it.");
  });

  test('the app label does not matter to the wording', () => {
    expect(explanation({ okta: { app: oktaApp({ label: 'O365 Prod' }), appUser: appUser(['SPE_E3']), pushFailures: [] } })).not.toContain('O365 Prod');
  });
});
