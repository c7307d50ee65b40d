// What a person does by hand in the sandbox tenant while License Doctor waits (a manual step, an admin retrying an
// Okta task, someone changing things between request and approval), and independent reads of the tenant for
// assertions: through the sandbox's Graph and Okta APIs where those allow it, else in the tenant's state, as the
// on-premises directory or Exchange Online would.
import { OKTA_APP } from '../../src/sandbox/seed.ts';
import type { RunningSandbox } from '../../src/sandbox/start-sandbox.ts';

async function call(url: string, init: { method: string; auth: string; body?: unknown }): Promise<unknown> {
  const res = await fetch(url, {
    method: init.method,
    headers: { authorization: init.auth, 'content-type': 'application/json', accept: 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method} ${url} answered ${res.status}: ${text}`);
  return text === '' ? null : (JSON.parse(text) as unknown);
}

/** A call to the sandbox's Microsoft Graph (path after /v1.0), as an administrator's tool would make it. */
export function graph(sandbox: RunningSandbox, method: string, path: string, body?: unknown): Promise<unknown> {
  return call(`${sandbox.endpoints.graphBaseUrl}${path}`, { method, auth: `Bearer ${sandbox.endpoints.graphToken}`, body });
}

/** A call to the sandbox's Okta management API. */
export function okta(sandbox: RunningSandbox, method: string, path: string, body?: unknown): Promise<unknown> {
  return call(`${sandbox.endpoints.oktaOrgUrl}${path}`, { method, auth: `SSWS ${sandbox.endpoints.oktaToken}`, body });
}

export interface LicensePath {
  readonly skuId: string;
  readonly assignedByGroup: string | null;
  readonly state: string;
}

/** The user's licenseAssignmentStates, as Graph reports them now. */
export async function licensePaths(sandbox: RunningSandbox, userId: string): Promise<LicensePath[]> {
  const user = (await graph(sandbox, 'GET', `/users/${userId}?$select=id,licenseAssignmentStates`)) as { licenseAssignmentStates: LicensePath[] };
  return user.licenseAssignmentStates.map((p) => ({ skuId: p.skuId.toLowerCase(), assignedByGroup: p.assignedByGroup?.toLowerCase() ?? null, state: p.state }));
}

export interface AppUser {
  readonly syncState: string;
  readonly lastSync?: string;
  readonly lastUpdated: string;
  readonly scope: string;
  readonly profile: Record<string, unknown>;
}

/** The user's Office 365 app user in Okta (main instance). */
export async function appUser(sandbox: RunningSandbox, oktaUserId: string, appId: string = OKTA_APP.MAIN): Promise<AppUser> {
  return (await okta(sandbox, 'GET', `/api/v1/apps/${appId}/users/${oktaUserId}`)) as AppUser;
}

/** Provisioning of the app: ENABLED or DISABLED. */
export async function provisioning(sandbox: RunningSandbox, appId: string = OKTA_APP.MAIN): Promise<string> {
  return ((await okta(sandbox, 'GET', `/api/v1/apps/${appId}/connections/default`)) as { status: string }).status;
}

/** Okta push failures recorded for the user after `sinceIso`. */
export function pushFailuresSince(sandbox: RunningSandbox, oktaUserId: string, sinceIso: string): unknown[] {
  return sandbox.tenant.state.okta.logs.filter((e) => {
    const outcome = e['outcome'] as { result?: string } | undefined;
    const targets = (e['target'] as Array<{ id: string }> | undefined) ?? [];
    return e.published > sinceIso && outcome?.result === 'FAILURE' && targets.some((t) => t.id === oktaUserId);
  });
}

/** Takes a user out of a group where Graph refuses it (on-premises AD, Exchange Online, a privileged administrator). */
export function removeMemberElsewhere(sandbox: RunningSandbox, groupId: string, userId: string): void {
  const group = sandbox.tenant.state.graph.groups.find((g) => g.id.toLowerCase() === groupId.toLowerCase());
  if (!group) throw new Error(`no sandbox group ${groupId}`);
  group.members = group.members.filter((m) => m.toLowerCase() !== userId.toLowerCase());
  sandbox.tenant.save();
}

/** The Okta admin retries the failed push (Dashboard > Tasks): Okta pushes the app user's profile again. */
export async function retryOktaPush(sandbox: RunningSandbox, oktaUserId: string, appId: string = OKTA_APP.MAIN): Promise<void> {
  const current = await appUser(sandbox, oktaUserId, appId);
  const pushes = sandbox.tenant.behaviour.pushesUnchangedProfile;
  // A retried task pushes whatever the profile holds; the sandbox models it as a re-post it always pushes.
  sandbox.tenant.behaviour.pushesUnchangedProfile = true;
  try {
    await okta(sandbox, 'POST', `/api/v1/apps/${appId}/users/${oktaUserId}`, { profile: current.profile });
  } finally {
    sandbox.tenant.behaviour.pushesUnchangedProfile = pushes;
  }
  await sandbox.okta.idle();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once Okta's pending pushes ran and group-based licensing applied every pending change. */
export async function settled(sandbox: RunningSandbox): Promise<void> {
  await sandbox.okta.idle();
  const pending = sandbox.tenant.state.graph.pendingLicensing ?? [];
  const last = Math.max(0, ...pending.map((j) => Date.parse(j.effectiveAt)));
  if (last > Date.now()) await sleep(last - Date.now() + 1);
}
