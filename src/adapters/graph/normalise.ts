// Graph's JSON -> License Doctor's model (src/core/model/entra.ts): GUIDs lower-cased, Graph's "None"/null
// error -> null, and values outside the documented sets mapped conservatively (see each function).
import type {
  AssignedLicense,
  EntraGroup,
  EntraUser,
  LicenseAssignmentState,
  LicenseError,
  LicenseState,
  SubscribedSku,
} from '../../core/model/entra.ts';
import type { GraphGroupJson, GraphSubscribedSkuJson, GraphUserJson } from './schemas.ts';

const STATES: readonly LicenseState[] = ['Active', 'ActiveWithError', 'Disabled', 'Error'];
const ERRORS: readonly LicenseError[] = ['CountViolation', 'MutuallyExclusiveViolation', 'DependencyViolation', 'ProhibitedInUsageLocationViolation', 'UniquenessViolation', 'Other'];

const match = <T extends string>(values: readonly T[], raw: string): T | undefined => values.find((v) => v.toLowerCase() === raw.toLowerCase());

/**
 * A path's state. Graph documents Active, ActiveWithError, Disabled and Error (compared trimmed and ignoring
 * case: Microsoft's own samples show " Active "). Anything else, or no state, becomes Error: a path License
 * Doctor cannot read is never counted as granting a license, and it surfaces as a license error for a human.
 */
export function normaliseLicenseState(raw: string | null | undefined): LicenseState {
  return match(STATES, (raw ?? '').trim()) ?? 'Error';
}

/** A path's error: null/"None"/"" -> null; documented values kept ("Others", the old doc spelling, -> Other); unknown -> Other. */
export function normaliseLicenseError(raw: string | null | undefined): LicenseError | null {
  const value = (raw ?? '').trim();
  if (value === '' || value.toLowerCase() === 'none') return null;
  if (value.toLowerCase() === 'others') return 'Other';
  return match(ERRORS, value) ?? 'Other';
}

const lower = (ids: readonly string[] | null | undefined): string[] => (ids ?? []).map((id) => id.toLowerCase());

function assigned(list: GraphUserJson['assignedLicenses']): AssignedLicense[] {
  return (list ?? []).map((l) => ({ skuId: l.skuId.toLowerCase(), disabledPlans: lower(l.disabledPlans) }));
}

/** A user read with License Doctor's `$select`. */
export function toEntraUser(u: GraphUserJson): EntraUser {
  const states: LicenseAssignmentState[] = (u.licenseAssignmentStates ?? []).map((s) => ({
    skuId: s.skuId.toLowerCase(),
    disabledPlans: lower(s.disabledPlans),
    assignedByGroup: s.assignedByGroup ? s.assignedByGroup.toLowerCase() : null,
    state: normaliseLicenseState(s.state),
    error: normaliseLicenseError(s.error),
    lastUpdatedDateTime: s.lastUpdatedDateTime ?? null,
  }));
  return {
    id: u.id.toLowerCase(),
    userPrincipalName: u.userPrincipalName,
    displayName: u.displayName ?? null,
    mail: u.mail ?? null,
    accountEnabled: u.accountEnabled ?? null,
    usageLocation: u.usageLocation ?? null,
    onPremisesSyncEnabled: u.onPremisesSyncEnabled ?? null,
    assignedLicenses: assigned(u.assignedLicenses),
    licenseAssignmentStates: states,
  };
}

/** A group read with License Doctor's `$select`; absent booleans read as false (Graph returns them by default). */
export function toEntraGroup(g: GraphGroupJson): EntraGroup {
  return {
    id: g.id.toLowerCase(),
    displayName: g.displayName ?? '',
    groupTypes: g.groupTypes ?? [],
    membershipRule: g.membershipRule ?? null,
    onPremisesSyncEnabled: g.onPremisesSyncEnabled ?? null,
    mailEnabled: g.mailEnabled ?? false,
    securityEnabled: g.securityEnabled ?? false,
    isAssignableToRole: g.isAssignableToRole ?? null,
    assignedLicenses: assigned(g.assignedLicenses),
  };
}

/** A subscribed SKU; missing counts read as 0. */
export function toSubscribedSku(s: GraphSubscribedSkuJson): SubscribedSku {
  return {
    skuId: s.skuId.toLowerCase(),
    skuPartNumber: s.skuPartNumber.trim(),
    appliesTo: s.appliesTo ?? '',
    capabilityStatus: s.capabilityStatus ?? '',
    consumedUnits: s.consumedUnits ?? 0,
    enabledUnits: s.prepaidUnits?.enabled ?? 0,
    servicePlans: (s.servicePlans ?? []).map((p) => ({ servicePlanId: p.servicePlanId.toLowerCase(), servicePlanName: p.servicePlanName })),
  };
}
