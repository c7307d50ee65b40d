// Applies a core transition to a stored request with compare-and-set (its audit entries in the same transaction) and
// publishes it.
import { transition, type RequestEvent as CoreEvent } from '../core/approval/transition.ts';
import { LicenseDoctorError } from '../core/errors.ts';
import type { AuditRecord, LeaseFence } from '../core/model/journal.ts';
import type { LicenseRequest } from '../core/model/request.ts';
import { inContext, writeAudit } from './audit.ts';
import { leaseLost } from './execution-lease.ts';
import type { ServiceDeps } from './service-deps.ts';

export type ApplyResult =
  | { readonly kind: 'changed'; readonly request: LicenseRequest; readonly execute: boolean }
  | { readonly kind: 'refused'; readonly request: LicenseRequest; readonly message: string; readonly reason: string };

/**
 * Transitions `requestId` with `event`, retrying on a lost compare-and-set (re-reading and re-deciding each time).
 * With `fence` (the executor's events), the change is stored only while that lease holds; when it was taken over,
 * this throws the `leaseLost` error.
 */
export async function applyEvent(
  deps: Pick<ServiceDeps, 'requests' | 'auditLog' | 'auditContext' | 'clock' | 'policy' | 'events'>,
  requestId: string,
  event: CoreEvent,
  change: string,
  fence?: LeaseFence,
): Promise<ApplyResult> {
  const cas = async (version: number, next: LicenseRequest, audit: readonly AuditRecord[]): Promise<boolean> => {
    const options = fence ? { fence, audit: inContext(deps, audit) } : { audit: inContext(deps, audit) };
    if (await deps.requests.compareAndSet(version, next, options)) return true;
    // The version did not move: only the fence can have refused the change.
    if (fence && (await deps.requests.get(requestId))?.version === version) throw leaseLost(requestId, fence);
    return false;
  };
  for (let attempt = 0; attempt < 8; attempt++) {
    const current = await deps.requests.get(requestId);
    if (!current) throw new LicenseDoctorError('not-found', `There is no request ${requestId}.`);
    const result = transition(current, event, { now: new Date(deps.clock.now()).toISOString(), readOnly: deps.policy.readOnly, approvalTtlHours: deps.policy.approvalTtlHours });
    if (result.kind === 'unchanged') return { kind: 'changed', request: current, execute: false };
    if (result.kind === 'refused') {
      // A refusal that changed the request anyway (expiry) stores its audit with the change; otherwise alone.
      if (result.request) {
        if (!(await cas(current.version, result.request, result.audit))) continue;
      } else {
        await writeAudit(deps, result.audit);
      }
      return { kind: 'refused', request: result.request ?? current, message: result.message, reason: result.reason };
    }
    if (!(await cas(current.version, result.request, result.audit))) continue;
    if (event.kind === 'step') await deps.events.publish({ type: 'step-progress', request: result.request, progress: event.progress });
    else await deps.events.publish({ type: 'request-changed', change, request: result.request });
    return { kind: 'changed', request: result.request, execute: result.effects.some((e) => e.kind === 'execute') };
  }
  throw new LicenseDoctorError('conflict', `Request ${requestId} kept changing; try again.`);
}
