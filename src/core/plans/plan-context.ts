// What a plan needs besides the diagnosis. The application layer reads it for the chosen path and options
// (member counts, the app's assigned users, the Okta group assignment), so the plan builder stays pure.

/** Facts read live for one plan, beyond the diagnosis. */
export interface PlanContext {
  /** Members per Entra group id (the blast radius of removing a license from the group itself). */
  readonly groupMemberCounts: Readonly<Record<string, number>>;
  /** Users assigned to the Office 365 app (the blast radius of paths 2 and 3); null when not counted. */
  readonly appAssignedUsers: number | null;
  /** The app has more users than `appAssignedUsers` (counted from one page only). */
  readonly appAssignedUsersMore?: boolean;
  /** An Okta Workflows API-endpoint flow is configured (OKTA_WORKFLOWS_INVOKE_URL and its client token). */
  readonly workflowsConfigured: boolean;
  /** For a GROUP-scoped app user, the Okta group assignment that gives the user licenses; null otherwise or when not found. */
  readonly oktaGroupAssignment: { readonly groupId: string; readonly groupName: string; readonly values: readonly string[] } | null;
}
