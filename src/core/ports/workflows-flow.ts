/** An Okta Workflows API-endpoint flow that pushes a user's non-license attributes (KB path 3). */
export interface WorkflowsFlow {
  /** Invokes the flow for one user; resolves with the flow's answer, throws LicenseDoctorError on failure. */
  invoke(input: { readonly userPrincipalName: string; readonly oktaUserId: string; readonly appId: string }): Promise<{ readonly status: number; readonly body: unknown }>;
}
