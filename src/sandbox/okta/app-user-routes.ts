// App users of an Office 365 app: list (paged), read, and `POST` a profile, which makes Okta push it.
// Sandbox assumption (UNCONFIRMED, reference/okta.md §3): a POST that changes a GROUP-scoped app user's
// profile turns it into an individual (USER-scoped) assignment; an unchanged POST keeps it GROUP-scoped.
import type { Router, SandboxRequest, SandboxResponse } from '../http.ts';
import type { SandboxAppUser, SandboxOktaApp } from '../state.ts';
import type { SandboxTenant } from '../tenant.ts';
import { findApp, findOktaUser, isRecord, jsonBody, orgUrl, sameJson, type OktaSandboxContext } from './okta-context.ts';
import { notFound, validationFailed } from './okta-errors.ts';
import { pageOf } from './paging.ts';
import { userJson } from './user-routes.ts';

/** An app user in Okta's `AppUser` shape (`expand=user` embeds the Okta user). */
function appUserJson(req: SandboxRequest, tenant: SandboxTenant, app: SandboxOktaApp, au: SandboxAppUser): Record<string, unknown> {
  const base = orgUrl(req);
  const links: Record<string, unknown> = {
    app: { href: `${base}/api/v1/apps/${app.id}` },
    user: { href: `${base}/api/v1/users/${au.userId}` },
  };
  if (au.scope === 'GROUP') {
    const group = tenant.state.okta.groups.find((g) => g.members.includes(au.userId) && app.groupAssignments.some((a) => a.groupId === g.id));
    if (group) links.group = { name: group.name, href: `${base}/api/v1/groups/${group.id}` };
  }
  const json: Record<string, unknown> = {
    id: au.userId,
    created: au.created,
    lastUpdated: au.lastUpdated,
    scope: au.scope,
    status: au.status,
    statusChanged: au.created,
    passwordChanged: null,
    syncState: au.syncState,
    credentials: { userName: au.userName },
    profile: au.profile,
    _links: links,
  };
  // The spec types these as strings, not nullable: Okta leaves them out until they have a value.
  if (au.externalId !== null) json.externalId = au.externalId;
  if (au.lastSync !== null) json.lastSync = au.lastSync;
  if (req.url.searchParams.get('expand') === 'user') {
    const user = tenant.state.okta.users.find((u) => u.id === au.userId);
    if (user) json._embedded = { user: userJson(req, tenant, user) };
  }
  return json;
}

function lookup(tenant: SandboxTenant, req: SandboxRequest): { app: SandboxOktaApp; au: SandboxAppUser } | SandboxResponse {
  const app = findApp(tenant, req.params.appId ?? '');
  if (!app) return notFound(req.params.appId ?? '', 'AppInstance');
  const user = findOktaUser(tenant, req.params.userId ?? '');
  const au = user && app.appUsers.find((x) => x.userId === user.id);
  return au ? { app, au } : notFound(req.params.userId ?? '', 'AppUser');
}

/**
 * Added license values the app's Licenses list does not offer (Okta validates an enumerated attribute). Values held
 * before are let through: the sandbox seeds stale values on purpose, and whether Okta re-validates them is UNCONFIRMED.
 */
function unofferedLicenses(tenant: SandboxTenant, app: SandboxOktaApp, before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): string[] {
  if (!tenant.behaviour.enforcesLicenseList || tenant.behaviour.licenseValueList === 'none') return [];
  const values = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);
  const held = new Set(values(before[app.schema.licensesAttribute]));
  const left = new Set(tenant.behaviour.licensesNotOffered.map((p) => p.toLowerCase()));
  const offered = new Set(tenant.state.graph.skus.filter((s) => !left.has(s.skuPartNumber.toLowerCase())).map((s) => s.skuPartNumber.toLowerCase()));
  return values(after[app.schema.licensesAttribute]).filter((v) => !held.has(v) && !offered.has(v.toLowerCase()));
}

function postProfile(req: SandboxRequest, ctx: OktaSandboxContext): SandboxResponse {
  const found = lookup(ctx.tenant, req);
  if ('status' in found) return found;
  const body = jsonBody(req);
  if (!body.ok) return body.response;
  if (!isRecord(body.value)) return validationFailed('appUser', 'The request body must be an app user object.');
  const { app, au } = found;
  const profile = body.value.profile;
  if (profile !== undefined && !isRecord(profile)) return validationFailed('profile', 'profile: must be an object.');
  const changed = profile !== undefined && !sameJson(profile, au.profile);
  const refused = changed ? unofferedLicenses(ctx.tenant, app, au.profile, profile) : [];
  if (refused.length > 0) {
    return validationFailed(app.schema.licensesAttribute, ...refused.map((v) => `${app.schema.licensesAttribute}: '${v}' is not one of the values the app offers.`));
  }
  if (changed) {
    au.profile = { ...profile };
    if (au.scope === 'GROUP') au.scope = 'USER';
  }
  au.lastUpdated = ctx.tenant.now().toISOString();
  ctx.tenant.save();
  ctx.push.profilePosted(app.id, au.userId, changed);
  return { status: 200, body: appUserJson(req, ctx.tenant, app, au) };
}

/** Registers the app user routes. */
export function registerAppUserRoutes(router: Router, ctx: OktaSandboxContext): void {
  const { tenant } = ctx;
  router.on('GET', '/api/v1/apps/:appId/users', (req) => {
    const app = findApp(tenant, req.params.appId ?? '');
    if (!app) return notFound(req.params.appId ?? '', 'AppInstance');
    const { page, headers } = pageOf(req, app.appUsers, (au) => au.userId, { defaultLimit: 50, maxLimit: 500 });
    return { status: 200, headers, body: page.map((au) => appUserJson(req, tenant, app, au)) };
  });
  router.on('GET', '/api/v1/apps/:appId/users/:userId', (req) => {
    const found = lookup(tenant, req);
    return 'status' in found ? found : { status: 200, body: appUserJson(req, tenant, found.app, found.au) };
  });
  router.on('POST', '/api/v1/apps/:appId/users/:userId', (req) => postProfile(req, ctx));
}
