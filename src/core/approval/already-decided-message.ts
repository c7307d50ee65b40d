// What a person hears when they act on a request that someone (or time) already decided.
import { approvalsOf, type Decision, type LicenseRequest } from '../model/request.ts';
import { actorLabel, joinNames } from './actor-label.ts';
import { approvalExpiredMessage } from './approval-window.ts';
import { utcTime } from './utc-time.ts';

/** "This request expired at 2026-05-08 12:00 UTC; ask for a new one." */
export function expiredMessage(request: LicenseRequest, now?: string): string {
  // An approval that ran out (or was given under READ_ONLY) is why an approved request expired.
  if (request.approval) return approvalExpiredMessage(request, now);
  return `This request expired at ${utcTime(request.expiresAt, now)}; ask for a new one.`;
}

function lastDecision(request: LicenseRequest, kind: Decision['kind']): Decision | undefined {
  return request.decisions.filter((d) => d.kind === kind).at(-1);
}

/** "Patti Fernandez (patti…) at 10:40 UTC and Megan Bowen (megan…) at 10:42 UTC". */
function approvedBy(request: LicenseRequest, now?: string): string {
  return joinNames(approvalsOf(request).map((d) => `${actorLabel(d.by)} at ${utcTime(d.at, now)}`));
}

/**
 * Why a decision on a request that is no longer pending changes nothing, naming who decided and what happened since,
 * e.g. "Already approved by Patti Fernandez (patti.fernandez@contoso.com) at 10:42 UTC — the change is running."
 * Null for a pending request (nothing is decided yet).
 */
export function alreadyDecidedMessage(request: LicenseRequest, now?: string): string | null {
  const approved = (then: string): string => `Already approved by ${approvedBy(request, now)} — ${then}.`;
  switch (request.status) {
    case 'pending':
      return null;
    case 'approved':
      return approved('the change is waiting to run');
    case 'executing':
      return approved('the change is running');
    case 'succeeded':
      return approved('the change succeeded');
    case 'failed':
      return approved('the change ran and failed');
    case 'needs-manual-steps':
      return approved('the change is waiting for manual steps');
    case 'rejected': {
      const d = lastDecision(request, 'reject');
      return d ? `Rejected by ${actorLabel(d.by)} at ${utcTime(d.at, now)}: ${d.reason ?? 'no reason given'}.` : 'This request was rejected.';
    }
    case 'cancelled': {
      const d = lastDecision(request, 'cancel');
      return d ? `Cancelled by ${actorLabel(d.by)} at ${utcTime(d.at, now)}.` : 'This request was cancelled.';
    }
    case 'expired':
      return expiredMessage(request, now);
  }
}
