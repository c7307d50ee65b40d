// How the two sides of a scan meet: Okta's app user carries the Entra object id (`externalId`, once Okta has
// pushed the user) and the Office 365 user name (the user principal name). Both compared ignoring case.
import type { EntraUser } from '../model/entra.ts';
import type { OktaAppUser } from '../model/okta.ts';

export interface JoinKeys {
  /** Entra object id, lower-case (null: an app user Okta never pushed). */
  readonly id: string | null;
  /** User principal name, lower-case. */
  readonly upn: string | null;
}

/** The join keys of an Entra user. */
export function entraJoinKeys(user: EntraUser): JoinKeys {
  return { id: user.id.toLowerCase(), upn: user.userPrincipalName.toLowerCase() };
}

/** The join keys of an Office 365 app user. */
export function appUserJoinKeys(appUser: OktaAppUser): JoinKeys {
  return { id: appUser.externalId?.toLowerCase() ?? null, upn: appUser.userName?.toLowerCase() ?? null };
}
