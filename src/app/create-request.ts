// Use case: ask for a change. The plan is built from the live state now; someone else must approve it.
import { newRequest } from '../core/approval/new-request.ts';
import { OPEN_STATUSES, openRequestForTarget, targetBusyMessage } from '../core/approval/open-request-for-target.ts';
import { LicenseDoctorError, isLicenseDoctorError } from '../core/errors.ts';
import type { PathId } from '../core/model/diagnosis.ts';
import type { PlanOptions } from '../core/model/plan.ts';
import type { CliIdentity, LicenseRequest, Surface } from '../core/model/request.ts';
import { requireApprovers } from './approvers.ts';
import { inContext, writeAudit } from './audit.ts';
import { previewPlan } from './preview-plan.ts';
import { resolveActor } from './resolve-actor.ts';
import type { ServiceDeps } from './service-deps.ts';

export interface CreateRequestInput {
  /** The user (UPN, object id, Okta login) or pasted error the plan is for. */
  readonly query: string;
  readonly path: PathId;
  readonly options: PlanOptions;
  /** Who asks: their UPN (or Entra object id) and where they asked from. */
  readonly requester: { readonly upnOrId: string; readonly surface: Surface; readonly surfaceUserId?: string | null; readonly cli?: CliIdentity };
  readonly reason: string;
  readonly acknowledgeRemoval: boolean;
}

/** Creates a pending request; refusals (no justification, removal not acknowledged) throw a policy error and are audited. */
export async function createRequest(deps: ServiceDeps, input: CreateRequestInput): Promise<LicenseRequest> {
  await deps.helpdesk.admit(input.requester);
  requireApprovers(deps.policy, 'take requests');
  const requester = await resolveActor(deps.diagnose.entra, input.requester);
  const { diagnosis, plan } = await previewPlan(deps, input.query, input.path, input.options);
  const user = diagnosis.report.user;
  if (!user) throw new LicenseDoctorError('usage', diagnosis.report.explanation);
  const busy = openRequestForTarget(await deps.requests.list({ statuses: OPEN_STATUSES }), plan, user.entraObjectId);
  if (busy) throw new LicenseDoctorError('policy', targetBusyMessage(busy), { reason: 'target-busy', requestId: busy.id });
  const now = new Date(deps.clock.now()).toISOString();
  const result = newRequest({
    id: deps.newRequestId(),
    plan,
    requestedBy: requester,
    reason: input.reason,
    removalAcknowledged: input.acknowledgeRemoval,
    target: {
      userPrincipalName: user.userPrincipalName,
      displayName: user.displayName,
      entraObjectId: user.entraObjectId,
      oktaUserId: user.oktaUserId,
      appId: diagnosis.report.okta?.appId ?? null,
    },
    now,
    ttlHours: deps.policy.requestTtlHours,
  });
  if (result.kind === 'refused') {
    await writeAudit(deps, result.audit);
    throw new LicenseDoctorError('policy', result.message, { reason: result.reason });
  }
  // The pre-check above gives the friendly refusal; the store's own constraint settles a race between instances.
  await deps.requests.create(result.request, { audit: inContext(deps, result.audit) }).catch(async (err: unknown) => {
    const openId = isLicenseDoctorError(err, 'conflict') && err.details['reason'] === 'target-busy' ? err.details['requestId'] : undefined;
    const open = typeof openId === 'string' ? await deps.requests.get(openId) : null;
    if (open) throw new LicenseDoctorError('policy', targetBusyMessage(open), { reason: 'target-busy', requestId: open.id });
    throw err;
  });
  deps.logger.info({ requestId: result.request.id, path: input.path, user: user.userPrincipalName, by: requester.userPrincipalName }, 'request created');
  await deps.events.publish({ type: 'request-changed', change: 'created', request: result.request });
  return result.request;
}
