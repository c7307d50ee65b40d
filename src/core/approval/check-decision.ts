// The approval policy for a person's decision (approve, reject, cancel), without changing anything: shared by
// `transition` (which records and applies the decision) and `canDecide` (which only shows or hides buttons).
import { approvalsOf, type LicenseRequest } from '../model/request.ts';
import { actorLabel } from './actor-label.ts';
import { alreadyDecidedMessage, expiredMessage } from './already-decided-message.ts';
import { isPastExpiry } from './is-past-expiry.ts';
import type { Refusal } from './refusal-reason.ts';
import type { DecisionEvent } from './request-event.ts';
import { samePerson } from './same-person.ts';
import { utcTime } from './utc-time.ts';

const approvals = (n: number): string => `${n} more approval${n === 1 ? '' : 's'}`;

/** What the approval policy looks at: who asked, the decisions so far and the quorum (a request, or a batch of them). */
export type Decidable = Pick<LicenseRequest, 'requestedBy' | 'decisions' | 'approvalsRequired'>;

/** Who may do this, now that the request's state allows it (also the rule for a batch's decisions). */
export function checkPerson(request: Decidable, event: DecisionEvent, now: string): Refusal | null {
  const isRequester = samePerson(event.actor, request.requestedBy);
  switch (event.kind) {
    case 'approve': {
      // Checked before group membership: the requester is refused even when they are an approver themselves.
      if (isRequester) return { reason: 'self-approval', message: 'You asked for this change, so someone else must approve it.' };
      if (!event.isApprover) return { reason: 'not-approver', message: 'Only members of the approvers group can approve (you are not).' };
      const mine = approvalsOf(request).find((d) => samePerson(d.by, event.actor));
      if (mine) {
        const left = Math.max(request.approvalsRequired - approvalsOf(request).length, 0);
        return { reason: 'duplicate-approval', message: `You already approved this request at ${utcTime(mine.at, now)}; one approver counts once, so it needs ${approvals(left)} from someone else.` };
      }
      return null;
    }
    case 'reject':
      if (isRequester) return { reason: 'not-allowed', message: 'You asked for this change, so you cannot reject it; cancel it instead.' };
      if (!event.isApprover) return { reason: 'not-approver', message: 'Only members of the approvers group can reject (you are not).' };
      if (event.reason.trim() === '') return { reason: 'reason-required', message: 'A reason is required to reject: say why, so the requester knows what to change.' };
      return null;
    case 'cancel':
      if (isRequester || event.isApprover) return null;
      return { reason: 'not-allowed', message: `Only the requester (${actorLabel(request.requestedBy)}) or a member of the approvers group can cancel this request.` };
  }
}

/**
 * Why `event` may not be applied to `request` at `now`, or null when it may. A decision on a pending request past its
 * expiry is refused as `expired` (the caller expires the request); on a decided request it is `already-decided`,
 * naming who decided — whoever clicks, so a late click always gets the same clear answer.
 */
export function checkDecision(request: LicenseRequest, event: DecisionEvent, now: string): Refusal | null {
  const decided = (): Refusal => {
    const message = alreadyDecidedMessage(request, now) ?? 'This request is already decided.';
    const started = request.status !== 'rejected' && request.status !== 'cancelled';
    return { reason: 'already-decided', message: event.kind === 'cancel' && started ? `${message} It can no longer be cancelled.` : message };
  };
  switch (request.status) {
    case 'pending':
      return isPastExpiry(request, now) ? { reason: 'expired', message: expiredMessage(request, now) } : checkPerson(request, event, now);
    case 'approved':
      // Approved but not started: the requester or an approver may still stop it.
      return event.kind === 'cancel' ? checkPerson(request, event, now) : decided();
    case 'expired':
      return { reason: 'expired', message: expiredMessage(request, now) };
    case 'executing':
    case 'succeeded':
    case 'failed':
    case 'needs-manual-steps':
    case 'rejected':
    case 'cancelled':
      return decided();
  }
}
