// Use case: approve, reject or cancel a request. Authorisation is checked on the server for every decision (live
// approver-group membership through Graph); the decision that completes the quorum wins: a losing compare-and-set
// re-reads the request, so a later click gets "already decided by X".
import { transition } from '../core/approval/transition.ts';
import { isLicenseDoctorError, LicenseDoctorError } from '../core/errors.ts';
import type { CliIdentity, LicenseRequest, Surface } from '../core/model/request.ts';
import { isApprover, requireApprovers } from './approvers.ts';
import { auditRecord, inContext, writeAudit } from './audit.ts';
import { refuseCliDecision } from './refuse-cli-decision.ts';
import { resolveActor } from './resolve-actor.ts';
import type { ServiceDeps } from './service-deps.ts';

export interface DecideInput {
  readonly requestId: string;
  readonly decision: 'approve' | 'reject' | 'cancel';
  readonly actor: { readonly upnOrId: string; readonly surface: Surface; readonly surfaceUserId?: string | null; readonly cli?: CliIdentity };
  /** Required to reject. */
  readonly reason?: string;
}

export interface DecideResult {
  readonly request: LicenseRequest;
  /** True when this decision completed the quorum and the plan should run now (and READ_ONLY is off). */
  readonly shouldExecute: boolean;
  /** Notices for the person (e.g. READ_ONLY is on). */
  readonly notices: readonly string[];
}

const MAX_ATTEMPTS = 8;

/** Records the decision; refusals throw LicenseDoctorError('policy') with a message for the person, and are audited. */
export async function decideRequest(deps: ServiceDeps, input: DecideInput): Promise<DecideResult> {
  // A requester may always cancel; approving and rejecting need someone who is allowed to.
  if (input.decision !== 'cancel') requireApprovers(deps.policy, `${input.decision} requests`);
  await refuseCliDecision(deps, input);
  const actor = await resolveActor(deps.diagnose.entra, input.actor).catch(async (err: unknown) => {
    // Someone who is not a user of the tenant (a forged or foreign identity) is refused like a non-approver, and audited.
    if (isLicenseDoctorError(err, 'policy')) {
      const at = new Date(deps.clock.now()).toISOString();
      await writeAudit(deps, [auditRecord(at, `${input.decision === 'reject' ? 'rejection' : input.decision === 'cancel' ? 'cancellation' : 'approval'}.refused`, input.actor.upnOrId, input.requestId, {
        reason: 'unknown-person', surface: input.actor.surface, surfaceUserId: input.actor.surfaceUserId ?? null, message: err.message,
      })]);
    }
    throw err;
  });
  const approver = await isApprover(deps.diagnose.entra, deps.policy, actor);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await deps.requests.get(input.requestId);
    if (!current) throw new LicenseDoctorError('not-found', `There is no request ${input.requestId}.`);
    const now = new Date(deps.clock.now()).toISOString();
    const event = input.decision === 'approve'
      ? { kind: 'approve' as const, actor, isApprover: approver }
      : input.decision === 'reject'
        ? { kind: 'reject' as const, actor, isApprover: approver, reason: input.reason ?? '' }
        : { kind: 'cancel' as const, actor, isApprover: approver };
    const result = transition(current, event, { now, readOnly: deps.policy.readOnly, approvalTtlHours: deps.policy.approvalTtlHours });
    switch (result.kind) {
      case 'refused': {
        if (result.request) {
          if (!(await deps.requests.compareAndSet(current.version, result.request, { audit: inContext(deps, result.audit) }))) continue;
        } else {
          await writeAudit(deps, result.audit);
        }
        if (result.request) await deps.events.publish({ type: 'request-changed', change: result.request.status, request: result.request });
        deps.logger.info({ requestId: current.id, by: actor.userPrincipalName, reason: result.reason }, 'decision refused');
        throw new LicenseDoctorError('policy', result.message, { reason: result.reason, requestId: current.id });
      }
      case 'unchanged':
        return { request: current, shouldExecute: false, notices: [result.message] };
      case 'changed': {
        if (!(await deps.requests.compareAndSet(current.version, result.request, { audit: inContext(deps, result.audit) }))) continue;
        deps.logger.info({ requestId: current.id, by: actor.userPrincipalName, decision: input.decision, status: result.request.status }, 'decision recorded');
        await deps.events.publish({ type: 'request-changed', change: result.request.status, request: result.request });
        return {
          request: result.request,
          shouldExecute: result.effects.some((e) => e.kind === 'execute'),
          notices: result.effects.flatMap((e) => (e.kind === 'notify' ? [e.message] : [])),
        };
      }
    }
  }
  throw new LicenseDoctorError('conflict', `Request ${input.requestId} kept changing while your decision was recorded; try again.`);
}
