// The sandbox tenant's data: one Entra ID tenant and one Okta org, as plain JSON-serialisable records.
// The sandbox Graph and Okta servers read and change it; `seed.ts` builds the scenario tenant.
import type { AssignedLicense, LicenseError, LicenseState } from '../core/model/entra.ts';

export interface SandboxSku {
  readonly skuId: string;
  readonly skuPartNumber: string;
  /** `prepaidUnits.enabled`. */
  readonly enabledUnits: number;
  readonly capabilityStatus: 'Enabled' | 'Warning' | 'Suspended';
  readonly servicePlans: ReadonlyArray<{ readonly servicePlanId: string; readonly servicePlanName: string }>;
}

export interface SandboxEntraUser {
  readonly id: string;
  userPrincipalName: string;
  displayName: string;
  mail: string | null;
  givenName: string | null;
  surname: string | null;
  jobTitle: string | null;
  department: string | null;
  usageLocation: string | null;
  accountEnabled: boolean;
  onPremisesSyncEnabled: boolean | null;
  /** Licenses assigned directly (the `assignedByGroup: null` paths). */
  directLicenses: AssignedLicense[];
}

export interface SandboxGroup {
  readonly id: string;
  displayName: string;
  description: string | null;
  groupTypes: string[];
  membershipRule: string | null;
  membershipRuleProcessingState: 'On' | 'Paused' | null;
  onPremisesSyncEnabled: boolean | null;
  mailEnabled: boolean;
  mailNickname: string;
  securityEnabled: boolean;
  isAssignableToRole: boolean | null;
  assignedLicenses: AssignedLicense[];
  /** Direct members: user ids or (nested) group ids. Ignored for dynamic groups: their members come from `membershipRule`. */
  members: string[];
}

/** Overrides the state Graph reports for one group-based license path (e.g. a CountViolation). */
export interface SandboxLicensePathError {
  readonly userId: string;
  readonly groupId: string;
  readonly skuId: string;
  readonly state: LicenseState;
  readonly error: LicenseError;
}

/** One group-based license path as group-based licensing has applied it to a user. */
export interface SandboxInheritedPath {
  readonly groupId: string;
  readonly skuId: string;
  readonly disabledPlans: readonly string[];
}

/**
 * A group-based licensing change Entra ID has not applied yet (it is asynchronous): until `effectiveAt` the
 * user keeps `before`; from then on `after`. Kept in the state so that every process sees the same timing.
 */
export interface SandboxPendingLicensing {
  readonly userId: string;
  readonly effectiveAt: string;
  /** The group whose license assignment changed (absent for a membership or attribute change). */
  readonly groupId?: string;
  readonly before: readonly SandboxInheritedPath[];
  readonly after: readonly SandboxInheritedPath[];
}

/** A directory object deleted through `DELETE /groups/{id}/members/{id}` without `/$ref` (what Graph really does). */
export interface SandboxDeletedObject {
  readonly id: string;
  readonly kind: 'user' | 'group';
  readonly deletedAt: string;
  /** The request that deleted it, e.g. `DELETE /v1.0/groups/{gid}/members/{uid}`. */
  readonly via: string;
}

export interface SandboxOktaUser {
  readonly id: string;
  login: string;
  email: string;
  firstName: string;
  lastName: string;
  status: 'ACTIVE' | 'PROVISIONED' | 'STAGED' | 'SUSPENDED' | 'DEPROVISIONED';
}

export interface SandboxOktaGroup {
  readonly id: string;
  name: string;
  description: string | null;
  members: string[];
}

export interface SandboxAppUser {
  readonly userId: string;
  scope: 'USER' | 'GROUP';
  status: string;
  syncState: 'SYNCHRONIZED' | 'ERROR' | 'OUT_OF_SYNC' | 'SYNCING' | 'DISABLED';
  /** The Entra object id once provisioned. */
  externalId: string | null;
  userName: string;
  created: string;
  lastUpdated: string;
  lastSync: string | null;
  profile: Record<string, unknown>;
}

export interface SandboxGroupAssignment {
  readonly groupId: string;
  priority: number;
  profile: Record<string, unknown>;
  lastUpdated: string;
}

export interface SandboxOktaApp {
  readonly id: string;
  readonly name: 'office365';
  label: string;
  status: 'ACTIVE' | 'INACTIVE';
  created: string;
  lastUpdated: string;
  features: string[];
  /** Status of the default provisioning connection. */
  connection: 'ENABLED' | 'DISABLED';
  /** Variable names in the app user schema; the titles are "Licenses" and "Roles". */
  schema: { licensesAttribute: string; rolesAttribute: string };
  appUsers: SandboxAppUser[];
  groupAssignments: SandboxGroupAssignment[];
}

/** A System Log event, already in Okta's LogEvent shape. */
export type SandboxLogEvent = Record<string, unknown> & { uuid: string; published: string; eventType: string };

export interface SandboxWorkflowsFlow {
  readonly alias: string;
  readonly clientToken: string;
  invocations: Array<{ at: string; body: unknown }>;
}

export interface SandboxState {
  readonly graph: {
    readonly tenantId: string;
    readonly domain: string;
    skus: SandboxSku[];
    users: SandboxEntraUser[];
    groups: SandboxGroup[];
    licensePathErrors: SandboxLicensePathError[];
    /** Group-based licensing changes still in flight (sandbox Graph server; absent: none). */
    pendingLicensing?: SandboxPendingLicensing[];
    /** When each license path last changed, keyed `userId|groupId|skuId` (empty groupId: direct); absent: seeded. */
    licensePathUpdatedAt?: Record<string, string>;
    /** Objects deleted through Graph's dangerous member DELETE without `/$ref` (absent: none). */
    deletedObjects?: SandboxDeletedObject[];
  };
  readonly okta: {
    readonly orgName: string;
    users: SandboxOktaUser[];
    groups: SandboxOktaGroup[];
    apps: SandboxOktaApp[];
    logs: SandboxLogEvent[];
    workflows: SandboxWorkflowsFlow[];
  };
}
