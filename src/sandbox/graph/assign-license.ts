// The `assignLicense` action with Graph's semantics and texts (reference/graph.md §2.1, §2.2): both lists are
// required; an inherited-only license cannot be removed; removing a direct + inherited license removes only the
// direct path; adding needs a usage location and a free seat. Everything is checked before anything changes.
import type { SandboxEntraUser, SandboxGroup } from '../state.ts';
import type { SandboxTenant } from '../tenant.ts';
import { directUserMembers, sameId } from './group-membership.ts';
import { GraphFailure } from './graph-response.ts';
import { consumedUnits, grantsLicense, licenseAssignmentStates } from './license-computation.ts';
import { appliedInheritedPaths, licensePathKey, recordLicensingChange } from './licensing-queue.ts';

export interface AssignLicenseBody {
  readonly add: ReadonlyArray<{ readonly skuId: string; readonly disabledPlans: readonly string[] }>;
  readonly remove: readonly string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const bad = (message: string) => new GraphFailure(400, 'Request_BadRequest', message);

function guid(value: unknown): string {
  if (typeof value !== 'string' || !GUID.test(value)) {
    throw new GraphFailure(400, 'BadRequest', "Cannot convert a primitive value to the expected type 'Edm.Guid'. See the inner exception for more details.");
  }
  return value;
}

function collection(body: Record<string, unknown>, name: string): unknown[] {
  const value = body[name];
  if (!Array.isArray(value)) throw new GraphFailure(400, 'BadRequest', `The parameter '${name}' of the operation 'assignLicense' must be a collection.`);
  return value;
}

/** Reads the action payload; both `addLicenses` and `removeLicenses` are required (null counts as missing). */
export function parseAssignLicenseBody(body: unknown): AssignLicenseBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new GraphFailure(400, 'BadRequest', 'The request payload must be a JSON object.');
  const record = body as Record<string, unknown>;
  const missing = ['addLicenses', 'removeLicenses'].filter((n) => record[n] === undefined || record[n] === null);
  if (missing.length > 0) {
    throw bad(`One or more parameters of the operation 'assignLicense' are missing from the request payload. The missing parameters are: ${missing.join(',')}.`);
  }
  const add = collection(record, 'addLicenses').map((item) => {
    const entry = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const plans = entry['disabledPlans'] ?? [];
    return { skuId: guid(entry['skuId']), disabledPlans: (Array.isArray(plans) ? plans : [plans]).map(guid) };
  });
  return { add, remove: collection(record, 'removeLicenses').map(guid) };
}

function requireSubscribed(tenant: SandboxTenant, skuId: string) {
  const sku = tenant.state.graph.skus.find((s) => sameId(s.skuId, skuId));
  if (!sku) throw bad(`License ${skuId} does not correspond to a valid company License.`);
  return sku;
}

/** `POST /users/{id}/assignLicense`: throws Graph's 400 for a refused change, else applies it. */
export function assignUserLicense(tenant: SandboxTenant, user: SandboxEntraUser, body: AssignLicenseBody): void {
  const now = tenant.now();
  const state = tenant.state;
  const isDirect = (skuId: string) => user.directLicenses.some((l) => sameId(l.skuId, skuId));
  const isInherited = (skuId: string) => appliedInheritedPaths(state, user.id, now).some((p) => sameId(p.skuId, skuId));
  for (const a of body.add) requireSubscribed(tenant, a.skuId);
  for (const skuId of body.remove) {
    if (isDirect(skuId)) continue;
    if (isInherited(skuId)) throw bad('User license is inherited from a group membership and it cannot be removed directly from the user.');
    throw bad('User does not have a corresponding license.');
  }
  if (body.add.length > 0 && !user.usageLocation) throw bad('License assignment cannot be done for user with invalid usage location.');
  const states = licenseAssignmentStates(state, user, now);
  for (const a of body.add) {
    if (isInherited(a.skuId) && !isDirect(a.skuId) && !tenant.behaviour.acceptsDirectAssignmentOfInheritedSku) {
      throw bad(`[sandbox] License ${a.skuId} is inherited from a group membership; this sandbox is set to refuse assigning it directly as well (acceptsDirectAssignmentOfInheritedSku = false).`);
    }
    const sku = requireSubscribed(tenant, a.skuId);
    const holds = states.some((s) => grantsLicense(s) && sameId(s.skuId, a.skuId));
    if (!holds && consumedUnits(state, sku.skuId, now) >= sku.enabledUnits) {
      throw bad(`Subscription ${sku.skuId} does not have any available licenses.`);
    }
  }
  const stamps = (state.graph.licensePathUpdatedAt ??= {});
  user.directLicenses = user.directLicenses.filter((l) => !body.remove.some((r) => sameId(r, l.skuId)));
  for (const r of body.remove) delete stamps[licensePathKey(user.id, null, r)];
  for (const a of body.add) {
    // The unkind reading of Graph's docs: the call is accepted, and only the group's path stays.
    if (isInherited(a.skuId) && !isDirect(a.skuId) && !tenant.behaviour.directAssignmentOfInheritedSkuTakesEffect) continue;
    const entry = { skuId: a.skuId.toLowerCase(), disabledPlans: a.disabledPlans.map((p) => p.toLowerCase()) };
    user.directLicenses = [...user.directLicenses.filter((l) => !sameId(l.skuId, a.skuId)), entry];
    stamps[licensePathKey(user.id, null, a.skuId)] = now.toISOString();
  }
}

/** `POST /groups/{id}/assignLicense`: changes the group's licenses; members' inherited paths follow asynchronously. */
export function assignGroupLicense(tenant: SandboxTenant, group: SandboxGroup, body: AssignLicenseBody): void {
  for (const a of body.add) requireSubscribed(tenant, a.skuId);
  // Removing a SKU the group does not have is accepted as a no-op (Graph's answer is unconfirmed).
  const members = directUserMembers(tenant.state, group).map((u) => u.id);
  recordLicensingChange(tenant, members, () => {
    let licenses = group.assignedLicenses.filter((l) => !body.remove.some((r) => sameId(r, l.skuId)));
    for (const a of body.add) {
      licenses = [...licenses.filter((l) => !sameId(l.skuId, a.skuId)), { skuId: a.skuId.toLowerCase(), disabledPlans: a.disabledPlans.map((p) => p.toLowerCase()) }];
    }
    group.assignedLicenses = licenses;
  }, group.id);
}
