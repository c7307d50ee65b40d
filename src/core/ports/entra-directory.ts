import type { AssignedLicense, EntraGroup, EntraUser, SubscribedSku } from '../model/entra.ts';

/** Result of a Graph write, with the request id Microsoft gives for support cases. */
export interface GraphWriteResult {
  readonly requestId: string | null;
}

/**
 * Microsoft Entra ID as License Doctor needs it. Implemented by the Graph adapter; every method throws
 * LicenseDoctorError (graph-unavailable, graph-request-failed, throttled) on vendor failures.
 */
export interface EntraDirectory {
  /** The user by object id or user principal name, with license states; null when there is no such user. */
  getUser(idOrUpn: string): Promise<EntraUser | null>;
  /** The user whose `mail` (or a proxy address) is this address; null when none or ambiguous. */
  findUserByMail(mail: string): Promise<EntraUser | null>;
  /** The groups with these ids, fetched together (not one by one); ids that do not exist are left out. */
  getGroups(ids: readonly string[]): Promise<EntraGroup[]>;
  /**
   * The groups behind a user's licenses and the tenant's subscribed SKUs, in one JSON `$batch` round trip
   * (the SKUs come from the adapter's cache while it is fresh, and are then not requested).
   */
  getLicensingContext(groupIds: readonly string[]): Promise<{ groups: EntraGroup[]; subscribedSkus: SubscribedSku[] }>;
  /** The tenant's subscribed SKUs (cached by the adapter for a few minutes). */
  listSubscribedSkus(): Promise<SubscribedSku[]>;
  /** Which of `groupIds` the user is a member of, directly or transitively. */
  checkMemberGroups(userId: string, groupIds: readonly string[]): Promise<string[]>;
  /** The users in the group, directly or through nested groups (who to tell when a request needs approvers). */
  listGroupUsers(groupId: string): Promise<EntraUser[]>;
  /** Number of members of the group (blast radius of a group-scoped change). */
  countGroupMembers(groupId: string): Promise<number>;
  /** Graph `assignLicense` on a user. Both lists are always sent, empty when unused. */
  assignUserLicenses(userId: string, add: readonly AssignedLicense[], remove: readonly string[]): Promise<GraphWriteResult>;
  /** Removes a member from a group with `DELETE /groups/{id}/members/{userId}/$ref` (never without `/$ref`). */
  removeGroupMember(groupId: string, userId: string): Promise<GraphWriteResult>;
  /** Graph `assignLicense` on a group (affects every member). */
  assignGroupLicenses(groupId: string, add: readonly AssignedLicense[], remove: readonly string[]): Promise<GraphWriteResult>;
}
