// Applies a core transition to a stored request with compare-and-set, audits it and publishes it.
import { transition, type RequestEvent as CoreEvent } from '../core/approval/transition.ts';
import { LicenseDoctorError } from '../core/errors.ts';
import type { LicenseRequest } from '../core/model/request.ts';
import { writeAudit } from './audit.ts';
import type { ServiceDeps } from './service-deps.ts';

export type ApplyResult =
  | { readonly kind: 'changed'; readonly request: LicenseRequest; readonly execute: boolean }
  | { readonly kind: 'refused'; readonly request: LicenseRequest; readonly message: string; readonly reason: string };

/** Transitions `requestId` with `event`, retrying on a lost compare-and-set (re-reading and re-deciding each time). */
export async function applyEvent(deps: ServiceDeps, requestId: string, event: CoreEvent, change: string): Promise<ApplyResult> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const current = await deps.store.get(requestId);
    if (!current) throw new LicenseDoctorError('not-found', `There is no request ${requestId}.`);
    const result = transition(current, event, { now: new Date(deps.clock.now()).toISOString(), readOnly: deps.policy.readOnly, approvalTtlHours: deps.policy.approvalTtlHours });
    if (result.kind === 'unchanged') return { kind: 'changed', request: current, execute: false };
    if (result.kind === 'refused') {
      if (result.request && !(await deps.store.compareAndSet(current.version, result.request))) continue;
      await writeAudit(deps, result.audit);
      return { kind: 'refused', request: result.request ?? current, message: result.message, reason: result.reason };
    }
    if (!(await deps.store.compareAndSet(current.version, result.request))) continue;
    await writeAudit(deps, result.audit);
    if (event.kind === 'step') await deps.events.publish({ type: 'step-progress', request: result.request, progress: event.progress });
    else await deps.events.publish({ type: 'request-changed', change, request: result.request });
    return { kind: 'changed', request: result.request, execute: result.effects.some((e) => e.kind === 'execute') };
  }
  throw new LicenseDoctorError('conflict', `Request ${requestId} kept changing; try again.`);
}
