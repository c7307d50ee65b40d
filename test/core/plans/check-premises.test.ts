// checkPremises: each change that invalidates a plan is named in words; changes that do not matter are ignored.
import { checkPremises } from '../../../src/core/plans/check-premises.ts';
import {
  E3_GROUP, GROUP_ID, SKU_ID, TENANT_SKUS, appUser, directPath, entraGroup, entraUser, groupPath, hoursAgo, oktaApp, oktaUser, pushFailure, subscribedSku,
  type InputOverrides,
} from '../../factories/diagnosis-input.ts';
import { SITUATIONS, diagnosisOf, planOf } from './plan-fixtures.ts';

const kbPlan = planOf(diagnosisOf(), 'okta-owns-licenses');
const check = (fresh: InputOverrides, plan = kbPlan) => checkPremises(plan, diagnosisOf(fresh));

describe('checkPremises: what does not matter', () => {
  test.each<[string, InputOverrides]>([
    ['the same state read again', {}],
    ['read later', { checkedAt: hoursAgo(-3) }],
    ['more push failures', { okta: { pushFailures: [pushFailure(0.5), pushFailure(1), pushFailure(2)] } }],
    ['sync state and times of the app user', { okta: { appUser: appUser([], { syncState: 'SYNCING', lastSync: hoursAgo(0.1), lastUpdated: hoursAgo(0.1) }) } }],
    ['seat counts', { subscribedSkus: TENANT_SKUS.map((s) => ({ ...s, consumedUnits: s.consumedUnits + 3 })) }],
    ['how the user was asked for', { query: 'Could not push profile for Office 365 user adele.vance@contoso.com…' }],
    ['another SKU subscribed by the tenant', { subscribedSkus: [...TENANT_SKUS, subscribedSku('11111111-2222-4333-8444-555555555555', 'EXTRA')] }],
  ])('%s: hold', (_case, fresh) => {
    expect(check(fresh)).toEqual({ kind: 'hold' });
  });

  test("Okta's values in another order or case: hold", () => {
    const plan = planOf(diagnosisOf({ user: entraUser({ licenseAssignmentStates: [directPath(SKU_ID.ENTERPRISEPACK), directPath(SKU_ID.POWER_BI_PRO), groupPath(SKU_ID.SPE_E3, GROUP_ID.E3)] }), okta: { appUser: appUser(['ENTERPRISEPACK', 'POWER_BI_PRO']) } }), 'okta-owns-licenses');
    const fresh = { user: plan.diagnosis.input.entra.user, okta: { appUser: appUser(['power_bi_pro', 'ENTERPRISEPACK']) } };
    expect(checkPremises(plan, diagnosisOf(fresh))).toEqual({ kind: 'hold' });
  });

  test('dual-managed turning into a failed push is the same situation for the plan: hold', () => {
    const dual = SITUATIONS['dual-managed (Okta and a group both grant it)'];
    const plan = planOf(diagnosisOf(dual), 'okta-owns-licenses');
    const fresh = diagnosisOf({ ...dual, okta: { ...dual.okta, pushFailures: [pushFailure(0.5)], appUser: appUser(['SPE_E3'], { syncState: 'ERROR' }) } });
    expect([plan.diagnosis.report.verdict, fresh.report.verdict]).toEqual(['dual-managed-license', 'group-inherited-license-conflict']);
    expect(checkPremises(plan, fresh)).toEqual({ kind: 'hold' });
  });
});

