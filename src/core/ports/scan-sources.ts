import type { EntraUser } from '../model/entra.ts';
import type { OktaAppUser, OktaPushFailure } from '../model/okta.ts';

/** One page of a vendor collection and the opaque cursor of the next one (null: this was the last). */
export interface SourcePage<T> {
  readonly items: readonly T[];
  readonly next: string | null;
}

/** A page whose next cursor is known before its items are read (Okta's `Link` header comes before the body), so the
 *  next page can be requested while this one is still read. A page without items is the last, whatever `next` says. */
export interface HeadedPage<T> {
  readonly next: string | null;
  readonly items: Promise<readonly T[]>;
}

/** Every Entra user with license assignment states, page by page (Graph `$select`, `$top=999`). */
export interface EntraUserPages {
  /** The page at `cursor` (null: the first page). Throws LicenseDoctorError on vendor failures. */
  usersPage(cursor: string | null, pageSize: number): Promise<SourcePage<EntraUser>>;
}

/** A push failure of one Okta user (the System Log event's target user). */
export interface UserPushFailure {
  readonly oktaUserId: string;
  readonly failure: OktaPushFailure;
}

/** The Office 365 app's users page by page (`limit` up to 500), and the app's push failures. */
export interface OktaAppUserPages {
  /** The page at `cursor` (null: the first page), resolved once its headers are in. Throws (or its items reject
   *  with) LicenseDoctorError on vendor failures. */
  appUsersPage(appId: string, cursor: string | null, pageSize: number): Promise<HeadedPage<OktaAppUser>>;
  /** Every push failure of the app between `since` and `until` (ISO 8601), oldest first. */
  appPushFailures(appId: string, since: string, until: string): Promise<UserPushFailure[]>;
}
