// What a person may do with a request now, for a surface that shows or hides buttons: the same rules `transition`
// applies to their click (approve and reject, cancel, retry), asked without recording anything. The server checks
// again on every click: a card only hides buttons.
import type { Actor, LicenseRequest } from '../model/request.ts';
import { applyRetry } from './apply-retry.ts';
import { canDecide } from './can-decide.ts';
import { checkDecision } from './check-decision.ts';
import { samePerson } from './same-person.ts';

export interface DecisionOptions {
  /** Approve / Reject make sense for this person now. */
  readonly decide: boolean;
  /** Cancel makes sense for this person now (the requester or an approver, while the request can still be stopped). */
  readonly cancel: boolean;
  /** Retry makes sense for this person now (the plan failed; they asked for it or approve requests). */
  readonly retry: boolean;
  readonly isRequester: boolean;
  /** Why Approve / Reject are not offered to this person while the request waits (e.g. they asked for it), else null. */
  readonly whyNot: string | null;
}

/** Nothing: for someone who is not a user of the tenant. */
export const NO_DECISIONS: DecisionOptions = { decide: false, cancel: false, retry: false, isRequester: false, whyNot: null };

/** What `actor` (an approver or not) may do with `request` at `now`. */
export function decisionOptions(request: LicenseRequest, actor: Actor, isApprover: boolean, now: string): DecisionOptions {
  const decision = canDecide(request, actor, isApprover, now);
  const cancel = checkDecision(request, { kind: 'cancel', actor, isApprover }, now) === null;
  const retry = applyRetry(request, { kind: 'retry', actor, isApprover }, { now, readOnly: false }).kind === 'changed';
  const whyNot = !decision.allowed && request.status === 'pending' ? (decision.message ?? null) : null;
  return { decide: decision.allowed, cancel, retry, isRequester: samePerson(actor, request.requestedBy), whyNot };
}
