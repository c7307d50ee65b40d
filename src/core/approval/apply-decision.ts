// A person's approve, reject or cancel, checked against the policy and applied to the request.
import { approvalsOf, type Decision, type LicenseRequest } from '../model/request.ts';
import { actorLabel, actorName, joinNames } from './actor-label.ts';
import { approvalWindow } from './approval-window.ts';
import { auditRecord } from './audit-record.ts';
import { checkDecision } from './check-decision.ts';
import { expireRequest } from './expire-request.ts';
import type { DecisionEvent } from './request-event.ts';
import { samePerson } from './same-person.ts';
import { sentence } from './sentence.ts';
import { advance, changed, refused } from './transition-outcomes.ts';
import type { Effect, TransitionContext, TransitionResult } from './transition-result.ts';

const more = (n: number): string => `${n} more approval${n === 1 ? '' : 's'}`;

function approve(request: LicenseRequest, decision: Decision, ctx: TransitionContext): TransitionResult {
  const decisions = [...request.decisions, decision];
  const approvals = approvalsOf({ ...request, decisions });
  const count = approvals.length;
  const required = request.approvalsRequired;
  const subject = { actor: decision.by };
  const added = auditRecord(ctx.now, 'approval.added', subject, request.id, { approvals: count, approvalsRequired: required });
  if (count < required) {
    const message = `${actorLabel(decision.by)} approved (${count} of ${required}); waiting for ${more(required - count)}.`;
    return changed(advance(request, ctx.now, { decisions }), [{ kind: 'notify', audience: 'requester', message }], [added]);
  }
  const by = joinNames(approvals.map((d) => actorName(d.by)));
  const approval = approvalWindow(ctx);
  const approved = auditRecord(ctx.now, 'request.approved', subject, request.id, {
    approvedBy: approvals.map((d) => d.by.userPrincipalName), readOnly: ctx.readOnly, runBy: approval.runBy,
  });
  // The approval that completes the quorum is the only place `execute` is emitted: the request leaves `pending` here.
  const effects: Effect[] = ctx.readOnly
    ? [
        { kind: 'notify', audience: 'requester', message: `Approved by ${by}, but READ_ONLY is on: nothing runs while it is on, and this approval will not run after it is lifted either (ask again then).` },
        { kind: 'notify', audience: 'approvers', message: `Approved by ${by}, but READ_ONLY is on: the change was not started, and this approval never will start it.` },
      ]
    : [{ kind: 'execute' }, { kind: 'notify', audience: 'requester', message: `Approved by ${by}; the change is running now.` }];
  return changed(advance(request, ctx.now, { status: 'approved', decisions, approval }), effects, [added, approved]);
}

/** Applies a decision event; refuses it (with audit) when the policy says no, expiring an overdue pending request. */
export function applyDecision(request: LicenseRequest, event: DecisionEvent, ctx: TransitionContext): TransitionResult {
  const refusal = checkDecision(request, event, ctx.now);
  if (refusal) {
    const forced = refusal.reason === 'expired' && request.status === 'pending' ? expireRequest(request, ctx.now) : undefined;
    return refused(request, event, refusal, ctx.now, forced);
  }
  const subject = { actor: event.actor };
  switch (event.kind) {
    case 'approve':
      return approve(request, { kind: 'approve', by: event.actor, at: ctx.now, reason: null }, ctx);
    case 'reject': {
      const reason = event.reason.trim();
      const decisions = [...request.decisions, { kind: 'reject', by: event.actor, at: ctx.now, reason } as const];
      const audit = [auditRecord(ctx.now, 'request.rejected', subject, request.id, { reason })];
      const message = `Rejected by ${actorLabel(event.actor)}: ${sentence(reason)}`;
      return changed(advance(request, ctx.now, { status: 'rejected', decisions }), [{ kind: 'notify', audience: 'requester', message }], audit);
    }
    case 'cancel': {
      const decisions = [...request.decisions, { kind: 'cancel', by: event.actor, at: ctx.now, reason: null } as const];
      const audit = [auditRecord(ctx.now, 'request.cancelled', subject, request.id, { previousStatus: request.status })];
      const message = `Cancelled by ${actorLabel(event.actor)}.`;
      const effects: Effect[] = samePerson(event.actor, request.requestedBy)
        ? [{ kind: 'notify', audience: 'approvers', message }]
        : [{ kind: 'notify', audience: 'requester', message }, { kind: 'notify', audience: 'approvers', message }];
      return changed(advance(request, ctx.now, { status: 'cancelled', decisions }), effects, audit);
    }
  }
}
