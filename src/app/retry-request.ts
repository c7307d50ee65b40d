// Use case: retry a failed plan from its failed step, under the approval it already has. Only the requester or an
// approver (checked live, like a decision) may; the state machine audits the retry or its refusal; the executor then
// reads the live state and checks the plan's premises before its next write, so a retry never writes blind.
import { transition } from '../core/approval/transition.ts';
import { LicenseDoctorError } from '../core/errors.ts';
import type { LicenseRequest, Surface } from '../core/model/request.ts';
import { isApprover } from './approvers.ts';
import { writeAudit } from './audit.ts';
import { executeRequest } from './execute-request.ts';
import { resolveActor } from './resolve-actor.ts';
import type { ServiceDeps } from './service-deps.ts';

export interface RetryInput {
  readonly requestId: string;
  readonly actor: { readonly upnOrId: string; readonly surface: Surface; readonly surfaceUserId?: string | null };
  /** Called once the retry is recorded, before the plan runs (chat answers the click then; progress follows as events). */
  readonly onRecorded?: (request: LicenseRequest) => void;
}

/** Moves a failed request back to approved and runs it; refusals throw LicenseDoctorError('policy') and are audited. */
export async function retryRequest(deps: ServiceDeps, input: RetryInput): Promise<LicenseRequest> {
  const actor = await resolveActor(deps.diagnose.entra, input.actor);
  const approver = await isApprover(deps.diagnose.entra, deps.policy, actor);
  for (let attempt = 0; attempt < 8; attempt++) {
    const current = await deps.requests.get(input.requestId);
    if (!current) throw new LicenseDoctorError('not-found', `There is no request ${input.requestId}.`);
    const result = transition(current, { kind: 'retry', actor, isApprover: approver }, { now: new Date(deps.clock.now()).toISOString(), readOnly: deps.policy.readOnly });
    if (result.kind === 'unchanged') return current;
    if (result.kind === 'refused') {
      await writeAudit(deps, result.audit);
      throw new LicenseDoctorError('policy', result.message, { reason: result.reason, requestId: current.id });
    }
    if (!(await deps.requests.compareAndSet(current.version, result.request))) continue;
    await writeAudit(deps, result.audit);
    await deps.events.publish({ type: 'request-changed', change: 'retried', request: result.request });
    deps.logger.info({ requestId: current.id, by: actor.userPrincipalName }, 'retry recorded');
    input.onRecorded?.(result.request);
    return (await executeRequest(deps, current.id)) ?? result.request;
  }
  throw new LicenseDoctorError('conflict', `Request ${input.requestId} kept changing; try again.`);
}
