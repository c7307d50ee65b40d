// A generated tenant of any size with a realistic mix (`license-doctor sandbox --users N`, scan tests, bench:scan):
// most users healthy (Okta grants their licenses directly), a few groups carrying most conflicts (a large cloud
// group whose members Okta holds blank licenses for), a dynamic and an on-premises group, users who already failed
// and users who will fail on their next push, Okta app users whose Entra account is gone, cloud-only users.
// Entra lists users in object-id order and Okta in creation order, so the two sides arrive in unrelated orders.
import { pushEvent, sandboxUuid } from '../log-events.ts';
import { lic, OKTA_APP, SANDBOX_DOMAIN, SANDBOX_TENANT_ID, SKU, SKUS, WORKFLOWS_FLOW } from '../seed-catalog.ts';
import type { SandboxAppUser, SandboxEntraUser, SandboxLogEvent, SandboxOktaApp, SandboxOktaUser, SandboxState } from '../state.ts';
import { LARGE_GROUP, largeTenantGroups } from './large-tenant-groups.ts';
import { SeededRandom } from './seeded-random.ts';

export interface LargeTenantOptions {
  readonly users: number;
  readonly seed?: number;
  readonly now?: Date;
}

const DEPARTMENTS = [
  ['Engineering', 0.3], ['Support', 0.2], ['Operations', 0.15], ['Marketing', 0.1], ['Sales', 0.08], ['Finance', 0.07], ['HR', 0.05], ['Legal', 0.05],
] as const;

const PART: Readonly<Record<string, string>> = Object.fromEntries(SKUS.map((s) => [s.skuId, s.skuPartNumber]));
const INHERITED_TEXT = 'User license is inherited from a group membership and it cannot be removed directly from the user.';
const OTHER_TEXT = 'License assignment failed because service plans ProjectWorkManagement and ProjectWorkManagement_USGov are mutually exclusive.';

function department(rng: SeededRandom): string {
  let r = rng.next();
  for (const [name, weight] of DEPARTMENTS) {
    if (r < weight) return name;
    r -= weight;
  }
  return 'Engineering';
}

const oktaUserId = (seed: number, n: number) => `00u${String(seed % 1000).padStart(3, '0')}${String(n).padStart(14, '0')}`;

/** Which licensing groups a person of this department is put in by hand (the dynamic group follows department). */
function groupsFor(rng: SeededRandom, dept: string): string[] {
  const groups: string[] = [];
  if (dept !== 'Sales' && rng.chance(0.1)) groups.push(LARGE_GROUP.STAFF_E3);
  if (dept === 'Finance' && rng.chance(0.6)) groups.push(LARGE_GROUP.FINANCE_ONPREM);
  if (dept === 'Legal' && rng.chance(0.3)) groups.push(LARGE_GROUP.LEGAL_MAIL);
  if (rng.chance(0.01)) groups.push(LARGE_GROUP.EXECS_E5);
  if (rng.chance(0.03)) groups.push(LARGE_GROUP.VISIO);
  if (rng.chance(0.005)) groups.push(LARGE_GROUP.POWER_BI);
  return groups;
}

