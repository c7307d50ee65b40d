import type { OktaAppUser, OktaPushFailure } from '../model/okta.ts';

// Microsoft's text, and CIPP's rewording of it (reference/graph.md §0); matched loosely on purpose.
const INHERITED_LICENSE_TEXT = /inherited from a group membership|cannot be removed directly from the user/i;

/** True when a push failure's text is Microsoft's "license is inherited from a group membership" refusal. */
export function isInheritedLicenseMessage(text: string): boolean {
  return INHERITED_LICENSE_TEXT.test(text);
}

const time = (iso: string): number => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
};

/** The newest of the push failures (the port gives them newest first; this does not rely on it). */
export function newestPushFailure(failures: readonly OktaPushFailure[]): OktaPushFailure | null {
  let newest: OktaPushFailure | null = null;
  for (const f of failures) if (newest === null || time(f.published) > time(newest.published)) newest = f;
  return newest;
}

/** True when Okta reports a successful sync after the failure (a later push went through). */
export function isSuperseded(failure: OktaPushFailure, appUser: OktaAppUser | null): boolean {
  if (appUser?.syncState !== 'SYNCHRONIZED' || appUser.lastSync === null) return false;
  return time(appUser.lastSync) > time(failure.published);
}

/**
 * Okta's latest push failure for the user when it is the inherited-license refusal and no successful sync
 * came after it; null otherwise.
 */
export function inheritedLicensePushFailure(failures: readonly OktaPushFailure[], appUser: OktaAppUser | null): OktaPushFailure | null {
  const latest = newestPushFailure(failures);
  if (latest === null || !isInheritedLicenseMessage(latest.message) || isSuperseded(latest, appUser)) return null;
  return latest;
}
