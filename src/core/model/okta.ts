// What License Doctor reads from Okta, normalised by the Okta adapter. Plain data only.

/** An Okta user (`GET /api/v1/users/{login}`). */
export interface OktaUser {
  readonly id: string;
  readonly login: string;
  readonly email: string | null;
  readonly status: string;
  readonly displayName: string | null;
}

/** An instance of the Office 365 app (`name eq "office365"`). */
export interface OktaApp {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  /** `ACTIVE` or `INACTIVE`. */
  readonly status: string;
  /** The application's read-only `features` (e.g. `PUSH_PROFILE_UPDATES`). */
  readonly features: readonly string[];
}

/** The user's assignment to the Office 365 app (`GET /api/v1/apps/{appId}/users/{userId}`). */
export interface OktaAppUser {
  readonly id: string;
  readonly externalId: string | null;
  readonly userName: string | null;
  readonly status: string;
  readonly syncState: string | null;
  /** `USER` (direct assignment) or `GROUP` (through an Okta group assignment). */
  readonly scope: 'USER' | 'GROUP' | null;
  readonly lastSync: string | null;
  readonly lastUpdated: string | null;
  /** The app user's whole profile, as Okta returns it (it is posted back unchanged to re-push). */
  readonly profile: Readonly<Record<string, unknown>>;
}

/** The attributes of the app user schema that carry licenses and roles, discovered from the schema. */
export interface OktaLicenseSchema {
  /** Variable name of the licenses attribute (e.g. `licenses`), or null when the schema has none. */
  readonly licensesAttribute: string | null;
  /** Variable name of the roles attribute, or null when the schema has none. */
  readonly rolesAttribute: string | null;
  /**
   * The values the licenses attribute accepts (its `items.enum` / `items.oneOf`, plus those of a service-plan
   * attribute); null or absent when the schema lists none (any value is then taken as offered).
   */
  readonly licenseValues?: readonly OktaLicenseValue[] | null;
}

/** One value the app's licenses attribute accepts, with the title Okta's Admin Console shows for it. */
export interface OktaLicenseValue {
  readonly value: string;
  readonly title: string | null;
}

/** Status of the default provisioning connection and of the USER_PROVISIONING feature. */
export interface OktaProvisioning {
  /** `ENABLED`, `DISABLED` or `UNKNOWN` as Okta reports the default connection. */
  readonly connection: 'ENABLED' | 'DISABLED' | 'UNKNOWN';
  /** USER_PROVISIONING feature status, or `NOT_ENABLED` when Okta answers that provisioning is not enabled, or null when not read. */
  readonly userProvisioning: 'ENABLED' | 'DISABLED' | 'NOT_ENABLED' | null;
}

/** A provisioning push failure from the System Log. */
export interface OktaPushFailure {
  readonly uuid: string;
  readonly published: string;
  readonly eventType: string;
  /** The most specific text Okta gives: outcome.reason, debug data or displayMessage. */
  readonly message: string;
}

/** An Okta group assignment of the Office 365 app (`GET /api/v1/apps/{appId}/groups`). */
export interface OktaGroupAssignment {
  readonly groupId: string;
  readonly groupName: string | null;
  readonly priority: number | null;
  readonly profile: Readonly<Record<string, unknown>>;
}
