// Whether a surface shows Approve / Reject to a person: the same policy as `transition`, without recording anything.
import type { Actor, LicenseRequest } from '../model/request.ts';
import { checkDecision } from './check-decision.ts';

/**
 * Whether `actor` may approve `request` at `now` (and so be shown Approve / Reject); when not, the message says why
 * ("You asked for this change, so someone else must approve it.", "Already approved by ..."). The server checks
 * again on every click: a card only hides buttons.
 */
export function canDecide(request: LicenseRequest, actor: Actor, isApprover: boolean, now: string): { allowed: boolean; message?: string } {
  const refusal = checkDecision(request, { kind: 'approve', actor, isApprover }, now);
  return refusal ? { allowed: false, message: refusal.message } : { allowed: true };
}
