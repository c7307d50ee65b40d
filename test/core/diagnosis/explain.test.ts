import { diagnose } from '../../../src/core/diagnosis/diagnose.ts';
import type { ParsedError } from '../../../src/core/model/parsed-error.ts';
import {
  GROUP_ID, SKU_ID, appUser, diagnosisInput, directPath, entraGroup, entraUser, groupPath, hoursAgo, oktaApp, pushFailure, type InputOverrides,
} from '../../factories/diagnosis-input.ts';

const explanation = (overrides: InputOverrides = {}): string => diagnose(diagnosisInput(overrides)).explanation;
const PASTED: ParsedError = { source: 'okta-push', classification: 'group-inherited-license', errorCode: 'Request_BadRequest' };
const PBI = entraGroup(GROUP_ID.PBI, 'Power BI Pro users', {}, [SKU_ID.POWER_BI_PRO]);
const healthy = { user: entraUser({ licenseAssignmentStates: [directPath(SKU_ID.SPE_E3)] }), okta: { appUser: appUser(['SPE_E3'], { syncState: 'SYNCHRONIZED', lastSync: hoursAgo(2) }), pushFailures: [] } } as const;

describe('explanation per verdict', () => {
  test.each<[string, InputOverrides, string[]]>([
    ['user-not-identified, from a pasted error', { identifier: null, user: null, okta: null, parsedError: PASTED },
      ["The error you pasted (Microsoft's refusal to remove a license inherited from a group) names no user", "Ask for the user's user principal name"]],
    ['user-not-identified, unrecognised text', { identifier: null, user: null, okta: null, parsedError: { source: 'other', classification: 'unknown' } },
      ['What you sent names no user', 'e.g. jane@contoso.com']],
    ['user-not-identified, no parse at all', { identifier: null, user: null, okta: null }, ['What you sent names no user']],
    ['user-not-found', { identifier: 'adel.vance@contoso.com', user: null, okta: null },
      ["There is no user 'adel.vance@contoso.com' in Entra ID. Check the spelling"]],
    ['not-managed-by-okta: not in Okta', { okta: { user: null, appUser: null } },
      ["Adele Vance is not in Okta, so Okta does not push Adele Vance's licenses and cannot cause this error.", "Adele Vance gets Microsoft 365 E3 from the Entra ID group 'Licensing - Microsoft 365 E3'."]],
    ['not-managed-by-okta: Okta not consulted reads as not in Okta', { okta: null }, ['Adele Vance is not in Okta']],
    ['not-managed-by-okta: no Office 365 app', { okta: { app: null, appUser: null } }, ['there is no Office 365 app in Okta that provisions Adele Vance']],
    ['not-managed-by-okta: not assigned', { okta: { appUser: null } }, ["Adele Vance is in Okta but not assigned to the Office 365 app 'Microsoft Office 365'"]],
    ['not-managed-by-okta with the pasted error', { okta: { appUser: null }, parsedError: PASTED }, ['The error you pasted did not come from Okta for Adele Vance']],
    ['not-managed-by-okta, direct licenses', { okta: { user: null, appUser: null }, user: entraUser({ licenseAssignmentStates: [directPath(SKU_ID.SPE_E3), directPath(SKU_ID.POWER_BI_PRO)] }) },
      ['Adele Vance gets Microsoft 365 E3 and Power BI Pro directly.']],
    ['not-managed-by-okta, no licenses', { okta: { user: null, appUser: null }, user: entraUser({ licenseAssignmentStates: [] }) }, ['Adele Vance has no active licenses in Entra ID.']],
    ['provisioning off: app deactivated, and what turning it on would do', { okta: { app: oktaApp({ status: 'INACTIVE', label: 'O365 Pilot' }) } },
      ["Provisioning of the Okta app 'O365 Pilot' is off (the app is deactivated in Okta), so Okta pushes nothing to Office 365 for Adele Vance now",
        "If it is turned back on, Okta would try to remove Microsoft 365 E3, but it comes from the Entra ID group 'Licensing - Microsoft 365 E3', so the push would fail."]],
    ['provisioning off: connection off, nothing would fail', { okta: { provisioning: { connection: 'DISABLED', userProvisioning: 'NOT_ENABLED' }, appUser: appUser(['SPE_E3']) } },
      ['(its provisioning connection is turned off)', "Adele Vance gets Microsoft 365 E3 from the Entra ID group 'Licensing - Microsoft 365 E3'."]],
    ['provisioning off: not enabled', { okta: { provisioning: { connection: 'UNKNOWN', userProvisioning: 'NOT_ENABLED' } } }, ['(provisioning to Office 365 is not enabled)']],
    ['provisioning off: no push features', { okta: { app: oktaApp({ features: [] }), provisioning: null } }, ['(it pushes neither new users nor profile updates)']],
    ['other-license-error: seats, in plain words, with the fix', { user: entraUser({ licenseAssignmentStates: [directPath(SKU_ID.SPE_E3), groupPath(SKU_ID.POWER_BI_PRO, GROUP_ID.PBI, { state: 'Error', error: 'CountViolation' })] }), groups: [PBI], okta: { appUser: appUser(['SPE_E3']), pushFailures: [] } },
      ["Adele Vance does not get Power BI Pro from the Entra ID group 'Power BI Pro users': no free seats of Power BI Pro (2 of 2 used).",
        "Free a seat of Power BI Pro or buy more, then reprocess Adele Vance's licenses in the Microsoft 365 admin center.", 'Okta is not involved']],
    ['other-license-error: more than two errors are counted', { user: entraUser({ licenseAssignmentStates: [
      directPath(SKU_ID.SPE_E3, { state: 'Error', error: 'Other' }), directPath(SKU_ID.ENTERPRISEPACK, { state: 'Error', error: 'MutuallyExclusiveViolation' }), directPath(SKU_ID.POWER_BI_PRO, { state: 'Error', error: 'CountViolation' })] }), okta: { appUser: appUser([]), pushFailures: [] } },
      ['There is 1 more license error.']],
    ['no-conflict: healthy, with the last successful push', healthy,
      ['Adele Vance gets Microsoft 365 E3 directly.', `Okta's last push succeeded at ${hoursAgo(2).slice(0, 16).replace('T', ' ')} UTC (2 hours ago).`, 'Nothing to resolve.']],
    ['no-conflict: the pasted error no longer applies', { ...healthy, parsedError: PASTED },
      ["The error you pasted no longer applies: no group gives Adele Vance a license any more, and Okta's last push succeeded at", '(2 hours ago).']],
    ['no-conflict: a failure with nothing inherited now', { user: entraUser({ licenseAssignmentStates: [directPath(SKU_ID.SPE_E3)] }), okta: { appUser: appUser(['SPE_E3']), pushFailures: [pushFailure(3)] } },
      ["Okta's last push, 3 hours ago, failed with Microsoft's group-inherited license error, but no group gives Adele Vance a license now, so the next push should pass: retry it in Okta (Dashboard > Tasks)."]],
    ['no-conflict: Okta would remove a direct license', { user: entraUser({ licenseAssignmentStates: [directPath(SKU_ID.SPE_E3), directPath(SKU_ID.POWER_BI_PRO)] }), okta: { appUser: appUser(['SPE_E3']), pushFailures: [] } },
      ["Note: Okta does not hold Power BI Pro, which Adele Vance has directly, so Okta's next push will remove it."]],
    ['no-conflict: unmatched Okta values are reported', { ...healthy, okta: { appUser: appUser(['SPE_E3', 'E3_TYPO']), pushFailures: [] } },
      ["Okta holds 'E3_TYPO', which matches no license of the tenant."]],
  ])('%s', (_case, overrides, fragments) => {
    const text = explanation(overrides);
    for (const fragment of fragments) expect(text).toContain(fragment);
  });

  test('the pasted error note is absent when nothing was pasted', () => {
    expect(explanation(healthy)).not.toContain('pasted');
  });
});
