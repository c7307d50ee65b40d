// What can happen to a request: a person's decision, the expiry sweep, or the executor reporting progress.
import type { Actor, RequestOutcome, StepProgress } from '../model/request.ts';

/**
 * An event applied to a request by `transition`. `isApprover` is the live answer of the approvers check (Graph
 * transitive membership, or the configured list) for this actor, made by the application layer at decision time.
 */
export type RequestEvent =
  | { readonly kind: 'approve'; readonly actor: Actor; readonly isApprover: boolean }
  | { readonly kind: 'reject'; readonly actor: Actor; readonly isApprover: boolean; readonly reason: string }
  | { readonly kind: 'cancel'; readonly actor: Actor; readonly isApprover: boolean }
  /**
   * The request's time ran out (sent by a sweep; decisions after expiresAt expire it too). With `manualStepsTtlMs`,
   * a request that has waited for manual steps that long (since its last change) expires as well.
   */
  | { readonly kind: 'expire'; readonly manualStepsTtlMs?: number }
  /** The executor holds the lease (`owner`) and starts running the plan, or restarts after a crashed owner. */
  | { readonly kind: 'start-execution'; readonly owner: string }
  | { readonly kind: 'step'; readonly progress: StepProgress }
  | { readonly kind: 'finish'; readonly outcome: RequestOutcome }
  /** A re-check found a needs-manual-steps request ready to continue with its remaining automatic steps. */
  | { readonly kind: 'resume'; readonly owner: string }
  /** The requester or an approver retries a failed plan from its failed step, under the same approval. */
  | { readonly kind: 'retry'; readonly actor: Actor; readonly isApprover: boolean };

export type RequestEventKind = RequestEvent['kind'];

/** Every event kind, for exhaustive tables. */
export const REQUEST_EVENT_KINDS: readonly RequestEventKind[] = [
  'approve', 'reject', 'cancel', 'expire', 'start-execution', 'step', 'finish', 'resume', 'retry',
];

/** The events a person sends (and that are checked against the approvers group). */
export type DecisionEvent = Extract<RequestEvent, { readonly kind: 'approve' | 'reject' | 'cancel' }>;

/** The events no person sends directly: the expiry sweep and the executor. */
export type SystemEvent = Exclude<RequestEvent, { readonly kind: 'approve' | 'reject' | 'cancel' | 'retry' }>;

/** A person's retry of a failed plan. */
export type RetryEvent = Extract<RequestEvent, { readonly kind: 'retry' }>;
