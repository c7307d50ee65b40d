// The diagnosis report: the `diagnose --json` document of CONTRACT.md, and what it is computed from.
import type { EntraGroup, EntraUser, LicenseError, LicenseState, SubscribedSku } from './entra.ts';
import type { OktaApp, OktaAppUser, OktaLicenseSchema, OktaProvisioning, OktaPushFailure, OktaUser } from './okta.ts';
import type { ParsedError } from './parsed-error.ts';

export type Verdict =
  | 'user-not-identified'
  | 'user-not-found'
  | 'not-managed-by-okta'
  | 'okta-provisioning-disabled'
  | 'group-inherited-license-conflict'
  | 'dual-managed-license'
  | 'other-license-error'
  | 'no-conflict';

/** Verdicts in order of precedence (CONTRACT.md). */
export const VERDICTS: readonly Verdict[] = [
  'user-not-identified',
  'user-not-found',
  'not-managed-by-okta',
  'okta-provisioning-disabled',
  'group-inherited-license-conflict',
  'dual-managed-license',
  'other-license-error',
  'no-conflict',
];

/** How a licensing group's membership is managed; only `assigned` can be changed through Graph. */
export type GroupKind = 'assigned' | 'dynamic' | 'on-premises-synced' | 'mail-enabled' | 'role-assignable';

/**
 * A resolution path's id: one of the paths registered in core/paths/path-registry.ts (the KB's three paths, the undo
 * of paths 2 and 3 — `okta-owns-licenses`, `entra-owns-licenses`, `okta-workflows-profile-only`,
 * `okta-provisioning-on` — and any path registered after them). Checked against the registry where it enters.
 */
export type PathId = string;

export type Scope = 'user' | 'group' | 'app';

export interface GroupRef {
  readonly id: string;
  readonly displayName: string;
  readonly kind: GroupKind;
}

/** One assignment path of one license. */
export interface LicenseRow {
  readonly skuId: string;
  readonly skuPartNumber: string;
  readonly productName: string;
  readonly assignment: 'direct' | 'group';
  readonly group: GroupRef | null;
  readonly state: LicenseState;
  readonly error: LicenseError | null;
}

export interface OktaReport {
  readonly appId: string;
  readonly appUserStatus: string | null;
  readonly syncState: string | null;
  readonly scope: 'USER' | 'GROUP' | null;
  readonly provisioning: 'enabled' | 'disabled' | 'unknown';
  /** License values Okta holds for the user, as Okta spells them (may be empty). */
  readonly managedLicenses: readonly string[];
  readonly lastPushFailure: { readonly at: string; readonly message: string; readonly eventType: string } | null;
}

export interface Conflict {
  readonly skuId: string;
  readonly skuPartNumber: string;
  readonly groups: readonly GroupRef[];
}

export interface Remedy {
  readonly id: PathId;
  readonly available: boolean;
  /** Why it is not available, or what limits it (e.g. manual steps); absent when nothing needs saying. */
  readonly reason?: string;
  readonly scope: Scope;
  readonly approvalsRequired: number;
}

/** The `diagnose --json` document. */
export interface DiagnosisReport {
  readonly query: string;
  readonly sandbox: boolean;
  readonly parsedError: ParsedError | null;
  readonly user: {
    readonly userPrincipalName: string;
    readonly displayName: string;
    readonly entraObjectId: string;
    readonly usageLocation: string | null;
    readonly oktaUserId: string | null;
  } | null;
  readonly licenses: readonly LicenseRow[];
  readonly okta: OktaReport | null;
  readonly verdict: Verdict;
  readonly conflicts: readonly Conflict[];
  readonly explanation: string;
  readonly remedies: readonly Remedy[];
}

/** What the Okta side looked like for the user; each part is null when it does not exist or was not read. */
export interface OktaSnapshot {
  /** The Office 365 app instance that manages this user (null: none applies). */
  readonly app: OktaApp | null;
  readonly user: OktaUser | null;
  /** Null when the user is not assigned to the app. */
  readonly appUser: OktaAppUser | null;
  readonly licenseSchema: OktaLicenseSchema | null;
  readonly provisioning: OktaProvisioning | null;
  /** Recent push failures for the user, newest first. */
  readonly pushFailures: readonly OktaPushFailure[];
}

/** Everything the pure diagnosis needs, read live by the application layer. */
export interface DiagnosisInput {
  readonly query: string;
  readonly sandbox: boolean;
  /** When the live state was read (ISO 8601); the core never reads the clock itself. */
  readonly checkedAt: string;
  readonly parsedError: ParsedError | null;
  /** Null when no user could be identified from the query. */
  readonly identifier: string | null;
  readonly entra: {
    /** Null: no such user in Entra ID. */
    readonly user: EntraUser | null;
    /** The groups named by the user's `assignedByGroup` paths. */
    readonly groups: readonly EntraGroup[];
    readonly subscribedSkus: readonly SubscribedSku[];
  };
  /** Null when Okta was not consulted (no Entra user). */
  readonly okta: OktaSnapshot | null;
  /** Whether an Okta Workflows API-endpoint flow is configured (KB path 3). */
  readonly workflowsConfigured: boolean;
}

/** A diagnosis: the report, and the live state it was computed from (plans are built from both). */
export interface Diagnosis {
  readonly report: DiagnosisReport;
  readonly input: DiagnosisInput;
}
