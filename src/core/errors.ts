// The one error type License Doctor throws. The core never throws for expected outcomes (it returns typed
// results); adapters translate vendor errors into this where they enter, keeping the vendor's text.

/** What went wrong, for branching without matching on messages. */
export type ErrorCode =
  /** The input or command line cannot be used (exit code 2). */
  | 'usage'
  /** Configuration is missing or inconsistent (exit code 2). */
  | 'configuration'
  /** Graph could not be reached or refused our credentials (exit code 3). */
  | 'graph-unavailable'
  /** Okta could not be reached or refused our credentials (exit code 3). */
  | 'okta-unavailable'
  /** Graph answered a request with an error that is not about reachability (e.g. 400 on a write). */
  | 'graph-request-failed'
  /** Okta answered a request with an error that is not about reachability. */
  | 'okta-request-failed'
  /** Another service (a chat platform's API, e.g. the Bot Connector) could not be reached or failed; try again later. */
  | 'unavailable'
  /** Throttled beyond the retry budget. */
  | 'throttled'
  /** A policy refused the action: self-approval, not an approver, expired, decided, read-only... (exit code 4). */
  | 'policy'
  /** A request, user or object does not exist. */
  | 'not-found'
  /** The store (database) failed. */
  | 'store'
  /** The store could not be reached or lost its connection mid-operation; retry once it is back (`/readyz` says when). */
  | 'unavailable'
  /** A compare-and-set lost the race: someone else changed the object first. */
  | 'conflict';

/** Vendor details kept for diagnosis; never contains secrets. */
export interface ErrorDetails {
  readonly vendor?: 'graph' | 'okta' | 'slack' | 'teams' | 'workflows';
  readonly operation?: string;
  readonly status?: number;
  readonly vendorCode?: string;
  readonly vendorMessage?: string;
  readonly requestId?: string;
  readonly retryAfterSeconds?: number;
  readonly [key: string]: unknown;
}

export class LicenseDoctorError extends Error {
  override readonly name = 'LicenseDoctorError';
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.details = details;
  }
}

/** True when `err` is a LicenseDoctorError, optionally with one of `codes`. */
export function isLicenseDoctorError(err: unknown, ...codes: ErrorCode[]): err is LicenseDoctorError {
  return err instanceof LicenseDoctorError && (codes.length === 0 || codes.includes(err.code));
}
