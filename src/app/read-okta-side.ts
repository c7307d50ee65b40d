// Reads the Okta side of a diagnosis with as few sequential round trips as possible (see README "Performance").
import { LicenseDoctorError } from '../core/errors.ts';
import type { OktaSnapshot } from '../core/model/diagnosis.ts';
import type { OktaApp, OktaAppUser, OktaPushFailure, OktaUser } from '../core/model/okta.ts';
import type { OktaOrg } from '../core/ports/okta-org.ts';

export interface OktaSideOptions {
  /** OKTA_O365_APP_ID, when configured. */
  readonly appId: string | null;
  /** System Log window for push failures. */
  readonly since: string;
  readonly until: string;
}

/**
 * The user's push failures; when Okta says the last sync failed (syncState ERROR) and none was logged against the
 * user, one more query by the app target, kept to events that name the user (Okta's targets are UNCONFIRMED).
 */
async function withFallback(okta: OktaOrg, app: OktaApp, user: OktaUser, appUser: OktaAppUser | null, found: OktaPushFailure[], options: OktaSideOptions): Promise<OktaPushFailure[]> {
  if (found.length > 0 || appUser?.syncState !== 'ERROR') return found;
  const keys = [user.id, user.login, appUser.userName, appUser.externalId].filter((k): k is string => k !== null && k !== '');
  return okta.listAppPushFailures(app.id, keys, options.since, options.until);
}

/**
 * The Office 365 app instance, app user, license schema, provisioning and recent push failures for an Okta user.
 * App selection: the configured instance; else the only active one; else (several active) the one the user is
 * assigned to — several assignments without OKTA_O365_APP_ID is a configuration error naming them.
 */
export async function readOktaSide(okta: OktaOrg, user: OktaUser | null, apps: readonly OktaApp[], options: OktaSideOptions): Promise<OktaSnapshot> {
  const empty: OktaSnapshot = { app: null, user, appUser: null, licenseSchema: null, provisioning: null, pushFailures: [] };
  let candidates: OktaApp[];
  if (options.appId) {
    const configured = apps.find((a) => a.id === options.appId);
    if (!configured) {
      const known = apps.map((a) => `${a.label} (${a.id})`).join(', ') || 'none';
      throw new LicenseDoctorError('configuration', `OKTA_O365_APP_ID=${options.appId} is not an Office 365 app instance of this Okta org. Office 365 instances found: ${known}.`);
    }
    candidates = [configured];
  } else {
    candidates = apps.filter((a) => a.status === 'ACTIVE');
  }
  if (candidates.length === 0) return empty;
  if (!user) return { ...empty, app: candidates.length === 1 ? (candidates[0] ?? null) : null };

  const failures = okta.listPushFailures(user.id, options.since, options.until);
  // Awaited below on every path that uses it; this only keeps a failure from going unhandled when an earlier read
  // (e.g. the app users of several instances) fails first.
  failures.catch(() => undefined);
  if (candidates.length === 1) {
    const app = candidates[0] as OktaApp;
    const [appUser, licenseSchema, provisioning, pushFailures] = await Promise.all([
      okta.getAppUser(app.id, user.id), okta.getLicenseSchema(app.id), okta.getProvisioning(app.id), failures,
    ]);
    return { app, user, appUser, licenseSchema, provisioning, pushFailures: await withFallback(okta, app, user, appUser, pushFailures, options) };
  }

  const appUsers = await Promise.all(candidates.map((a) => okta.getAppUser(a.id, user.id)));
  const assigned = candidates.flatMap((app, i) => {
    const appUser = appUsers[i];
    return appUser ? [{ app, appUser }] : [];
  });
  if (assigned.length > 1) {
    await failures.catch(() => undefined);
    const names = assigned.map(({ app }) => `"${app.label}" (${app.id})`).join(' and ');
    throw new LicenseDoctorError(
      'configuration',
      `${user.login} is assigned to ${assigned.length} active Office 365 app instances in Okta: ${names}. ` +
        'Set OKTA_O365_APP_ID to the instance that provisions this Microsoft 365 tenant.',
      { appIds: assigned.map(({ app }) => app.id) },
    );
  }
  const chosen = assigned[0];
  if (!chosen) return { ...empty, pushFailures: await failures };
  const [licenseSchema, provisioning, pushFailures] = await Promise.all([
    okta.getLicenseSchema(chosen.app.id), okta.getProvisioning(chosen.app.id), failures,
  ]);
  const found = await withFallback(okta, chosen.app, user, chosen.appUser, pushFailures, options);
  return { app: chosen.app, user, appUser: chosen.appUser, licenseSchema, provisioning, pushFailures: found };
}
