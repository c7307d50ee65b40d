import { diagnose } from '../../../src/core/diagnosis/diagnose.ts';
import { verdictHeadline } from '../../../src/core/diagnosis/verdict-headline.ts';
import {
  GROUP_ID, SKU_ID, appUser, diagnosisInput, directPath, entraGroup, entraUser, groupPath, type InputOverrides,
} from '../../factories/diagnosis-input.ts';

const headline = (overrides: InputOverrides): string => verdictHeadline(diagnose(diagnosisInput(overrides)));
const PBI = entraGroup(GROUP_ID.PBI, 'Power BI Pro users', {}, [SKU_ID.POWER_BI_PRO]);

describe('verdictHeadline', () => {
  test.each<[string, InputOverrides, string]>([
    ['user-not-identified', { identifier: null, user: null, okta: null }, "The error names no user — ask for the user's UPN"],
    ['user-not-found', { query: 'adel.vance@contoso.com', identifier: 'adel.vance@contoso.com', user: null, okta: null }, "No user 'adel.vance@contoso.com' in Entra ID — check the spelling"],
    ['user-not-found from pasted text names the UPN in it', { query: 'Could not push profile for Office 365 user x@contoso.com, received error …', parsedError: { source: 'okta-push', classification: 'group-inherited-license', userPrincipalName: 'x@contoso.com' }, identifier: 'x@contoso.com', user: null, okta: null },
      "No user 'x@contoso.com' in Entra ID — check the spelling"],
    ['user-not-found with a long query is shortened', { query: `${'word '.repeat(40)}`, identifier: 'word', user: null, okta: null }, `No user '${'word '.repeat(12).trimEnd()}…' in Entra ID — check the spelling`],
    ['not-managed-by-okta', { okta: { appUser: null } }, "Adele Vance: not provisioned by Okta's Office 365 app — Okta cannot cause this error"],
    ['okta-provisioning-disabled', { okta: { provisioning: { connection: 'DISABLED', userProvisioning: null } } }, "Adele Vance: Okta's Office 365 provisioning is off — Okta pushes nothing now"],
    ['group-inherited-license-conflict', {}, "Adele Vance: Okta and an Entra ID group both manage Microsoft 365 E3 — Okta's pushes fail"],
    ['group-inherited-license-conflict, two products', { user: entraUser({ licenseAssignmentStates: [groupPath(SKU_ID.SPE_E3, GROUP_ID.E3), groupPath(SKU_ID.POWER_BI_PRO, GROUP_ID.PBI)] }) },
      "Adele Vance: Okta and an Entra ID group both manage Microsoft 365 E3 and Power BI Pro — Okta's pushes fail"],
    ['dual-managed-license', { okta: { appUser: appUser(['SPE_E3']), pushFailures: [] } }, 'Adele Vance: Okta and an Entra ID group both grant Microsoft 365 E3 — license changes in Okta will fail'],
    ['other-license-error', { user: entraUser({ licenseAssignmentStates: [groupPath(SKU_ID.POWER_BI_PRO, GROUP_ID.PBI, { state: 'Error', error: 'CountViolation' })] }), groups: [PBI] },
      'Adele Vance: a license error on Power BI Pro — not caused by Okta'],
    ['no-conflict', { user: entraUser({ licenseAssignmentStates: [directPath(SKU_ID.SPE_E3)] }), okta: { appUser: appUser(['SPE_E3']), pushFailures: [] } }, 'Adele Vance: no license conflict — nothing to fix'],
  ])('%s', (_case, overrides, expected) => {
    expect(headline(overrides)).toBe(expected);
  });
});
