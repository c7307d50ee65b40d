import type {
  OktaApp,
  OktaAppUser,
  OktaGroupAssignment,
  OktaLicenseSchema,
  OktaProvisioning,
  OktaPushFailure,
  OktaUser,
} from '../model/okta.ts';

/** Result of an Okta write, with Okta's request id. */
export interface OktaWriteResult {
  readonly requestId: string | null;
}

/**
 * An Okta org as License Doctor needs it. Implemented by the Okta adapter; every method throws
 * LicenseDoctorError (okta-unavailable, okta-request-failed, throttled) on vendor failures.
 */
export interface OktaOrg {
  /** The Okta user by login (or id, or unambiguous short name); null when there is none. */
  findUser(login: string): Promise<OktaUser | null>;
  /** Every Office 365 app instance (`name eq "office365"`), active or not (cached for a few minutes). */
  listOffice365Apps(): Promise<OktaApp[]>;
  /** The user's assignment to the app; null when the user is not assigned. */
  getAppUser(appId: string, userId: string): Promise<OktaAppUser | null>;
  /** The licenses and roles attributes of the app's user schema (cached). */
  getLicenseSchema(appId: string): Promise<OktaLicenseSchema>;
  /** Default provisioning connection and USER_PROVISIONING feature of the app. */
  getProvisioning(appId: string): Promise<OktaProvisioning>;
  /** The user's push failures between `since` and `until` (ISO 8601), newest first. */
  listPushFailures(userId: string, since: string, until: string): Promise<OktaPushFailure[]>;
  /**
   * Push failures logged against the app (one page, newest first) whose targets name the user by one of `userKeys`
   * (Okta id, login, Office 365 user name): the fallback when Okta did not target the user itself.
   */
  listAppPushFailures(appId: string, userKeys: readonly string[], since: string, until: string): Promise<OktaPushFailure[]>;
  /** The app's Okta group assignments (for GROUP-scoped app users). */
  listGroupAssignments(appId: string): Promise<OktaGroupAssignment[]>;
  /** The ids of the Okta groups the user belongs to. */
  listUserGroupIds(userId: string): Promise<string[]>;
  /**
   * Users assigned to the app (blast radius of an app-scoped change), from one page: `more` when the app has more
   * than `count` (a click never pages through every app user).
   */
  countAppUsers(appId: string): Promise<{ readonly count: number; readonly more: boolean }>;
  /** Posts the app user's profile (`POST /api/v1/apps/{appId}/users/{userId}`), which makes Okta push it. */
  updateAppUserProfile(appId: string, userId: string, profile: Readonly<Record<string, unknown>>): Promise<OktaWriteResult>;
  /** Updates an Okta group assignment's profile (`PUT /api/v1/apps/{appId}/groups/{groupId}`). */
  updateGroupAssignmentProfile(appId: string, groupId: string, profile: Readonly<Record<string, unknown>>): Promise<OktaWriteResult>;
  /** Deactivates the app's default provisioning connection. */
  deactivateProvisioning(appId: string): Promise<OktaWriteResult>;
  /** Activates the app's default provisioning connection. */
  activateProvisioning(appId: string): Promise<OktaWriteResult>;
}
