// Before an execution's first write: can the plan be finished at all? A plan the credentials' permissions cannot
// finish, or one that would write a license value Okta's app no longer offers (its list changed since approval), is
// refused whole, rather than stopped part-way after Okta or Entra ID changed.
import { missingForExecution } from '../core/permissions/capabilities.ts';
import type { LicenseRequest } from '../core/model/request.ts';
import type { ServiceDeps } from './service-deps.ts';
import { stepPorts, stepTable } from './step-kinds.ts';

/** The first step that cannot be done: of a kind this process does not know, or whose kind says so (e.g. a license value Okta no longer offers). */
async function stepRefusal(deps: ServiceDeps, request: LicenseRequest): Promise<string | null> {
  for (const step of request.plan.steps) {
    const kind = stepTable(deps).get(step.action.kind);
    if (!kind) return `Nothing was changed: step ${step.id} is of kind ${step.action.kind}, which this version of License Doctor does not know. Run the version that made the plan, or request a new plan.`;
    const refusal = (await kind.preflight?.(step.action, stepPorts(deps))) ?? null;
    if (refusal !== null) return refusal;
  }
  return null;
}

/** Why the plan cannot be finished (permissions, or license values Okta no longer offers), or null. */
export async function preflightPermissions(deps: ServiceDeps, request: LicenseRequest): Promise<string | null> {
  // No probing write here: an execution's vendor calls are exactly its plan's (Okta refuses a missing write scope itself).
  const missing = deps.permissions ? missingForExecution(await deps.permissions.readGranted({ probeWrites: false }), request.plan.path) : null;
  return missing ?? stepRefusal(deps, request);
}
