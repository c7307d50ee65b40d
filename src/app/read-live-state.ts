// Re-reads the live state of a request's user (for the premise check, idempotency checks and verification).
import type { Diagnosis } from '../core/model/diagnosis.ts';
import type { LicenseRequest } from '../core/model/request.ts';
import { diagnoseIdentifier } from './diagnose-user.ts';
import type { ServiceDeps } from './service-deps.ts';

/** A fresh diagnosis of the request's user, pinned to the Office 365 app instance the plan was made for. */
export function readLiveState(deps: Pick<ServiceDeps, 'diagnose'>, request: LicenseRequest): Promise<Diagnosis> {
  const pinned = { ...deps.diagnose, oktaAppId: request.target.appId ?? deps.diagnose.oktaAppId };
  return diagnoseIdentifier(pinned, request.target.userPrincipalName, request.target.entraObjectId, 'object-id', null);
}
