// Who sees which buttons on a request card: the person is resolved in Entra and checked against the approvers
// policy, then the core's decision rules say what they may do now (nothing is recorded).
import { decisionOptions, NO_DECISIONS, type DecisionOptions } from '../core/approval/decision-options.ts';
import { isLicenseDoctorError } from '../core/errors.ts';
import type { LicenseRequest, Surface } from '../core/model/request.ts';
import { isApprover } from './approvers.ts';
import { resolveActor } from './resolve-actor.ts';
import type { ServiceDeps } from './service-deps.ts';

/** Who is looking: their Entra identity (UPN or object id) and where. */
export interface Viewer {
  readonly upnOrId: string;
  readonly surface: Surface;
  readonly surfaceUserId: string | null;
}

/** What `viewer` may do with `request` now (nothing when they are not a user of the tenant). */
export async function optionsOf(deps: ServiceDeps, viewer: Viewer, request: LicenseRequest): Promise<DecisionOptions> {
  const { entra } = deps.diagnose;
  let actor;
  try {
    actor = await resolveActor(entra, viewer);
  } catch (err) {
    if (isLicenseDoctorError(err, 'policy')) return NO_DECISIONS;
    throw err;
  }
  const approver = await isApprover(entra, deps.policy, actor);
  return decisionOptions(request, actor, approver, new Date(deps.clock.now()).toISOString());
}

/** Whether the Entra user `upnOrId` may approve requests at all (e.g. for choosing whose cards refresh). */
export async function mayApprove(deps: ServiceDeps, upnOrId: string, surface: Surface): Promise<boolean> {
  const { entra } = deps.diagnose;
  try {
    return await isApprover(entra, deps.policy, await resolveActor(entra, { upnOrId, surface }));
  } catch (err) {
    if (isLicenseDoctorError(err, 'policy')) return false;
    throw err;
  }
}
