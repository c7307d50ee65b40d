// Before an execution's first write: do License Doctor's credentials allow every write the plan makes? A plan the
// permissions cannot finish is refused whole, rather than stopped part-way after Okta or Entra ID changed.
import { missingForExecution } from '../core/permissions/capabilities.ts';
import type { LicenseRequest } from '../core/model/request.ts';
import type { ServiceDeps } from './service-deps.ts';

/** Why the plan cannot be finished with the granted permissions, or null (also when they cannot be read). */
export async function preflightPermissions(deps: ServiceDeps, request: LicenseRequest): Promise<string | null> {
  if (!deps.permissions) return null;
  // No probing write here: an execution's vendor calls are exactly its plan's (Okta refuses a missing write scope itself).
  return missingForExecution(await deps.permissions.readGranted({ probeWrites: false }), request.plan.path);
}
