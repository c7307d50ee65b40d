// The fleet scan: every Office 365 app user joined with Entra ID, each diagnosed (CONTRACT.md `scan --json`).
import type { GroupKind, OktaReport, Verdict } from './diagnosis.ts';
import type { EntraGroup, EntraUser, SubscribedSku } from './entra.ts';
import type { OktaApp, OktaAppUser, OktaLicenseSchema, OktaProvisioning, OktaPushFailure } from './okta.ts';

/** A licensing group as the scan names it. */
export interface ScanGroup {
  readonly id: string;
  readonly displayName: string;
  readonly kind: GroupKind;
}

/** A licensing group behind a user's conflict, with the conflicting SKUs (part numbers) it gives them. */
export interface ScanUserGroup extends ScanGroup {
  readonly skus: readonly string[];
}

/** One user of the scan: one element of `users` in `scan --json`, one CSV row. */
export interface ScanUserRow {
  readonly userPrincipalName: string;
  readonly verdict: Verdict;
  /** SKU part numbers of the conflicts (empty unless the verdict is a conflict). */
  readonly conflictSkus: readonly string[];
  /** The licensing groups the conflicting SKUs come from, each with the SKUs it gives. */
  readonly groups: readonly ScanUserGroup[];
  readonly syncState: string | null;
  readonly lastPushFailure: OktaReport['lastPushFailure'];
}

/** `summary.byGroup[]`: a licensing group behind conflicts, the SKUs concerned and how many users. */
export interface ScanGroupSummary extends ScanGroup {
  readonly skus: readonly string[];
  readonly users: number;
}

export interface ScanSummary {
  readonly oktaAppUsers: number;
  readonly entraUsers: number;
  readonly byVerdict: Readonly<Record<Verdict, number>>;
  readonly byGroup: readonly ScanGroupSummary[];
}

/** What every user of one scan is diagnosed against: read once per scan. */
export interface ScanContext {
  readonly checkedAt: string;
  readonly sandbox: boolean;
  readonly workflowsConfigured: boolean;
  readonly app: OktaApp;
  readonly licenseSchema: OktaLicenseSchema;
  readonly provisioning: OktaProvisioning;
  readonly subscribedSkus: readonly SubscribedSku[];
}

/** One user as the scan found them: Entra ID side, Office 365 app user, or both once joined. */
export interface ScanPair {
  readonly entra: EntraUser | null;
  readonly appUser: OktaAppUser | null;
  /** The groups behind the user's licenses (any superset will do: they are looked up by id). */
  readonly groups: readonly EntraGroup[];
  /** The app user's newest push failure in the look-back window, if any. */
  readonly pushFailure: OktaPushFailure | null;
}

/** Counts shown while a scan runs. */
export interface ScanProgress {
  readonly oktaPages: number;
  readonly oktaUsers: number;
  readonly oktaDone: boolean;
  readonly entraPages: number;
  readonly entraUsers: number;
  readonly entraDone: boolean;
  /** Users diagnosed so far (joined, or known to be on one side only). */
  readonly diagnosed: number;
}
