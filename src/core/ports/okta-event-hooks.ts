/** An Okta event hook as License Doctor needs it. */
export interface EventHookInfo {
  readonly id: string;
  readonly name: string;
  readonly uri: string;
  readonly status: string;
  readonly verificationStatus: string;
}

/** Okta's event hook API (`/api/v1/eventHooks`). Throws LicenseDoctorError on vendor failures. */
export interface OktaEventHooks {
  list(): Promise<EventHookInfo[]>;
  /** Creates an HTTP hook for `eventTypes` that sends `authorization` as its Authorization header. */
  create(input: { readonly name: string; readonly uri: string; readonly authorization: string; readonly eventTypes: readonly string[] }): Promise<EventHookInfo>;
  /** Asks Okta to verify the hook (Okta calls its URI with a challenge). */
  verify(id: string): Promise<EventHookInfo>;
}
