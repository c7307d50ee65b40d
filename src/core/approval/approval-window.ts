// An approval is a decision about the tenant as it was: it may start the plan only for a while after it was given
// (APPROVAL_TTL_HOURS), and never when it was given while READ_ONLY was on (lifting the flag needs fresh decisions).
import type { ApprovalWindow, LicenseRequest } from '../model/request.ts';
import { isPastExpiry } from './is-past-expiry.ts';
import type { Refusal } from './refusal-reason.ts';
import type { TransitionContext } from './transition-result.ts';
import { utcTime } from './utc-time.ts';

/** How long an approved request may wait to start when APPROVAL_TTL_HOURS is not set. */
const DEFAULT_APPROVAL_TTL_HOURS = 4;

const HOUR_MS = 3_600_000;

/** The window of an approval that completes the quorum at `ctx.now`. */
export function approvalWindow(ctx: TransitionContext): ApprovalWindow {
  const hours = ctx.approvalTtlHours ?? DEFAULT_APPROVAL_TTL_HOURS;
  return { at: ctx.now, runBy: new Date(Date.parse(ctx.now) + hours * HOUR_MS).toISOString(), readOnly: ctx.readOnly };
}

/**
 * Why an approved request may no longer start at `ctx.now` (it must expire instead), or null while it may. A request
 * approved before approvals had a window is treated as stale: nothing proves when, or under which flags, it was approved.
 */
export function staleApproval(request: LicenseRequest, ctx: TransitionContext): Refusal | null {
  const window = request.approval;
  if (!window) return { reason: 'expired', message: 'This approval was given before approvals expired and cannot start the change now; ask for a new request.' };
  // While READ_ONLY is still on nothing runs anyway; the approval stays until its time runs out.
  if (window.readOnly && !ctx.readOnly) return { reason: 'expired', message: approvalExpiredMessage(request, ctx.now) };
  const end = Date.parse(window.runBy);
  const at = Date.parse(ctx.now);
  return !Number.isNaN(end) && !Number.isNaN(at) && at >= end ? { reason: 'expired', message: approvalExpiredMessage(request, ctx.now) } : null;
}

/** Why an approved request expired, in words the requester can act on. */
export function approvalExpiredMessage(request: LicenseRequest, now?: string): string {
  const window = request.approval;
  if (!window) return 'This approval was given before approvals expired and cannot start the change now; ask for a new request.';
  if (window.readOnly) return `This request was approved at ${utcTime(window.at, now)} while READ_ONLY was on; such approvals never run, also after READ_ONLY is lifted. Ask for a new request.`;
  return `This approval ran out at ${utcTime(window.runBy, now)}: the change did not start within the approval's time, so it needs a fresh decision. Ask for a new request.`;
}

/** True when the maintenance pass should send `expire`: a pending request past expiresAt, or a stale approval. */
export function isExpiryDue(request: LicenseRequest, ctx: TransitionContext): boolean {
  switch (request.status) {
    case 'pending':
      return isPastExpiry(request, ctx.now);
    case 'approved':
      return staleApproval(request, ctx) !== null;
    case 'executing': case 'succeeded': case 'failed': case 'needs-manual-steps': case 'rejected': case 'expired': case 'cancelled':
      return false;
  }
}
