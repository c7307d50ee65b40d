// Small factories for DiagnosisInput and its parts. The defaults describe the KB case: Adele Vance gets
// Microsoft 365 E3 from an assigned cloud group, Okta holds no licenses for her, and Okta's push failed 2 hours ago.
import type { DiagnosisInput, OktaSnapshot } from '../../src/core/model/diagnosis.ts';
import type { EntraGroup, EntraUser, LicenseAssignmentState, SubscribedSku } from '../../src/core/model/entra.ts';
import type { OktaApp, OktaAppUser, OktaProvisioning, OktaPushFailure, OktaUser } from '../../src/core/model/okta.ts';

/** When the test's live state was read; relative times in explanations are computed from it. */
export const CHECKED_AT = '2026-05-07T12:00:00.000Z';

/** ISO time `hours` before CHECKED_AT. */
export const hoursAgo = (hours: number): string => new Date(Date.parse(CHECKED_AT) - hours * 3_600_000).toISOString();

export const SKU_ID = {
  SPE_E3: '05e9a617-0261-4cee-bb44-138d3ef5d965',
  ENTERPRISEPACK: '6fd2c87f-b296-42f0-b197-1e91e994b900',
  POWER_BI_PRO: 'f8a1db68-be16-40ed-86d5-cb42ce701560',
  /** In no product table and no tenant. */
  UNKNOWN: '0badc0de-0000-4000-8000-000000000001',
} as const;

export const PLAN_ID = {
  EXCHANGE_S_ENTERPRISE: 'efb87545-963c-4e0d-99df-69c6916d9eb0',
  TEAMS1: '57ff2da0-773e-42df-b2af-ffb7a2317929',
  OFFICESUBSCRIPTION: '43de0ff5-c92c-492b-9116-175376d08c38',
  BI_AZURE_P2: '70d33638-9c74-4d01-bfd3-562de28bd4ba',
} as const;

export const GROUP_ID = {
  E3: '9a1b0000-0000-4000-8000-000000000101',
  SALES: '9a1b0000-0000-4000-8000-000000000102',
  PBI: '9a1b0000-0000-4000-8000-000000000106',
  GONE: '9a1b0000-0000-4000-8000-0000000009ff',
} as const;

/** A subscribed SKU; seats default to 50 with 10 used. */
export function subscribedSku(skuId: string, skuPartNumber: string, plans: Array<[string, string]> = [], overrides: Partial<SubscribedSku> = {}): SubscribedSku {
  return {
    skuId, skuPartNumber, appliesTo: 'User', capabilityStatus: 'Enabled', consumedUnits: 10, enabledUnits: 50,
    servicePlans: plans.map(([servicePlanId, servicePlanName]) => ({ servicePlanId, servicePlanName })),
    ...overrides,
  };
}

/** The tenant's SKUs: Microsoft 365 E3 (three plans), Office 365 E3, Power BI Pro (2 of 2 seats used). */
export const TENANT_SKUS: readonly SubscribedSku[] = [
  subscribedSku(SKU_ID.SPE_E3, 'SPE_E3', [[PLAN_ID.EXCHANGE_S_ENTERPRISE, 'EXCHANGE_S_ENTERPRISE'], [PLAN_ID.TEAMS1, 'TEAMS1'], [PLAN_ID.OFFICESUBSCRIPTION, 'OFFICESUBSCRIPTION']]),
  subscribedSku(SKU_ID.ENTERPRISEPACK, 'ENTERPRISEPACK', [[PLAN_ID.EXCHANGE_S_ENTERPRISE, 'EXCHANGE_S_ENTERPRISE'], [PLAN_ID.TEAMS1, 'TEAMS1']]),
  subscribedSku(SKU_ID.POWER_BI_PRO, 'POWER_BI_PRO', [[PLAN_ID.BI_AZURE_P2, 'BI_AZURE_P2']], { consumedUnits: 2, enabledUnits: 2 }),
];

/** An assigned (cloud security) group granting `skus`. */
export function entraGroup(id: string, displayName: string, overrides: Partial<EntraGroup> = {}, skus: string[] = [SKU_ID.SPE_E3]): EntraGroup {
  return {
    id, displayName, groupTypes: [], membershipRule: null, onPremisesSyncEnabled: null, mailEnabled: false, securityEnabled: true,
    isAssignableToRole: false, assignedLicenses: skus.map((skuId) => ({ skuId, disabledPlans: [] })), ...overrides,
  };
}

export const E3_GROUP = entraGroup(GROUP_ID.E3, 'Licensing - Microsoft 365 E3');

/** A direct license path in state Active. */
export function directPath(skuId: string, overrides: Partial<LicenseAssignmentState> = {}): LicenseAssignmentState {
  return { skuId, disabledPlans: [], assignedByGroup: null, state: 'Active', error: null, lastUpdatedDateTime: null, ...overrides };
}

