// What a running server does periodically: expire old pending requests and requests left waiting for manual steps
// too long, run approved ones nobody started (e.g. approved with `--no-execute`), and resume plans whose instance
// died (their lease expired). One request's failure never stops the pass for the others; a failing request is
// retried with exponential backoff, and the executor reads the vendors before recording a recovery, so an outage
// adds no audit entries.
import { isLicenseDoctorError } from '../core/errors.ts';
import { isExpiryDue } from '../core/approval/approval-window.ts';
import type { LicenseRequest } from '../core/model/request.ts';
import { applyEvent } from './apply-event.ts';
import { executeRequest } from './execute-request.ts';
import { RequestBackoff } from './request-backoff.ts';
import type { ServiceDeps } from './service-deps.ts';

export interface MaintenanceResult {
  readonly expired: string[];
  readonly executed: string[];
  /** Requests whose execution failed this pass (tried again after a backoff). */
  readonly failed: string[];
}

/** One maintenance pass; resolves with what it did (for logs and tests). `backoff` lives as long as the instance. */
export async function runMaintenance(
  deps: ServiceDeps, backoff = new RequestBackoff({ baseMs: deps.execution.retryBaseMs, capMs: deps.execution.retryCapMs }),
): Promise<MaintenanceResult> {
  const now = deps.clock.now();
  const expired: string[] = [];
  const failed: string[] = [];
  const ttl = deps.execution.manualStepsTtlMs;
  const ctx = { now: new Date(now).toISOString(), readOnly: deps.policy.readOnly, approvalTtlHours: deps.policy.approvalTtlHours };
  const due = (r: LicenseRequest) => (r.status === 'needs-manual-steps' ? Date.parse(r.updatedAt) + ttl <= now : isExpiryDue(r, ctx));
  for (const r of await deps.requests.list({ statuses: ['pending', 'approved', 'needs-manual-steps'] })) {
    if (!due(r)) continue;
    try {
      const result = await applyEvent(deps, r.id, { kind: 'expire', manualStepsTtlMs: ttl }, 'expired');
      if (result.kind === 'changed' && result.request.status === 'expired') expired.push(r.id);
    } catch (err) {
      deps.logger.error({ err, requestId: r.id }, 'could not expire a request; the next pass tries again');
    }
  }
  const executed: string[] = [];
  if (!deps.policy.readOnly) {
    const runnable: LicenseRequest[] = await deps.requests.list({ statuses: ['approved', 'executing'] });
    for (const r of runnable) {
      if (deps.stopSignal?.aborted) break;
      if (!backoff.ready(r.id, now)) continue;
      try {
        // executeRequest takes the lease only if it is free or expired, so a plan running elsewhere is left alone.
        const after = await executeRequest(deps, r.id);
        backoff.succeeded(r.id);
        if (after) executed.push(r.id);
      } catch (err) {
        const delay = backoff.failed(r.id, now);
        failed.push(r.id);
        const level = isLicenseDoctorError(err, 'graph-unavailable', 'okta-unavailable', 'throttled', 'store') ? 'warn' : 'error';
        deps.logger[level]({ err, requestId: r.id, retryInMs: delay }, 'could not run the plan; it is tried again after a pause');
      }
    }
  }
  return { expired, executed, failed };
}
