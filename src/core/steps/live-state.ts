// What the step kinds read in the live state to tell whether their effect is there, and the small pieces their
// vendor calls share. Only what the live state shows counts.
import type { DiagnosisInput } from '../model/diagnosis.ts';
import type { LicenseAssignmentState } from '../model/entra.ts';
import { oktaLicenseValues } from '../licensing/okta-license-values.ts';

/** License states that grant the license. */
export const GRANTING: ReadonlySet<string> = new Set(['Active', 'ActiveWithError']);

/** Case-insensitive equality of two ids (null never equals). */
export const same = (a: string | null, b: string): boolean => a !== null && a.toLowerCase() === b.toLowerCase();

const norm = (v: string): string => v.trim().toLowerCase();

/** The user's license paths (none without a live Entra user). */
export const licensePaths = (live: DiagnosisInput): readonly LicenseAssignmentState[] => live.entra.user?.licenseAssignmentStates ?? [];

/** True when `iso` is a valid time strictly after `since`. */
function isAfter(iso: string | null, since: string): boolean {
  const t = iso === null ? Number.NaN : Date.parse(iso);
  const s = Date.parse(since);
  return !Number.isNaN(t) && !Number.isNaN(s) && t > s;
}

/** Okta's values of `attribute` for the live app user include every one of `wanted` (case-insensitive). */
export function oktaHolds(live: DiagnosisInput, attribute: string, wanted: readonly string[]): boolean {
  const appUser = live.okta?.appUser ?? null;
  if (appUser === null) return false;
  const held = new Set(oktaLicenseValues(appUser, { licensesAttribute: attribute, rolesAttribute: null }).map(norm));
  return wanted.every((v) => held.has(norm(v)));
}

/** Okta pushed successfully after `since`: SYNCHRONIZED, a later lastSync, and no push failure after that sync. */
export function pushedSince(live: DiagnosisInput, since: string): boolean {
  const appUser = live.okta?.appUser ?? null;
  if (appUser === null || appUser.syncState !== 'SYNCHRONIZED' || !isAfter(appUser.lastSync, since)) return false;
  return !(live.okta?.pushFailures ?? []).some((f) => isAfter(f.published, appUser.lastSync ?? since));
}

export const provisioningOff = (live: DiagnosisInput): boolean => live.okta?.provisioning?.connection === 'DISABLED';
export const provisioningOn = (live: DiagnosisInput): boolean => live.okta?.provisioning?.connection === 'ENABLED';

/** The request ids the vendors returned, for the journal. */
export const requestIds = (...r: Array<{ requestId: string | null }>): string[] => r.flatMap((x) => (x.requestId ? [x.requestId] : []));