/** A group license path in state Active. */
export function groupPath(skuId: string, groupId: string, overrides: Partial<LicenseAssignmentState> = {}): LicenseAssignmentState {
  return directPath(skuId, { assignedByGroup: groupId, ...overrides });
}

/** Adele Vance, usage location US, with Microsoft 365 E3 from the E3 group unless `licenseAssignmentStates` says otherwise. */
export function entraUser(overrides: Partial<EntraUser> = {}): EntraUser {
  const states = overrides.licenseAssignmentStates ?? [groupPath(SKU_ID.SPE_E3, GROUP_ID.E3)];
  return {
    id: 'e0000000-0000-4000-8000-000000000001', userPrincipalName: 'adele.vance@contoso.com', displayName: 'Adele Vance',
    mail: 'adele.vance@contoso.com', accountEnabled: true, usageLocation: 'US', onPremisesSyncEnabled: null,
    assignedLicenses: [...new Set(states.map((s) => s.skuId))].map((skuId) => ({ skuId, disabledPlans: [] })),
    licenseAssignmentStates: states, ...overrides,
  };
}

export const OKTA_FEATURES = ['PUSH_NEW_USERS', 'PUSH_PROFILE_UPDATES', 'PUSH_USER_DEACTIVATION', 'IMPORT_PROFILE_UPDATES'];

export function oktaApp(overrides: Partial<OktaApp> = {}): OktaApp {
  return { id: '0oasbx00000000000001', name: 'office365', label: 'Microsoft Office 365', status: 'ACTIVE', features: OKTA_FEATURES, ...overrides };
}

export function oktaUser(overrides: Partial<OktaUser> = {}): OktaUser {
  return { id: '00usbx00000000000001', login: 'adele.vance@contoso.com', email: 'adele.vance@contoso.com', status: 'ACTIVE', displayName: 'Adele Vance', ...overrides };
}

/** The app user; `licenses` is stored as the `licenses` profile attribute, exactly as given. */
export function appUser(licenses: unknown = [], overrides: Partial<OktaAppUser> = {}): OktaAppUser {
  return {
    id: '00usbx00000000000001', externalId: 'e0000000-0000-4000-8000-000000000001', userName: 'adele.vance@contoso.com',
    status: 'PROVISIONED', syncState: 'ERROR', scope: 'USER', lastSync: hoursAgo(26), lastUpdated: hoursAgo(26),
    profile: { licenses, roles: [], displayName: 'Adele Vance' }, ...overrides,
  };
}

const PROVISIONING_ON: OktaProvisioning = { connection: 'ENABLED', userProvisioning: 'ENABLED' };

/** The KB push failure, `hours` before CHECKED_AT. */
export function pushFailure(hours: number, message = 'Could not push profile for Office 365 user adele.vance@contoso.com, received error: Received response with HTTP status code 400. httpStatusCode=400 errorCode=Request_BadRequest errorMessage="User license is inherited from a group membership and it cannot be removed directly from the user." method=POST'): OktaPushFailure {
  return { uuid: `uuid-${hours}`, published: hoursAgo(hours), eventType: 'app.office365.api.error.push.profile', message };
}

export function oktaSnapshot(overrides: Partial<OktaSnapshot> = {}): OktaSnapshot {
  return {
    app: oktaApp(), user: oktaUser(), appUser: appUser(), licenseSchema: { licensesAttribute: 'licenses', rolesAttribute: 'roles' },
    provisioning: PROVISIONING_ON, pushFailures: [pushFailure(2)], ...overrides,
  };
}

export interface InputOverrides extends Partial<Omit<DiagnosisInput, 'entra' | 'okta'>> {
  /** Null: no such user in Entra ID. */
  readonly user?: EntraUser | null;
  readonly groups?: readonly EntraGroup[];
  readonly subscribedSkus?: readonly SubscribedSku[];
  /** Merged into the default snapshot; null: Okta not consulted. */
  readonly okta?: Partial<OktaSnapshot> | null;
}

/** A DiagnosisInput: the KB case unless overridden. */
export function diagnosisInput(o: InputOverrides = {}): DiagnosisInput {
  return {
    query: o.query ?? 'adele.vance@contoso.com',
    sandbox: o.sandbox ?? false,
    checkedAt: o.checkedAt ?? CHECKED_AT,
    parsedError: o.parsedError ?? null,
    identifier: o.identifier === undefined ? 'adele.vance@contoso.com' : o.identifier,
    entra: {
      user: o.user === undefined ? entraUser() : o.user,
      groups: o.groups ?? [E3_GROUP],
      subscribedSkus: o.subscribedSkus ?? TENANT_SKUS,
    },
    okta: o.okta === null ? null : oktaSnapshot(o.okta ?? {}),
    workflowsConfigured: o.workflowsConfigured ?? false,
  };
}
