// A pending request whose time ran out: by the expiry sweep, or because a decision arrived too late.
import type { AuditRecord } from '../model/journal.ts';
import { approvalsOf, type LicenseRequest } from '../model/request.ts';
import { expiredMessage } from './already-decided-message.ts';
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
