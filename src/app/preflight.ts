// Before an execution's first write: can the plan be finished at all? A plan the credentials' permissions cannot
// finish, or one that would write a license value Okta's app no longer offers (its list changed since approval), is
// refused whole, rather than stopped part-way after Okta or Entra ID changed.
import { missingForExecution } from '../core/permissions/capabilities.ts';
import type { LicenseRequest } from '../core/model/request.ts';
import type { ServiceDeps } from './service-deps.ts';

/** Values the plan adds to Okta's licenses that the app's list (read now) does not offer, or null. */
async function unofferedValues(deps: ServiceDeps, request: LicenseRequest): Promise<string | null> {
  for (const step of request.plan.steps) {
    const action = step.action;
    if (action.kind !== 'okta-set-user-licenses') continue;
    const offered = (await deps.diagnose.okta.getLicenseSchema(action.appId)).licenseValues;
    if (!offered) continue;
    const listed = new Set(offered.map((o) => o.value.trim().toLowerCase()));
    const added = action.values.filter((v) => !action.previous.includes(v) && !listed.has(v.trim().toLowerCase()));
    if (added.length > 0) {
      return `Nothing was changed: Okta's Office 365 app no longer offers ${added.join(', ')} in its Licenses list, which this plan would add. ` +
        'In Okta Admin Console > Applications > Office 365 > Provisioning, choose "Refresh application data", then diagnose again and request a new plan.';
    }
  }
  return null;
}

/** Why the plan cannot be finished (permissions, or license values Okta no longer offers), or null. */
export async function preflightPermissions(deps: ServiceDeps, request: LicenseRequest): Promise<string | null> {
  // No probing write here: an execution's vendor calls are exactly its plan's (Okta refuses a missing write scope itself).
  const missing = deps.permissions ? missingForExecution(await deps.permissions.readGranted({ probeWrites: false }), request.plan.path) : null;
  return missing ?? unofferedValues(deps, request);
}
