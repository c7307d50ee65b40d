// Use case: Re-check a request that waits for manual steps (or for Okta's push): if a person did what was asked,
// the remaining steps run and the plan is verified.
import { LicenseDoctorError } from '../core/errors.ts';
import type { LicenseRequest } from '../core/model/request.ts';
import { applyEvent } from './apply-event.ts';
import { executeRequest } from './execute-request.ts';
import type { ServiceDeps } from './service-deps.ts';

/** Resumes a needs-manual-steps request; any other request is returned as it is. READ_ONLY refuses it (audited). */
export async function recheckRequest(deps: ServiceDeps, requestId: string): Promise<LicenseRequest> {
  const request = await deps.requests.get(requestId);
  if (!request) throw new LicenseDoctorError('not-found', `There is no request ${requestId}.`);
  if (request.status !== 'needs-manual-steps') return request;
  if (deps.policy.readOnly) {
    // The state machine refuses the resume under READ_ONLY and audits the refusal; nothing is read or written.
    const refused = await applyEvent(deps, requestId, { kind: 'resume', owner: deps.instanceId }, 'resume');
    if (refused.kind === 'refused') throw new LicenseDoctorError('policy', refused.message, { reason: refused.reason, requestId });
    throw new Error(`request ${requestId} resumed although READ_ONLY is on`);
  }
  const after = await executeRequest(deps, requestId);
  return after ?? request;
}
