// A person's approve, reject or cancel of a batch: the same policy as a request's (core/approval's checkPerson: the
// requester never approves, only approvers decide, one approver counts once), with a quorum of two.
import { actorLabel, actorName, joinNames } from '../approval/actor-label.ts';
import { approvalWindow } from '../approval/approval-window.ts';
import { auditRecord } from '../approval/audit-record.ts';
import { checkPerson } from '../approval/check-decision.ts';
import type { Refusal } from '../approval/refusal-reason.ts';
import { REFUSED_ACTION } from '../approval/transition-outcomes.ts';
import type { DecisionEvent } from '../approval/request-event.ts';
import type { TransitionContext } from '../approval/transition-result.ts';
import { utcTime } from '../approval/utc-time.ts';
import type { BatchRequest } from '../model/batch.ts';
import type { AuditRecord } from '../model/journal.ts';
import { approvalsOf, type Decision } from '../model/request.ts';

export type BatchDecisionResult =
  /** Store `batch` (compare-and-set) with `audit`; `run`: the quorum is complete and READ_ONLY is off. */
  | { readonly kind: 'changed'; readonly batch: BatchRequest; readonly audit: readonly AuditRecord[]; readonly run: boolean; readonly message: string }
  /** Refused; append `audit`; with `batch`, store it too (an overdue pending batch expires). */
  | { readonly kind: 'refused'; readonly refusal: Refusal; readonly audit: readonly AuditRecord[]; readonly batch?: BatchRequest };

const advance = (b: BatchRequest, now: string, changes: Partial<BatchRequest>): BatchRequest => ({ ...b, ...changes, version: b.version + 1, updatedAt: now });

function pastExpiry(batch: BatchRequest, now: string): boolean {
  const end = Date.parse(batch.expiresAt);
  const at = Date.parse(now);
  return !Number.isNaN(end) && !Number.isNaN(at) && at >= end;
}

function decidedMessage(batch: BatchRequest, now: string): string {
  const last = [...batch.decisions].reverse().find((d) => d.kind !== 'approve') ?? batch.decisions.at(-1);
  switch (batch.status) {
    case 'rejected': return `This batch was already rejected by ${last ? actorLabel(last.by) : 'an approver'}${last ? ` at ${utcTime(last.at, now)}` : ''}.`;
    case 'cancelled': return `This batch was already cancelled${last ? ` by ${actorLabel(last.by)}` : ''}.`;
    case 'expired': return `This batch expired${batch.outcome ? `: ${batch.outcome}` : ''}; ask for a new one.`;
    default: return `This batch was already approved by ${joinNames(approvalsOf(batch).map((d) => actorName(d.by)))}; it is ${batch.status}.`;
  }
}

function statusRefusal(batch: BatchRequest, event: DecisionEvent, now: string): Refusal | null {
  if (batch.status !== 'pending') return { reason: batch.status === 'expired' ? 'expired' : 'already-decided', message: decidedMessage(batch, now) };
  if (pastExpiry(batch, now)) return { reason: 'expired', message: `This batch expired at ${utcTime(batch.expiresAt, now)} without enough approvals; ask for a new one.` };
  return checkPerson(batch, event, now);
}

