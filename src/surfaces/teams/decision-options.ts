// Who sees which buttons on a request card: the same policy the services apply on every click (approver group,
// never the requester, not expired or decided), asked without recording anything. Surface-neutral: it only uses the
// application's actor resolution, approver check and the core's canDecide.
import { isApprover } from '../../app/approvers.ts';
import { resolveActor } from '../../app/resolve-actor.ts';
import type { Services } from '../../app/services.ts';
import { canDecide } from '../../core/approval/can-decide.ts';
import { canRetry } from '../../core/approval/can-retry.ts';
import { samePerson } from '../../core/approval/same-person.ts';
import { isLicenseDoctorError } from '../../core/errors.ts';
import type { LicenseRequest } from '../../core/model/request.ts';
import type { ChatPerson } from '../chat/chat-person.ts';

export interface DecisionOptions {
  /** Approve / Reject make sense for this person now. */
  readonly decide: boolean;
  /** Cancel makes sense for this person now. */
  readonly cancel: boolean;
  /** Retry makes sense for this person now (the plan failed; they asked for it or approve requests). */
  readonly retry: boolean;
  readonly isRequester: boolean;
  /** Why Approve / Reject are not offered to this person while the request waits (e.g. they asked for it), else null. */
  readonly whyNot: string | null;
}

const NONE: DecisionOptions = { decide: false, cancel: false, retry: false, isRequester: false, whyNot: null };

/** What `person` may do with `request` now (nothing when they are not a user of the tenant). */
export async function decisionOptions(services: Services, person: ChatPerson, request: LicenseRequest): Promise<DecisionOptions> {
  const { entra } = services.deps.diagnose;
  let actor;
  try {
    actor = await resolveActor(entra, { upnOrId: person.entraIdentity, surface: person.surface, surfaceUserId: person.surfaceUserId });
  } catch (err) {
    if (isLicenseDoctorError(err, 'policy')) return NONE;
    throw err;
  }
  const approver = await isApprover(entra, services.deps.policy, actor);
  const now = new Date(services.deps.clock.now()).toISOString();
  const isRequester = samePerson(actor, request.requestedBy);
  const open = request.status === 'pending' || request.status === 'approved';
  const decision = canDecide(request, actor, approver, now);
  const whyNot = !decision.allowed && request.status === 'pending' ? (decision.message ?? null) : null;
  return { decide: decision.allowed, cancel: open && (isRequester || approver), retry: canRetry(request) && (isRequester || approver), isRequester, whyNot };
}

/** Whether the Entra user `entraIdentity` may approve requests at all (for choosing whose cards refresh). */
export async function mayApprove(services: Services, entraIdentity: string): Promise<boolean> {
  const { entra } = services.deps.diagnose;
  try {
    const actor = await resolveActor(entra, { upnOrId: entraIdentity, surface: 'teams' });
    return await isApprover(entra, services.deps.policy, actor);
  } catch (err) {
    if (isLicenseDoctorError(err, 'policy')) return false;
    throw err;
  }
}
