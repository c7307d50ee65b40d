// The licensing groups of a generated large tenant: one big cloud group that carries most conflicts, a dynamic
// group, a group synced from on-premises AD, a mail-enabled one, small ones, and one out of seats.
import { entraId, lic, SKU } from '../seed-catalog.ts';
import type { SandboxGroup } from '../state.ts';

/** Ids of the generated tenant's licensing groups (distinct from the scenario tenant's). */
export const LARGE_GROUP = {
  STAFF_E3: entraId(9001),
  SALES_DYNAMIC: entraId(9002),
  FINANCE_ONPREM: entraId(9003),
  LEGAL_MAIL: entraId(9004),
  EXECS_E5: entraId(9005),
  VISIO: entraId(9006),
  POWER_BI: entraId(9007),
} as const;

function group(id: string, displayName: string, kind: Partial<SandboxGroup>, skuId: string): SandboxGroup {
  return {
    id, displayName, description: null, groupTypes: [], membershipRule: null, membershipRuleProcessingState: null,
    onPremisesSyncEnabled: null, mailEnabled: false, mailNickname: displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    securityEnabled: true, isAssignableToRole: false, assignedLicenses: [lic(skuId)], members: [], ...kind,
  };
}

/** Fresh copies of the generated tenant's groups (members empty; the generator fills them). */
export function largeTenantGroups(): SandboxGroup[] {
  return [
    group(LARGE_GROUP.STAFF_E3, 'Lic-M365-E3-Staff', {}, SKU.SPE_E3),
    group(LARGE_GROUP.SALES_DYNAMIC, 'Lic-M365-E3-Sales (dynamic)', {
      groupTypes: ['DynamicMembership'], membershipRule: 'user.department -eq "Sales"', membershipRuleProcessingState: 'On' }, SKU.SPE_E3),
    group(LARGE_GROUP.FINANCE_ONPREM, 'CONTOSO Finance Licensing', { onPremisesSyncEnabled: true }, SKU.ENTERPRISEPACK),
    group(LARGE_GROUP.LEGAL_MAIL, 'Legal Team', { mailEnabled: true }, SKU.SPE_E3),
    group(LARGE_GROUP.EXECS_E5, 'Lic-M365-E5-Executives', {}, SKU.SPE_E5),
    group(LARGE_GROUP.VISIO, 'Lic-Visio', {}, SKU.VISIOCLIENT),
    group(LARGE_GROUP.POWER_BI, 'Lic-PowerBI-Pro', {}, SKU.POWER_BI_PRO),
  ];
}
