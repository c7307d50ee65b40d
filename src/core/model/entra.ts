// What License Doctor reads from Microsoft Graph, normalised by the Graph adapter. Plain data only.

/** `licenseAssignmentState.state` values documented by Microsoft Graph. */
export type LicenseState = 'Active' | 'ActiveWithError' | 'Disabled' | 'Error';

/** `licenseAssignmentState.error` values; Graph's `"None"` and `null` both become `null` in this model. */
export type LicenseError =
  | 'CountViolation'
  | 'MutuallyExclusiveViolation'
  | 'DependencyViolation'
  | 'ProhibitedInUsageLocationViolation'
  | 'UniquenessViolation'
  | 'Other';

/** One entry of `user.assignedLicenses` / `group.assignedLicenses`. GUIDs are lower-case. */
export interface AssignedLicense {
  readonly skuId: string;
  readonly disabledPlans: readonly string[];
}

/** One assignment path of a license: direct (`assignedByGroup` null) or inherited from a group. */
export interface LicenseAssignmentState {
  readonly skuId: string;
  readonly disabledPlans: readonly string[];
  readonly assignedByGroup: string | null;
  readonly state: LicenseState;
  readonly error: LicenseError | null;
  readonly lastUpdatedDateTime: string | null;
}

/** An Entra ID user with the license properties that Graph returns only on `$select`. */
export interface EntraUser {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string | null;
  readonly mail: string | null;
  readonly accountEnabled: boolean | null;
  readonly usageLocation: string | null;
  readonly onPremisesSyncEnabled: boolean | null;
  readonly assignedLicenses: readonly AssignedLicense[];
  readonly licenseAssignmentStates: readonly LicenseAssignmentState[];
}

/** A group that grants licenses, with what decides whether its membership can be changed through Graph. */
export interface EntraGroup {
  readonly id: string;
  readonly displayName: string;
  readonly groupTypes: readonly string[];
  readonly membershipRule: string | null;
  readonly onPremisesSyncEnabled: boolean | null;
  readonly mailEnabled: boolean;
  readonly securityEnabled: boolean;
  readonly isAssignableToRole: boolean | null;
  readonly assignedLicenses: readonly AssignedLicense[];
}

/** A service plan inside a subscribed SKU. */
export interface ServicePlan {
  readonly servicePlanId: string;
  readonly servicePlanName: string;
}

/** A SKU the tenant subscribes to (`GET /subscribedSkus`). */
export interface SubscribedSku {
  readonly skuId: string;
  readonly skuPartNumber: string;
  readonly appliesTo: string;
  readonly capabilityStatus: string;
  readonly consumedUnits: number;
  /** `prepaidUnits.enabled`: seats bought. Free seats = enabledUnits - consumedUnits. */
  readonly enabledUnits: number;
  readonly servicePlans: readonly ServicePlan[];
}