/** Applies a decision to a batch, or refuses it (audited); a decision on an overdue pending batch expires it. */
export function applyBatchDecision(batch: BatchRequest, event: DecisionEvent, ctx: TransitionContext): BatchDecisionResult {
  const subject = { actor: event.actor };
  const refusal = statusRefusal(batch, event, ctx.now);
  if (refusal) {
    const audit = [auditRecord(ctx.now, REFUSED_ACTION[event.kind], subject, batch.id, { reason: refusal.reason, message: refusal.message, batch: true })];
    const expired = refusal.reason === 'expired' && batch.status === 'pending'
      ? advance(batch, ctx.now, { status: 'expired', outcome: 'It expired before two approvers approved it.' })
      : undefined;
    return { kind: 'refused', refusal, audit, ...(expired ? { batch: expired } : {}) };
  }
  const decision: Decision = { kind: event.kind, by: event.actor, at: ctx.now, reason: event.kind === 'reject' ? event.reason.trim() : null };
  const decisions = [...batch.decisions, decision];
  switch (event.kind) {
    case 'approve': {
      const approvals = approvalsOf({ decisions });
      const added = auditRecord(ctx.now, 'approval.added', subject, batch.id, { approvals: approvals.length, approvalsRequired: batch.approvalsRequired, batch: true });
      if (approvals.length < batch.approvalsRequired) {
        const left = batch.approvalsRequired - approvals.length;
        return { kind: 'changed', batch: advance(batch, ctx.now, { decisions }), audit: [added], run: false, message: `${actorLabel(event.actor)} approved (${approvals.length} of ${batch.approvalsRequired}); waiting for ${left} more approval${left === 1 ? '' : 's'}.` };
      }
      const approval = approvalWindow(ctx);
      const by = joinNames(approvals.map((d) => actorName(d.by)));
      const approved = auditRecord(ctx.now, 'batch.approved', subject, batch.id, { approvedBy: approvals.map((d) => d.by.userPrincipalName), readOnly: ctx.readOnly, runBy: approval.runBy });
      const message = ctx.readOnly
        ? `Approved by ${by}, but READ_ONLY is on: nothing runs, and this approval will not run after it is lifted either (ask again then).`
        : `Approved by ${by}; the batch runs now.`;
      return { kind: 'changed', batch: advance(batch, ctx.now, { status: 'approved', decisions, approval }), audit: [added, approved], run: !ctx.readOnly, message };
    }
    case 'reject': {
      const audit = [auditRecord(ctx.now, 'batch.rejected', subject, batch.id, { reason: decision.reason })];
      return { kind: 'changed', batch: advance(batch, ctx.now, { status: 'rejected', decisions }), audit, run: false, message: `Rejected by ${actorLabel(event.actor)}.` };
    }
    case 'cancel': {
      const audit = [auditRecord(ctx.now, 'batch.cancelled', subject, batch.id, {})];
      return { kind: 'changed', batch: advance(batch, ctx.now, { status: 'cancelled', decisions }), audit, run: false, message: `Cancelled by ${actorLabel(event.actor)}.` };
    }
  }
}

/** Batches the system may still cancel: waiting for approval, approved, or running. */
export const OPEN_BATCH_STATUSES: ReadonlySet<BatchRequest['status']> = new Set(['pending', 'approved', 'running']);

/**
 * The system cancels an open batch for `reason` (the demo's reset): no user starts after it, users already running
 * finish their change (the runner checks the batch before it claims each user). Null when the batch is not open.
 */
export function cancelBySystem(batch: BatchRequest, reason: string, now: string, instanceId: string | null): { readonly batch: BatchRequest; readonly audit: readonly AuditRecord[] } | null {
  if (!OPEN_BATCH_STATUSES.has(batch.status)) return null;
  const outcome = batch.status === 'pending' ? `Cancelled: ${reason}.` : `Cancelled: ${reason}. Users already running finished their change; the others were not started.`;
  return {
    batch: advance(batch, now, { status: 'cancelled', outcome }),
    audit: [auditRecord(now, 'batch.cancelled', { system: instanceId }, batch.id, { reason, status: batch.status })],
  };
}

/** Whether a batch's approval may start users now: approved (or running) within its window, and not under READ_ONLY. */
export function batchRunRefusal(batch: BatchRequest, ctx: TransitionContext): string | null {
  if (batch.status !== 'approved' && batch.status !== 'running' && batch.status !== 'finished') return `Batch ${batch.id} is ${batch.status}: only an approved batch runs.`;
  if (ctx.readOnly) return 'READ_ONLY is on: License Doctor changes nothing while it is on.';
  if (!batch.approval || batch.approval.readOnly) return `Batch ${batch.id} was approved while READ_ONLY was on; such approvals never run. Ask for a new batch.`;
  return null;
}

export { advance as advanceBatch };
