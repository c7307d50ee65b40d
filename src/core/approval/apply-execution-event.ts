// The system's events: the expiry sweep and the executor's start, progress, finish and resume. Each handler is a
// switch over every status, so a new status does not compile until each event says what it does there.
import type { LicenseRequest, RequestOutcome } from '../model/request.ts';
import { auditRecord } from './audit-record.ts';
import { staleApproval } from './approval-window.ts';
import { expireApproval, expireRequest } from './expire-request.ts';
import { isPastExpiry } from './is-past-expiry.ts';
import { notNowMessage } from './not-now-message.ts';
import type { RefusalReason } from './refusal-reason.ts';
import type { SystemEvent } from './request-event.ts';
import { advance, changed, refused } from './transition-outcomes.ts';
import type { TransitionContext, TransitionResult } from './transition-result.ts';
import { utcTime } from './utc-time.ts';

const READ_ONLY_MESSAGE = 'READ_ONLY is on: License Doctor changes nothing while it is on (plans can still be previewed).';

const OUTCOME_NOTICE: Readonly<Record<RequestOutcome['status'], string>> = {
  succeeded: 'The change succeeded',
  failed: 'The change failed',
  'needs-manual-steps': 'The change is waiting for manual steps',
};

function refuse(request: LicenseRequest, event: SystemEvent, ctx: TransitionContext, reason: RefusalReason, message?: string): TransitionResult {
  const text = message ?? (reason === 'read-only' ? READ_ONLY_MESSAGE : notNowMessage(event.kind, request.status));
  return refused(request, event, { reason, message: text }, ctx.now);
}

function expire(request: LicenseRequest, event: Extract<SystemEvent, { kind: 'expire' }>, ctx: TransitionContext): TransitionResult {
  switch (request.status) {
    case 'pending': {
      if (!isPastExpiry(request, ctx.now)) return refuse(request, event, ctx, 'invalid-transition', `This request does not expire until ${utcTime(request.expiresAt, ctx.now)}.`);
      const e = expireRequest(request, ctx.now);
      return changed(e.request, e.effects, e.audit);
    }
    case 'expired':
      // Two sweeps racing: the loser's repeat is harmless.
      return { kind: 'unchanged', message: `Already expired at ${utcTime(request.expiresAt, ctx.now)}.` };
    case 'approved': {
      if (!staleApproval(request, ctx)) {
        const until = request.approval ? utcTime(request.approval.runBy, ctx.now) : 'its time runs out';
        return refuse(request, event, ctx, 'invalid-transition', `This approval stays valid until ${until}.`);
      }
      const e = expireApproval(request, ctx.now);
      return changed(e.request, e.effects, e.audit);
    }
    case 'needs-manual-steps':
      return expireWaiting(request, event, ctx);
    case 'executing': case 'succeeded': case 'failed': case 'rejected': case 'cancelled':
      return refuse(request, event, ctx, 'invalid-transition');
  }
}

/** A request that waited for manual steps longer than the sweep's `manualStepsTtlMs` since its last change. */
function expireWaiting(request: LicenseRequest, event: Extract<SystemEvent, { kind: 'expire' }>, ctx: TransitionContext): TransitionResult {
  const ttl = event.manualStepsTtlMs;
  if (ttl === undefined) return refuse(request, event, ctx, 'invalid-transition');
  const due = new Date(Date.parse(request.updatedAt) + ttl).toISOString();
  if (ctx.now < due) return refuse(request, event, ctx, 'invalid-transition', `This request waits for manual steps until ${utcTime(due, ctx.now)}.`);
  const audit = [auditRecord(ctx.now, 'request.expired', { system: null }, request.id, { waitingSince: request.updatedAt, manualStepsTtlMs: ttl, previousStatus: request.status })];
  const message = `This request waited for manual steps since ${utcTime(request.updatedAt, ctx.now)} and expired; what was done stays done. Diagnose the user again and ask for a new plan if it is still needed.`;
  return changed(advance(request, ctx.now, { status: 'expired' }), [{ kind: 'notify', audience: 'requester', message }], audit);
}

