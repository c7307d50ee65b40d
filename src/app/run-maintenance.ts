// What a running server does periodically: expire old pending requests, run approved ones nobody started (e.g.
// approved with `--no-execute`), and resume plans whose instance died (their lease expired).
import { isExpiryDue } from '../core/approval/approval-window.ts';
import type { LicenseRequest } from '../core/model/request.ts';
import { applyEvent } from './apply-event.ts';
import { executeRequest } from './execute-request.ts';
import type { ServiceDeps } from './service-deps.ts';

/** One maintenance pass; resolves with what it did (for logs and tests). */
export async function runMaintenance(deps: ServiceDeps): Promise<{ expired: string[]; executed: string[] }> {
  const now = deps.clock.now();
  const expired: string[] = [];
  for (const r of await deps.store.list({ statuses: ['pending', 'approved'] })) {
    if (!isExpiryDue(r, { now: new Date(now).toISOString(), readOnly: deps.policy.readOnly, approvalTtlHours: deps.policy.approvalTtlHours })) continue;
    const result = await applyEvent(deps, r.id, { kind: 'expire' }, 'expired');
    if (result.kind === 'changed' && result.request.status === 'expired') expired.push(r.id);
  }
  const executed: string[] = [];
  if (!deps.policy.readOnly) {
    const runnable: LicenseRequest[] = await deps.store.list({ statuses: ['approved', 'executing'] });
    for (const r of runnable) {
      // executeRequest takes the lease only if it is free or expired, so a plan running elsewhere is left alone.
      const after = await executeRequest(deps, r.id);
      if (after) executed.push(r.id);
    }
  }
  return { expired, executed };
}
