// The request state machine: (request, event) -> a new version with effects and audit, a refusal, or nothing.
//   pending -> approved -> executing -> succeeded | failed | needs-manual-steps (-> executing on resume, or finished)
//   pending -> rejected | expired | cancelled;  approved (not started) -> cancelled
//   failed -> approved (retry from the failed step);  needs-manual-steps -> expired (waited too long)
import type { LicenseRequest } from '../model/request.ts';
import { applyDecision } from './apply-decision.ts';
import { applyExecutionEvent } from './apply-execution-event.ts';
import { applyRetry } from './apply-retry.ts';
import type { RequestEvent } from './request-event.ts';
import type { TransitionContext, TransitionResult } from './transition-result.ts';

export type { RequestEvent } from './request-event.ts';
export type { TransitionContext, TransitionResult } from './transition-result.ts';

/**
 * Applies `event` to `request` at `ctx.now`. Pure: the caller stores a changed request with compare-and-set on the
 * previous version, appends the audit records (refusals included) and performs the effects.
 */
export function transition(request: LicenseRequest, event: RequestEvent, ctx: TransitionContext): TransitionResult {
  switch (event.kind) {
    case 'approve':
    case 'reject':
    case 'cancel':
      return applyDecision(request, event, ctx);
    case 'expire':
    case 'start-execution':
    case 'step':
    case 'finish':
    case 'resume':
      return applyExecutionEvent(request, event, ctx);
    case 'retry':
      return applyRetry(request, event, ctx);
  }
}
