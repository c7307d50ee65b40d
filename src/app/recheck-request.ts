// Use case: Re-check a request that waits for manual steps (or for Okta's push): if a person did what was asked,
// the remaining steps run and the plan is verified.
import { LicenseDoctorError } from '../core/errors.ts';
import type { LicenseRequest } from '../core/model/request.ts';
import { executeRequest } from './execute-request.ts';
import type { ServiceDeps } from './service-deps.ts';

/** Resumes a needs-manual-steps request; any other request is returned as it is. */
export async function recheckRequest(deps: ServiceDeps, requestId: string): Promise<LicenseRequest> {
  const request = await deps.store.get(requestId);
  if (!request) throw new LicenseDoctorError('not-found', `There is no request ${requestId}.`);
  if (request.status !== 'needs-manual-steps') return request;
  if (deps.policy.readOnly) throw new LicenseDoctorError('policy', 'READ_ONLY is on: License Doctor does not run plans, so it cannot finish this one.');
  const after = await executeRequest(deps, requestId);
  return after ?? request;
}
