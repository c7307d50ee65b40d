// A failed plan retried from its failed step, under the approval it already has: by the requester or an approver,
// never under READ_ONLY. The request goes back to approved with the failed step's progress cleared; the executor
// then re-reads the live state and checks the plan's premises before its next write, as on every (re)start.
import type { LicenseRequest } from '../model/request.ts';
import { actorLabel } from './actor-label.ts';
import { auditRecord } from './audit-record.ts';
import type { RetryEvent } from './request-event.ts';
import { samePerson } from './same-person.ts';
import { advance, changed, refused } from './transition-outcomes.ts';
import type { TransitionContext, TransitionResult } from './transition-result.ts';

const READ_ONLY_MESSAGE = 'READ_ONLY is on: License Doctor changes nothing while it is on (plans can still be previewed).';

/** Applies a retry: failed → approved (with an `execute` effect), or a refusal saying why not. */
export function applyRetry(request: LicenseRequest, event: RetryEvent, ctx: TransitionContext): TransitionResult {
  const refuse = (reason: 'read-only' | 'not-allowed' | 'invalid-transition', message: string) => refused(request, event, { reason, message }, ctx.now);
  switch (request.status) {
    case 'failed': {
      if (ctx.readOnly) return refuse('read-only', READ_ONLY_MESSAGE);
      if (!event.isApprover && !samePerson(event.actor, request.requestedBy)) {
        return refuse('not-allowed', `Only the requester (${actorLabel(request.requestedBy)}) or an approver can retry this request.`);
      }
      const failed = request.steps.find((s) => s.status === 'failed' || s.status === 'running' || s.status === 'manual');
      // Finished steps stay finished (the executor still checks their effects live); the failed one runs again.
      const steps = request.steps.filter((s) => s.status === 'succeeded' || s.status === 'skipped');
      const audit = [auditRecord(ctx.now, 'execution.retried', { actor: event.actor }, request.id, {
        fromStep: failed?.stepId ?? null, previousOutcome: request.outcome?.message ?? null, asApprover: event.isApprover,
      })];
      const message = `${actorLabel(event.actor)} retried the change from ${failed ? `step ${failed.stepId}` : 'where it stopped'}; it runs now.`;
      return changed(advance(request, ctx.now, { status: 'approved', steps, outcome: null }), [{ kind: 'execute' }, { kind: 'notify', audience: 'requester', message }], audit);
    }
    case 'needs-manual-steps':
      return refuse('invalid-transition', 'This request waits for manual steps: do them, then press Re-check (license-doctor recheck).');
    case 'pending': case 'approved': case 'executing': case 'succeeded': case 'rejected': case 'expired': case 'cancelled':
      return refuse('invalid-transition', `Only a failed request can be retried; this one is ${request.status}.`);
  }
}
