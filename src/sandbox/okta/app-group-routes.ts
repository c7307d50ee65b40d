// Okta group assignments of an app: list (paged, `expand=group`) and `PUT` a new assignment profile. Members
// of the group who hold the app through a group (GROUP scope) take the profile of their highest-priority
// group assignment ("Use Group Priority") and are pushed when it changes.
import type { Router, SandboxRequest, SandboxResponse } from '../http.ts';
import type { SandboxGroupAssignment, SandboxOktaApp } from '../state.ts';
import type { SandboxTenant } from '../tenant.ts';
import { findApp, isRecord, jsonBody, orgUrl, sameJson, type OktaSandboxContext } from './okta-context.ts';
import { notFound, validationFailed } from './okta-errors.ts';
import { pageOf } from './paging.ts';
import { groupJson } from './user-routes.ts';

/** A group assignment in Okta's `ApplicationGroupAssignment` shape. */
function groupAssignmentJson(req: SandboxRequest, tenant: SandboxTenant, app: SandboxOktaApp, a: SandboxGroupAssignment): Record<string, unknown> {
  const base = orgUrl(req);
  const json: Record<string, unknown> = {
    id: a.groupId,
    lastUpdated: a.lastUpdated,
    priority: a.priority,
    profile: a.profile,
    _links: {
      self: { href: `${base}/api/v1/apps/${app.id}/groups/${a.groupId}` },
      app: { href: `${base}/api/v1/apps/${app.id}` },
      group: { href: `${base}/api/v1/groups/${a.groupId}` },
    },
  };
  const group = tenant.state.okta.groups.find((g) => g.id === a.groupId);
  if (group && req.url.searchParams.get('expand') === 'group') json._embedded = { group: groupJson(req, tenant, group) };
  return json;
}

/** Re-applies group assignment profiles to the group's GROUP-scoped members; returns whose profile changed. */
function applyToMembers(tenant: SandboxTenant, app: SandboxOktaApp, groupId: string): string[] {
  const members = tenant.state.okta.groups.find((g) => g.id === groupId)?.members ?? [];
  const changed: string[] = [];
  for (const au of app.appUsers) {
    if (au.scope !== 'GROUP' || !members.includes(au.userId)) continue;
    const winner = app.groupAssignments
      .filter((a) => tenant.state.okta.groups.some((g) => g.id === a.groupId && g.members.includes(au.userId)))
      .sort((x, y) => x.priority - y.priority)[0];
    if (!winner) continue;
    const profile = { ...au.profile, ...winner.profile };
    if (sameJson(profile, au.profile)) continue;
    au.profile = profile;
    au.lastUpdated = tenant.now().toISOString();
    changed.push(au.userId);
  }
  return changed;
}

function putAssignment(req: SandboxRequest, ctx: OktaSandboxContext): SandboxResponse {
  const { tenant } = ctx;
  const app = findApp(tenant, req.params.appId ?? '');
  if (!app) return notFound(req.params.appId ?? '', 'AppInstance');
  // Assigning a new group is not modelled: the sandbox only updates existing assignments.
  const assignment = app.groupAssignments.find((a) => a.groupId === req.params.groupId);
  if (!assignment) return notFound(req.params.groupId ?? '', 'ApplicationGroupAssignment');
  const body = jsonBody(req);
  if (!body.ok) return body.response;
  if (!isRecord(body.value)) return validationFailed('applicationGroupAssignment', 'The request body must be a group assignment object.');
  const { profile, priority } = body.value;
  if (profile !== undefined && !isRecord(profile)) return validationFailed('profile', 'profile: must be an object.');
  if (priority !== undefined && !Number.isInteger(priority)) return validationFailed('priority', 'priority: must be an integer.');
  if (profile !== undefined) assignment.profile = { ...profile };
  if (typeof priority === 'number') assignment.priority = priority;
  assignment.lastUpdated = tenant.now().toISOString();
  const changed = applyToMembers(tenant, app, assignment.groupId);
  tenant.save();
  for (const userId of changed) ctx.push.profilePosted(app.id, userId, true);
  return { status: 200, body: groupAssignmentJson(req, tenant, app, assignment) };
}

/** Registers the group assignment routes. */
export function registerAppGroupRoutes(router: Router, ctx: OktaSandboxContext): void {
  const { tenant } = ctx;
  router.on('GET', '/api/v1/apps/:appId/groups', (req) => {
    const app = findApp(tenant, req.params.appId ?? '');
    if (!app) return notFound(req.params.appId ?? '', 'AppInstance');
    const sorted = [...app.groupAssignments].sort((x, y) => x.priority - y.priority);
    const { page, headers } = pageOf(req, sorted, (a) => a.groupId, { defaultLimit: 20, maxLimit: 200 });
    return { status: 200, headers, body: page.map((a) => groupAssignmentJson(req, tenant, app, a)) };
  });
  router.on('PUT', '/api/v1/apps/:appId/groups/:groupId', (req) => putAssignment(req, ctx));
}