describe('checkPremises: what invalidates a plan', () => {
  test.each<[string, InputOverrides, string[]]>([
    ['the conflict is gone', {
      user: entraUser({ licenseAssignmentStates: [directPath(SKU_ID.SPE_E3)] }), groups: [], okta: { appUser: appUser(['SPE_E3'], { syncState: 'SYNCHRONIZED' }), pushFailures: [] },
    }, [
      'the diagnosis is now "no conflict" (was "Okta\'s pushes fail on a group-inherited license")',
      "Microsoft 365 E3 now comes directly (was from 'Licensing - Microsoft 365 E3')",
      'the conflicting licenses are now none (were Microsoft 365 E3)',
      "Okta's licenses for Adele Vance are now Microsoft 365 E3 (were none)",
    ]],
    ['a license vanished', { user: entraUser({ licenseAssignmentStates: [] }), groups: [] }, [
      'the diagnosis is now "no conflict" (was "Okta\'s pushes fail on a group-inherited license")',
      'Adele Vance no longer has Microsoft 365 E3',
      'the conflicting licenses are now none (were Microsoft 365 E3)',
    ]],
    ['a license appeared', { user: entraUser({ licenseAssignmentStates: [groupPath(SKU_ID.SPE_E3, GROUP_ID.E3), directPath(SKU_ID.POWER_BI_PRO)] }) }, ['Adele Vance now has Power BI Pro (directly)']],
    ['another group grants the license', {
      user: entraUser({ licenseAssignmentStates: [groupPath(SKU_ID.SPE_E3, GROUP_ID.E3), groupPath(SKU_ID.SPE_E3, GROUP_ID.SALES)] }), groups: [E3_GROUP, entraGroup(GROUP_ID.SALES, 'Sales')],
    }, ["Microsoft 365 E3 now comes from 'Licensing - Microsoft 365 E3' and from 'Sales' (was from 'Licensing - Microsoft 365 E3')"]],
    ['the group became mail-enabled', { groups: [entraGroup(GROUP_ID.E3, 'Licensing - Microsoft 365 E3', { mailEnabled: true })] },
      ["'Licensing - Microsoft 365 E3' is now mail-enabled (was a cloud group with assigned membership)"]],
    ["Okta's license values changed", { okta: { appUser: appUser(['ENTERPRISEPACK']) } }, ["Okta's licenses for Adele Vance are now Office 365 E3 (were none)"]],
    ['the Okta assignment became group-scoped', { okta: { appUser: appUser([], { scope: 'GROUP' }) } }, ['Okta assigns the app to Adele Vance with scope GROUP now (was USER)']],
    ['another Office 365 app', { okta: { app: oktaApp({ id: '0oasbx00000000000002' }) } }, ['Adele Vance is now provisioned by the Office 365 app 0oasbx00000000000002 in Okta (was 0oasbx00000000000001)']],
    ['another Okta user', { okta: { user: oktaUser({ id: '00usbx0000000000000X' }) } }, ["Adele Vance's Okta user is a different one now"]],
    ['provisioning turned off', { okta: { provisioning: { connection: 'DISABLED', userProvisioning: 'NOT_ENABLED' } } }, [
      'the diagnosis is now "Okta\'s provisioning of the app is off" (was "Okta\'s pushes fail on a group-inherited license")',
      'the conflicting licenses are now none (were Microsoft 365 E3)',
      "Okta's provisioning of the app is disabled now (was enabled)",
    ]],
    ['the usage location changed', { user: entraUser({ usageLocation: 'GB' }) }, ["Adele Vance's usage location is now GB (was US)"]],
    ['the usage location was cleared', { user: entraUser({ usageLocation: null }) }, ["Adele Vance's usage location is now not set (was US)"]],
    ['the user is a different object', { user: entraUser({ id: 'e0000000-0000-4000-8000-0000000000ff' }) }, ['Adele Vance is a different Entra ID object now']],
    ['the licenses attribute disappeared', { okta: { licenseSchema: { licensesAttribute: null, rolesAttribute: 'roles' } } }, ["the licenses attribute of Okta's app is now missing (was licenses)"]],
    ['the user is gone', { user: null, okta: null }, ['the diagnosis is now "the user does not exist in Entra ID" (was "Okta\'s pushes fail on a group-inherited license")']],
  ])('%s', (_case, fresh, changes) => {
    expect(check(fresh)).toEqual({ kind: 'changed', changes });
  });

  test('the rule of a dynamic group changed', () => {
    const dynamic = SITUATIONS['dynamic group'];
    const plan = planOf(diagnosisOf(dynamic), 'okta-owns-licenses');
    const fresh = { ...dynamic, groups: [entraGroup(GROUP_ID.SALES, 'Sales', { groupTypes: ['DynamicMembership'], membershipRule: 'user.department -eq "Field Sales"' })] };
    expect(checkPremises(plan, diagnosisOf(fresh))).toEqual({
      kind: 'changed', changes: ["the membership rule of 'Sales' is now user.department -eq \"Field Sales\" (was user.department -eq \"Sales\")"],
    });
  });

  test('app-scoped plans are checked the same way', () => {
    const plan = planOf(diagnosisOf(), 'entra-owns-licenses');
    expect(checkPremises(plan, diagnosisOf({ okta: { provisioning: { connection: 'DISABLED', userProvisioning: null } } })).kind).toBe('changed');
    expect(checkPremises(plan, diagnosisOf({ checkedAt: hoursAgo(-1) }))).toEqual({ kind: 'hold' });
  });
});
