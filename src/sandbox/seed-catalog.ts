// The seeded tenant's catalogue: its domain, the SKUs it subscribes to (with real service plan ids), and the stable
// ids of its groups, Okta apps and people. seed.ts builds the tenant from these.
import type { AssignedLicense } from '../core/model/entra.ts';
import { sandboxUuid } from './log-events.ts';
import type { SandboxSku } from './state.ts';

export const SANDBOX_DOMAIN = 'contoso.com';
export const SANDBOX_TENANT_ID = '6f1c3c1e-2b4d-4c8e-9a51-5d0c0ffee001';

/** SKU ids (from Microsoft's product table). */
export const SKU = {
  SPE_E3: '05e9a617-0261-4cee-bb44-138d3ef5d965',
  SPE_E5: '06ebc4ee-1bb5-47dd-8120-11324bc54e06',
  ENTERPRISEPACK: '6fd2c87f-b296-42f0-b197-1e91e994b900',
  POWER_BI_PRO: 'f8a1db68-be16-40ed-86d5-cb42ce701560',
  EMS: 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e',
  VISIOCLIENT: 'c5928f49-12ba-48f7-ada3-0d743a3601d5',
} as const;

const PLAN = {
  EXCHANGE_S_ENTERPRISE: 'efb87545-963c-4e0d-99df-69c6916d9eb0',
  SHAREPOINTENTERPRISE: '5dbe027f-2339-4123-9542-606e4d348a72',
  TEAMS1: '57ff2da0-773e-42df-b2af-ffb7a2317929',
  MCOSTANDARD: '0feaeb32-d00e-4d66-bd5a-43b5b83db82c',
  OFFICESUBSCRIPTION: '43de0ff5-c92c-492b-9116-175376d08c38',
  FORMS_PLAN_E3: '2789c901-c14e-48ab-a76a-be334d9d793a',
  FORMS_PLAN_E5: 'e212cbc7-0961-4c40-9825-01117710dcb1',
  SWAY: 'a23b959c-7ce8-4e57-9140-b90eb88a9e97',
  YAMMER_ENTERPRISE: '7547a3fe-08ee-4ccb-b430-5077c5041653',
  RMS_S_ENTERPRISE: 'bea4c11e-220a-4e6d-8eb8-8ea15d019f90',
  AAD_PREMIUM: '41781fb2-bc02-4b7c-bd55-b576c07bb09d',
  INTUNE_A: 'c1ec4a95-1f05-45b3-a911-aa3fa01094f5',
  MCOEV: '4828c8ec-dc2e-4779-b502-87ac9ce28ab7',
  BI_AZURE_P2: '70d33638-9c74-4d01-bfd3-562de28bd4ba',
  EXCHANGE_S_FOUNDATION: '113feb6c-3fe4-4440-bddc-54d774bf0318',
  VISIO_CLIENT_SUBSCRIPTION: '663a804f-1c30-4ff0-9915-9db84f0d1cea',
  VISIOONLINE: '2bdbaf8f-738f-4ac7-9234-3c3ee2ce7d0f',
} as const;

const plans = (...names: Array<keyof typeof PLAN>) => names.map((n) => ({ servicePlanId: PLAN[n], servicePlanName: n }));

export const SKUS: SandboxSku[] = [
  { skuId: SKU.SPE_E3, skuPartNumber: 'SPE_E3', enabledUnits: 50, capabilityStatus: 'Enabled',
    servicePlans: plans('EXCHANGE_S_ENTERPRISE', 'SHAREPOINTENTERPRISE', 'TEAMS1', 'MCOSTANDARD', 'OFFICESUBSCRIPTION', 'FORMS_PLAN_E3', 'SWAY', 'YAMMER_ENTERPRISE', 'RMS_S_ENTERPRISE', 'AAD_PREMIUM', 'INTUNE_A') },
  { skuId: SKU.SPE_E5, skuPartNumber: 'SPE_E5', enabledUnits: 10, capabilityStatus: 'Enabled',
    servicePlans: plans('EXCHANGE_S_ENTERPRISE', 'SHAREPOINTENTERPRISE', 'TEAMS1', 'MCOSTANDARD', 'MCOEV', 'OFFICESUBSCRIPTION', 'FORMS_PLAN_E5', 'BI_AZURE_P2', 'RMS_S_ENTERPRISE', 'AAD_PREMIUM', 'INTUNE_A') },
  { skuId: SKU.ENTERPRISEPACK, skuPartNumber: 'ENTERPRISEPACK', enabledUnits: 25, capabilityStatus: 'Enabled',
    servicePlans: plans('EXCHANGE_S_ENTERPRISE', 'SHAREPOINTENTERPRISE', 'TEAMS1', 'MCOSTANDARD', 'OFFICESUBSCRIPTION', 'FORMS_PLAN_E3', 'SWAY', 'YAMMER_ENTERPRISE', 'RMS_S_ENTERPRISE') },
  // Every Power BI Pro seat is taken: a new group-based assignment ends in CountViolation.
  { skuId: SKU.POWER_BI_PRO, skuPartNumber: 'POWER_BI_PRO', enabledUnits: 2, capabilityStatus: 'Enabled',
    servicePlans: plans('EXCHANGE_S_FOUNDATION', 'BI_AZURE_P2') },
  { skuId: SKU.EMS, skuPartNumber: 'EMS', enabledUnits: 50, capabilityStatus: 'Enabled',
    servicePlans: plans('AAD_PREMIUM', 'EXCHANGE_S_FOUNDATION', 'RMS_S_ENTERPRISE', 'INTUNE_A') },
  { skuId: SKU.VISIOCLIENT, skuPartNumber: 'VISIOCLIENT', enabledUnits: 5, capabilityStatus: 'Enabled',
    servicePlans: plans('EXCHANGE_S_FOUNDATION', 'VISIO_CLIENT_SUBSCRIPTION', 'VISIOONLINE') },
];

/** Stable ids: Entra GUIDs and Okta-style ids (3-letter prefix + 17 characters). */
/** Stable Entra object id of seeded object number `n`. */
export const entraId = (n: number) => `${sandboxUuid(`entra|${n}`).slice(0, 24)}${String(n).padStart(12, '0')}`;
/** Stable Okta id of seeded object number `n`. */
export const oktaId = (prefix: '00u' | '00g' | '0oa', n: number) => `${prefix}sbx${String(n).padStart(14, '0')}`;

export const GROUP = {
  E3: entraId(101),
  SALES_DYNAMIC: entraId(102),
  FINANCE_ONPREM: entraId(103),
  LEGAL_MAIL: entraId(104),
  ADMINS_ROLE: entraId(105),
  POWER_BI: entraId(106),
  APPROVERS: entraId(107),
  IAM_TEAM: entraId(108),
  VISIO: entraId(109),
} as const;

export const OKTA_APP = { MAIN: oktaId('0oa', 1), CONTRACTORS: oktaId('0oa', 2), RETIRED: oktaId('0oa', 3) } as const;
export const OKTA_GROUP = { O365_STANDARD: oktaId('00g', 1), EVERYONE: oktaId('00g', 2) } as const;

/** The Workflows API-endpoint flow the sandbox serves for KB path 3. */
export const WORKFLOWS_FLOW = { alias: 'sbx-o365-profile-push', clientToken: 'sandbox-workflows-client-token' } as const;

/** A license entry. */
export const lic = (skuId: string, disabledPlans: string[] = []): AssignedLicense => ({ skuId, disabledPlans });
