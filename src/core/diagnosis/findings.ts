// What the diagnosis establishes before it is put into words: the verdict and the facts behind it. The report,
// the explanation and the remedies are all read from one Findings, so they cannot disagree.
import type { Conflict, DiagnosisInput, GroupRef, LicenseRow, OktaReport, Verdict } from '../model/diagnosis.ts';
import type { OktaPushFailure } from '../model/okta.ts';
import { oktaDesiredLicenses, type OktaDesiredLicenses } from '../licensing/okta-license-values.ts';
import { findGroup, licenseRows } from './license-rows.ts';
import { inheritedLicensePushFailure } from './inherited-license-push-failure.ts';
import { oktaReport } from './okta-report.ts';

export interface Findings {
  readonly input: DiagnosisInput;
  /** How sentences name the person: display name, else user principal name, else what was asked for. */
  readonly name: string;
  readonly rows: readonly LicenseRow[];
  readonly okta: OktaReport | null;
  /** The license set Okta's values stand for (empty when Okta holds none or does not manage the user). */
  readonly oktaSet: OktaDesiredLicenses;
  /** SKU id -> the groups it is really inherited from (group paths in state Active or ActiveWithError). */
  readonly inherited: ReadonlyMap<string, readonly GroupRef[]>;
  /** Inherited SKUs that Okta's set lacks: Okta's pushes try to remove them. */
  readonly missing: readonly string[];
  /** Inherited SKUs that Okta's set holds too. */
  readonly shared: readonly string[];
  /** Okta's latest push failure when it is the inherited-license refusal and still current. */
  readonly pushFailure: OktaPushFailure | null;
  /** Ids of groups behind the user's licenses that could not be read. */
  readonly unreadableGroups: readonly string[];
  readonly verdict: Verdict;
  readonly conflicts: readonly Conflict[];
}

const GRANTING_STATES: ReadonlySet<string> = new Set(['Active', 'ActiveWithError']);

function inheritedSkus(rows: readonly LicenseRow[]): Map<string, GroupRef[]> {
  // Keyed by SKU, then group id, so that a user in many groups costs one pass (Maps keep the order of insertion).
  const bySku = new Map<string, Map<string, GroupRef>>();
  for (const row of rows) {
    if (row.group === null || !GRANTING_STATES.has(row.state)) continue;
    const groups = bySku.get(row.skuId) ?? new Map<string, GroupRef>();
    if (!groups.has(row.group.id)) groups.set(row.group.id, row.group);
    bySku.set(row.skuId, groups);
  }
  return new Map([...bySku].map(([sku, groups]) => [sku, [...groups.values()]]));
}

function personName(input: DiagnosisInput): string {
  const user = input.entra.user;
  const candidates = [user?.displayName, user?.userPrincipalName, input.identifier, input.parsedError?.userPrincipalName];
  return candidates.find((c): c is string => typeof c === 'string' && c.trim() !== '') ?? 'this user';
}

function decideVerdict(input: DiagnosisInput, okta: OktaReport | null, rows: readonly LicenseRow[], missing: readonly string[], shared: readonly string[], pushFailure: OktaPushFailure | null): Verdict {
  if (input.identifier === null) return 'user-not-identified';
  if (input.entra.user === null) return 'user-not-found';
  const snapshot = input.okta;
  if (snapshot === null || snapshot.user === null || snapshot.app === null || snapshot.appUser === null) return 'not-managed-by-okta';
  if (okta?.provisioning === 'disabled') return 'okta-provisioning-disabled';
  // A push failure counts only while a group still grants a license: otherwise the next push passes.
  if (missing.length > 0 || (pushFailure !== null && shared.length > 0)) return 'group-inherited-license-conflict';
  if (shared.length > 0) return 'dual-managed-license';
  if (rows.some((r) => r.error !== null || r.state === 'Error')) return 'other-license-error';
  return 'no-conflict';
}

function conflictsFor(verdict: Verdict, f: Pick<Findings, 'rows' | 'inherited' | 'missing' | 'shared'>): Conflict[] {
  const skus =
    verdict === 'group-inherited-license-conflict' ? (f.missing.length > 0 ? f.missing : f.shared)
    : verdict === 'dual-managed-license' ? f.shared
    : [];
  return skus.map((skuId) => {
    const row = f.rows.find((r) => r.skuId === skuId);
    return { skuId, skuPartNumber: row?.skuPartNumber ?? skuId, groups: f.inherited.get(skuId) ?? [] };
  });
}

/** Reads the live state once and decides the verdict (CONTRACT.md "Verdicts, in order of precedence"). */
export function gatherFindings(input: DiagnosisInput): Findings {
  const { user, groups, subscribedSkus } = input.entra;
  const rows = licenseRows(user, groups, subscribedSkus);
  const okta = oktaReport(input.okta);
  const managed = input.okta?.appUser ? (okta?.managedLicenses ?? []) : [];
  const oktaSet = oktaDesiredLicenses(managed, subscribedSkus, input.okta?.licenseSchema?.licenseValues);
  const held = new Set(oktaSet.licenses.map((l) => l.skuId));
  const inherited = inheritedSkus(rows);
  const missing = [...inherited.keys()].filter((sku) => !held.has(sku));
  const shared = [...inherited.keys()].filter((sku) => held.has(sku));
  const pushFailure = input.okta ? inheritedLicensePushFailure(input.okta.pushFailures, input.okta.appUser) : null;
  const unreadableGroups = [...new Set(rows.flatMap((r) => (r.group && !findGroup(r.group.id, groups) ? [r.group.id] : [])))];
  const verdict = decideVerdict(input, okta, rows, missing, shared, pushFailure);
  const conflicts = conflictsFor(verdict, { rows, inherited, missing, shared });
  return { input, name: personName(input), rows, okta, oktaSet, inherited, missing, shared, pushFailure, unreadableGroups, verdict, conflicts };
}
