// What `transition` answers: a change with its effects and audit records, a refusal, or a harmless repeat.
import type { AuditRecord } from '../model/journal.ts';
import type { LicenseRequest } from '../model/request.ts';
import type { RefusalReason } from './refusal-reason.ts';

/** Something the application layer must do after storing a change. */
export type Effect =
  /** The quorum was reached and READ_ONLY is off: run the plan (claim the lease, then send start-execution). */
  | { readonly kind: 'execute' }
  | { readonly kind: 'notify'; readonly audience: 'requester' | 'approvers'; readonly message: string };

/** The moment of the event, whether writes are off (READ_ONLY), and how long an approval stays runnable. */
export interface TransitionContext {
  readonly now: string;
  readonly readOnly: boolean;
  /** How long an approval may wait to start the plan (APPROVAL_TTL_HOURS; default DEFAULT_APPROVAL_TTL_HOURS). */
  readonly approvalTtlHours?: number;
}

export type TransitionResult =
  /** Store `request` with compare-and-set on the previous version, then perform `effects` and append `audit`. */
  | { readonly kind: 'changed'; readonly request: LicenseRequest; readonly effects: readonly Effect[]; readonly audit: readonly AuditRecord[] }
  /**
   * Refused; append `audit`. When `request` is present, a change happened anyway (a decision on a pending request
   * past its expiry expires it) and must be stored like a `changed` one.
   */
  | { readonly kind: 'refused'; readonly reason: RefusalReason; readonly message: string; readonly audit: readonly AuditRecord[]; readonly request?: LicenseRequest }
  /** A harmless repeat (expire on an expired request, a re-check that finds manual steps still open): nothing to store. */
  | { readonly kind: 'unchanged'; readonly message: string };