/** The generated tenant's state; deterministic for a seed and `now`. */
export function generateLargeTenant(options: LargeTenantOptions): SandboxState {
  const seed = options.seed ?? 1;
  const now = options.now ?? new Date();
  const rng = new SeededRandom(seed);
  const created = new Date(now.getTime() - 400 * 86_400_000).toISOString();
  const groups = largeTenantGroups();
  const byId = new Map(groups.map((g) => [g.id, g]));
  const app: SandboxOktaApp = {
    id: OKTA_APP.MAIN, name: 'office365', label: 'Microsoft Office 365', status: 'ACTIVE', created, lastUpdated: created,
    features: ['PUSH_NEW_USERS', 'PUSH_PROFILE_UPDATES', 'PUSH_USER_DEACTIVATION', 'IMPORT_NEW_USERS', 'IMPORT_PROFILE_UPDATES'],
    connection: 'ENABLED', schema: { licensesAttribute: 'licenses', rolesAttribute: 'roles' }, appUsers: [], groupAssignments: [],
  };
  const users: SandboxEntraUser[] = [];
  const oktaUsers: SandboxOktaUser[] = [];
  const logs: SandboxLogEvent[] = [];
  const pathErrors: SandboxState['graph']['licensePathErrors'] = [];

  const addAppUser = (okta: SandboxOktaUser, entraObjectId: string | null, userName: string, licenses: string[], failure: string | null) => {
    const hoursAgo = 1 + rng.int(150);
    const failedAt = new Date(now.getTime() - hoursAgo * 3_600_000);
    const lastSync = new Date(failedAt.getTime() - 86_400_000).toISOString();
    const au: SandboxAppUser = {
      userId: okta.id, scope: rng.chance(0.2) ? 'GROUP' : 'USER', status: 'PROVISIONED', syncState: failure ? 'ERROR' : 'SYNCHRONIZED',
      externalId: entraObjectId !== null && rng.chance(0.98) ? entraObjectId : null, userName, created, lastUpdated: lastSync, lastSync,
      profile: { licenses, roles: [], email: okta.email, firstName: okta.firstName, lastName: okta.lastName },
    };
    app.appUsers.push(au);
    if (failure === null) return;
    logs.push(pushEvent({
      now: failedAt, app: { id: app.id, label: app.label }, user: { id: okta.id, login: okta.login, displayName: `${okta.firstName} ${okta.lastName}` }, userName,
      failure: { httpStatus: 400, errorCode: 'Request_BadRequest', errorMessage: failure, requestId: sandboxUuid(`lreq|${seed}|${okta.id}`), clientRequestId: sandboxUuid(`lcreq|${seed}|${okta.id}`) },
    }));
  };

  for (let n = 1; n <= options.users; n++) {
    const dept = department(rng);
    const first = `user${n}`;
    const upn = `${first}.${dept.toLowerCase()}@${SANDBOX_DOMAIN}`;
    const id = sandboxUuid(`large|${seed}|${n}`);
    const memberOf = groupsFor(rng, dept);
    for (const g of memberOf) byId.get(g)?.members.push(id);
    if (memberOf.includes(LARGE_GROUP.POWER_BI)) {
      pathErrors.push({ userId: id, groupId: LARGE_GROUP.POWER_BI, skuId: SKU.POWER_BI_PRO, state: 'Error', error: 'CountViolation' });
    }
    const inherited = new Set(memberOf.filter((g) => g !== LARGE_GROUP.POWER_BI).map((g) => byId.get(g)?.assignedLicenses[0]?.skuId ?? ''));
    if (dept === 'Sales') inherited.add(SKU.SPE_E3);
    // Most people get E3 directly from Okta; members of the big staff group were moved to group licensing.
    const migrated = memberOf.includes(LARGE_GROUP.STAFF_E3) && rng.chance(0.7);
    const direct = migrated || rng.chance(0.1) ? [] : [SKU.SPE_E3];
    const dual = !migrated && rng.chance(0.35);
    const oktaHolds = dual ? [...new Set([...direct, ...inherited])] : direct;
    users.push({
      id, userPrincipalName: upn, displayName: `User ${n}`, mail: upn, givenName: 'User', surname: String(n), jobTitle: null, department: dept,
      usageLocation: 'US', accountEnabled: true, onPremisesSyncEnabled: null, directLicenses: direct.map((s) => lic(s)),
    });
    if (rng.chance(0.03)) continue; // cloud-only: not in Okta
    const okta: SandboxOktaUser = { id: oktaUserId(seed, n), login: upn, email: upn, firstName: 'User', lastName: String(n), status: 'ACTIVE' };
    oktaUsers.push(okta);
    if (rng.chance(0.03)) continue; // in Okta, not assigned to Office 365
    const conflict = [...inherited].some((s) => !oktaHolds.includes(s));
    const failure = conflict ? (rng.chance(0.6) ? INHERITED_TEXT : null)
      : inherited.size > 0 && rng.chance(0.1) ? INHERITED_TEXT
      : rng.chance(0.01) ? OTHER_TEXT : null;
    addAppUser(okta, id, upn, oktaHolds.map((s) => PART[s] ?? s), failure);
  }
  // Okta app users whose Entra ID account was deleted.
  const orphans = Math.max(1, Math.round(options.users * 0.003));
  for (let k = 1; k <= orphans; k++) {
    const n = options.users + k;
    const upn = `former${n}@${SANDBOX_DOMAIN}`;
    const okta: SandboxOktaUser = { id: oktaUserId(seed, n), login: upn, email: upn, firstName: 'Former', lastName: String(n), status: 'ACTIVE' };
    oktaUsers.push(okta);
    addAppUser(okta, sandboxUuid(`large-gone|${seed}|${n}`), upn, ['SPE_E3'], null);
  }
  users.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    graph: {
      tenantId: SANDBOX_TENANT_ID, domain: SANDBOX_DOMAIN, users, groups, licensePathErrors: pathErrors,
      skus: SKUS.map((s) => ({ ...s, enabledUnits: s.skuId === SKU.POWER_BI_PRO ? 0 : options.users * 2 })),
    },
    okta: {
      orgName: 'contoso-sandbox', users: oktaUsers, groups: [], apps: [app],
      logs: logs.sort((a, b) => b.published.localeCompare(a.published)),
      workflows: [{ alias: WORKFLOWS_FLOW.alias, clientToken: WORKFLOWS_FLOW.clientToken, invocations: [] }],
    },
  };
}