function startExecution(request: LicenseRequest, event: Extract<SystemEvent, { kind: 'start-execution' }>, ctx: TransitionContext): TransitionResult {
  switch (request.status) {
    case 'approved':
    case 'executing': {
      // From executing it is a recovery: the application layer took over the expired lease of a crashed instance.
      if (ctx.readOnly) return refuse(request, event, ctx, 'read-only');
      // Only a first start checks the approval's time: a recovery continues a change that already started in time.
      const stale = request.status === 'approved' ? staleApproval(request, ctx) : null;
      if (stale) return refused(request, event, stale, ctx.now, expireApproval(request, ctx.now));
      const action = request.status === 'approved' ? 'execution.started' : 'execution.recovered';
      const audit = [auditRecord(ctx.now, action, { system: event.owner }, request.id, { owner: event.owner })];
      return changed(advance(request, ctx.now, { status: 'executing' }), [], audit);
    }
    case 'pending': case 'succeeded': case 'failed': case 'needs-manual-steps': case 'rejected': case 'expired': case 'cancelled':
      return refuse(request, event, ctx, 'invalid-transition');
  }
}

function step(request: LicenseRequest, event: Extract<SystemEvent, { kind: 'step' }>, ctx: TransitionContext): TransitionResult {
  switch (request.status) {
    case 'executing': {
      const { progress } = event;
      if (!request.plan.steps.some((s) => s.id === progress.stepId)) return refuse(request, event, ctx, 'invalid-transition', `The plan has no step ${progress.stepId}.`);
      const known = request.steps.some((s) => s.stepId === progress.stepId);
      const steps = known ? request.steps.map((s) => (s.stepId === progress.stepId ? progress : s)) : [...request.steps, progress];
      const audit = [auditRecord(ctx.now, `step.${progress.status}`, { system: null }, request.id, { stepId: progress.stepId, detail: progress.detail })];
      return changed(advance(request, ctx.now, { steps }), [], audit);
    }
    case 'pending': case 'approved': case 'succeeded': case 'failed': case 'needs-manual-steps': case 'rejected': case 'expired': case 'cancelled':
      return refuse(request, event, ctx, 'invalid-transition');
  }
}

function finish(request: LicenseRequest, event: Extract<SystemEvent, { kind: 'finish' }>, ctx: TransitionContext): TransitionResult {
  const { outcome } = event;
  const done = (afterRecheck: boolean): TransitionResult => {
    const audit = [auditRecord(ctx.now, 'execution.finished', { system: null }, request.id, { status: outcome.status, message: outcome.message, afterRecheck })];
    const message = `${OUTCOME_NOTICE[outcome.status]}: ${outcome.message}`;
    return changed(advance(request, ctx.now, { status: outcome.status, outcome }), [{ kind: 'notify', audience: 'requester', message }], audit);
  };
  switch (request.status) {
    case 'executing':
      return done(false);
    case 'needs-manual-steps':
      // A re-check completes a request whose manual steps a person did: it verifies and may finish it directly.
      return outcome.status === 'needs-manual-steps' ? { kind: 'unchanged', message: 'Still waiting for manual steps.' } : done(true);
    case 'pending': case 'approved': case 'succeeded': case 'failed': case 'rejected': case 'expired': case 'cancelled':
      return refuse(request, event, ctx, 'invalid-transition');
  }
}

function resume(request: LicenseRequest, event: Extract<SystemEvent, { kind: 'resume' }>, ctx: TransitionContext): TransitionResult {
  switch (request.status) {
    case 'needs-manual-steps': {
      if (ctx.readOnly) return refuse(request, event, ctx, 'read-only');
      const audit = [auditRecord(ctx.now, 'execution.resumed', { system: event.owner }, request.id, { owner: event.owner })];
      return changed(advance(request, ctx.now, { status: 'executing', outcome: null }), [], audit);
    }
    case 'pending': case 'approved': case 'executing': case 'succeeded': case 'failed': case 'rejected': case 'expired': case 'cancelled':
      return refuse(request, event, ctx, 'invalid-transition');
  }
}

/** Applies an event the expiry sweep or the executor sends. */
export function applyExecutionEvent(request: LicenseRequest, event: SystemEvent, ctx: TransitionContext): TransitionResult {
  switch (event.kind) {
    case 'expire':
      return expire(request, event, ctx);
    case 'start-execution':
      return startExecution(request, event, ctx);
    case 'step':
      return step(request, event, ctx);
    case 'finish':
      return finish(request, event, ctx);
    case 'resume':
      return resume(request, event, ctx);
  }
}
