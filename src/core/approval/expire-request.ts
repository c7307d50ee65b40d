// A pending request whose time ran out: by the expiry sweep, or because a decision arrived too late.
import type { AuditRecord } from '../model/journal.ts';
import { approvalsOf, type LicenseRequest } from '../model/request.ts';
import { expiredMessage } from './already-decided-message.ts';
import { approvalExpiredMessage } from './approval-window.ts';
import { auditRecord } from './audit-record.ts';
import { advance } from './transition-outcomes.ts';
import type { Effect } from './transition-result.ts';

/** The request moved to `expired` at `now`, its audit record and the requester's notice. */
export function expireRequest(request: LicenseRequest, now: string): { request: LicenseRequest; audit: readonly AuditRecord[]; effects: readonly Effect[] } {
  const approvals = approvalsOf(request).length;
  const audit = [auditRecord(now, 'request.expired', { system: null }, request.id, {
    expiresAt: request.expiresAt, approvals, approvalsRequired: request.approvalsRequired,
  })];
  const message = `${expiredMessage(request, now)} It had ${approvals} of ${request.approvalsRequired} approvals.`;
  return { request: advance(request, now, { status: 'expired' }), audit, effects: [{ kind: 'notify', audience: 'requester', message }] };
}

/** An approved request that did not start in time (or was approved under READ_ONLY) moved to `expired` at `now`. */
export function expireApproval(request: LicenseRequest, now: string): { request: LicenseRequest; audit: readonly AuditRecord[]; effects: readonly Effect[] } {
  const window = request.approval ?? null;
  const audit = [auditRecord(now, 'request.expired', { system: null }, request.id, {
    cause: window === null ? 'approval-without-window' : window.readOnly ? 'approved-under-read-only' : 'approval-ran-out',
    approvedAt: window?.at ?? null, runBy: window?.runBy ?? null, approvals: approvalsOf(request).length, approvalsRequired: request.approvalsRequired,
  })];
  const message = approvalExpiredMessage(request, now);
  return {
    request: advance(request, now, { status: 'expired' }), audit,
    effects: [{ kind: 'notify', audience: 'requester', message }, { kind: 'notify', audience: 'approvers', message }],
  };
}
