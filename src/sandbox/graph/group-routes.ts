// /v1.0/groups routes: get with $select, members (paged) and $count, add/remove a member by reference with the
// failures Graph gives for dynamic, synced, mail-enabled and role-assignable groups, the dangerous member
// DELETE without /$ref (Graph deletes the member object itself), and the group's assignLicense.
import type { SandboxRequest } from '../http.ts';
import type { SandboxGroup } from '../state.ts';
import { assignGroupLicense, parseAssignLicenseBody } from './assign-license.ts';
import type { GraphContext } from './graph-context.ts';
import { GraphFailure, graphEmpty, graphJson, graphText, jsonBody, resourceNotFound } from './graph-response.ts';
import { graphRoute, param, type GraphRouter } from './graph-router.ts';
import { GROUP_PROPERTIES, groupJson } from './group-view.ts';
import { directMemberIds, directUserMembers, findGroup, findUser, isDirectMember, isDynamicGroup, sameId } from './group-membership.ts';
import { forgetLicensing, recordLicensingChange } from './licensing-queue.ts';
import { odataContext, page, selectOption, topOption } from './query-options.ts';
import { userJson } from './user-view.ts';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DENIED = 'Insufficient privileges to complete the operation.';

function lookupGroup(ctx: GraphContext, req: SandboxRequest): SandboxGroup {
  const id = param(req.params, 'id');
  if (!GUID.test(id)) throw new GraphFailure(400, 'Request_BadRequest', `Invalid object identifier '${id}'.`);
  const group = findGroup(ctx.tenant.state, id);
  if (!group) throw resourceNotFound(id);
  return group;
}

/** Why Graph refuses to change this group's membership (reference/graph.md §1.3), or null when it allows it. */
function membershipChangeFailure(group: SandboxGroup): GraphFailure | null {
  if (isDynamicGroup(group)) return new GraphFailure(403, 'Authorization_RequestDenied', DENIED);
  if (group.onPremisesSyncEnabled === true) {
    return new GraphFailure(400, 'Request_BadRequest', 'Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration.');
  }
  if (group.mailEnabled && !group.groupTypes.some((t) => sameId(t, 'Unified'))) {
    return new GraphFailure(400, 'Request_BadRequest', 'Cannot Update a mail-enabled security groups and or distribution list.');
  }
  // License Doctor's least-privilege app lacks RoleManagement.ReadWrite.Directory, which role-assignable groups need.
  if (group.isAssignableToRole === true) return new GraphFailure(403, 'Authorization_RequestDenied', DENIED);
  return null;
}

function memberJson(ctx: GraphContext, id: string): Record<string, unknown> | null {
  const { state } = ctx.tenant;
  const user = state.graph.users.find((u) => sameId(u.id, id));
  if (user) return { '@odata.type': '#microsoft.graph.user', ...userJson(state, user, null, ctx.tenant.now()) };
  const group = findGroup(state, id);
  return group ? { '@odata.type': '#microsoft.graph.group', ...groupJson(state, group, null, ctx.tenant.now()) } : null;
}

function listMembers(ctx: GraphContext, req: SandboxRequest) {
  const group = lookupGroup(ctx, req);
  const members = directMemberIds(ctx.tenant.state, group).flatMap((id) => memberJson(ctx, id) ?? []);
  const { items, nextLink } = page(req, members, topOption(req, 100));
  return graphJson(req, 200, { '@odata.context': odataContext(req, 'directoryObjects', null, false), ...(nextLink ? { '@odata.nextLink': nextLink } : {}), value: items });
}

function countMembers(ctx: GraphContext, req: SandboxRequest) {
  const group = lookupGroup(ctx, req);
  const level = req.headers['consistencylevel'];
  if ((Array.isArray(level) ? level[0] : level)?.toLowerCase() !== 'eventual') {
    throw new GraphFailure(400, 'Request_BadRequest', '$count is not currently supported.');
  }
  return graphText(req, 200, String(directMemberIds(ctx.tenant.state, group).length));
}

function addMember(ctx: GraphContext, req: SandboxRequest) {
  const group = lookupGroup(ctx, req);
  const body = jsonBody(req);
  const ref = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['@odata.id'] : undefined;
  const id = typeof ref === 'string' ? /\/(?:directoryObjects|users|groups)\/([^/?#]+)$/.exec(ref)?.[1] : undefined;
  if (id === undefined) throw new GraphFailure(400, 'BadRequest', "The request payload must carry '@odata.id' with the URL of a directory object.");
  const { state } = ctx.tenant;
  const objectId = findUser(state, id)?.id ?? findGroup(state, id)?.id;
  if (!objectId) throw resourceNotFound(id);
  const refused = membershipChangeFailure(group);
  if (refused) throw refused;
  if (isDirectMember(state, group, objectId)) {
    throw new GraphFailure(400, 'Request_BadRequest', "One or more added object references already exist for the following modified properties: 'members'.");
  }
  recordLicensingChange(ctx.tenant, [objectId], () => group.members.push(objectId));
  ctx.tenant.save();
  return graphEmpty(req);
}

function removeMemberRef(ctx: GraphContext, req: SandboxRequest) {
  const group = lookupGroup(ctx, req);
  const memberId = param(req.params, 'memberId');
  const refused = membershipChangeFailure(group);
  if (refused) throw refused;
  if (!isDirectMember(ctx.tenant.state, group, memberId)) throw resourceNotFound(memberId);
  recordLicensingChange(ctx.tenant, [memberId], () => {
    group.members = group.members.filter((m) => !sameId(m, memberId));
  });
  ctx.tenant.save();
  return graphEmpty(req);
}

// Graph's real meaning of DELETE /groups/{id}/members/{id} without /$ref: the member object itself is deleted
// (when the app may delete it). The sandbox does it and records it, so a test can prove nobody sends it.
function deleteMemberObject(ctx: GraphContext, req: SandboxRequest) {
  const group = lookupGroup(ctx, req);
  const memberId = param(req.params, 'memberId');
  const { state } = ctx.tenant;
  if (!isDirectMember(state, group, memberId)) throw resourceNotFound(memberId);
  const user = state.graph.users.find((u) => sameId(u.id, memberId));
  const deletedGroup = findGroup(state, memberId);
  const dropFromGroups = (id: string) => state.graph.groups.forEach((g) => { g.members = g.members.filter((m) => !sameId(m, id)); });
  if (user) {
    state.graph.users = state.graph.users.filter((u) => u !== user);
    state.graph.licensePathErrors = state.graph.licensePathErrors.filter((e) => !sameId(e.userId, user.id));
    dropFromGroups(user.id);
    forgetLicensing(state, user.id);
  } else if (deletedGroup) {
    recordLicensingChange(ctx.tenant, directUserMembers(state, deletedGroup).map((u) => u.id), () => {
      state.graph.groups = state.graph.groups.filter((g) => g !== deletedGroup);
      dropFromGroups(deletedGroup.id);
    });
  }
  (state.graph.deletedObjects ??= []).push({
    id: user?.id ?? deletedGroup?.id ?? memberId,
    kind: user ? 'user' : 'group',
    deletedAt: ctx.tenant.now().toISOString(),
    via: `${req.method} ${req.path}`,
  });
  ctx.tenant.save();
  return graphEmpty(req);
}

function assignLicense(ctx: GraphContext, req: SandboxRequest) {
  const group = lookupGroup(ctx, req);
  assignGroupLicense(ctx.tenant, group, parseAssignLicenseBody(jsonBody(req)));
  ctx.tenant.save();
  return graphJson(req, 202, { '@odata.context': odataContext(req, 'groups', null, true), ...groupJson(ctx.tenant.state, group, null, ctx.tenant.now()) });
}

/** Registers the group routes. */
export function registerGroupRoutes(router: GraphRouter, ctx: GraphContext): void {
  router
    .on('GET', '/v1.0/groups/:id', graphRoute(ctx, (req) => {
      const group = lookupGroup(ctx, req);
      const select = selectOption(req, GROUP_PROPERTIES, 'group');
      return graphJson(req, 200, { '@odata.context': odataContext(req, 'groups', select, true), ...groupJson(ctx.tenant.state, group, select, ctx.tenant.now()) });
    }))
    .on('GET', '/v1.0/groups/:id/members', graphRoute(ctx, (req) => listMembers(ctx, req)))
    .on('GET', '/v1.0/groups/:id/members/$count', graphRoute(ctx, (req) => countMembers(ctx, req)))
    .on('POST', '/v1.0/groups/:id/members/$ref', graphRoute(ctx, (req) => addMember(ctx, req)))
    .on('DELETE', '/v1.0/groups/:id/members/:memberId/$ref', graphRoute(ctx, (req) => removeMemberRef(ctx, req)))
    .on('DELETE', '/v1.0/groups/:id/members/:memberId', graphRoute(ctx, (req) => deleteMemberObject(ctx, req)))
    .on('POST', '/v1.0/groups/:id/assignLicense', graphRoute(ctx, (req) => assignLicense(ctx, req)))
    .on('POST', '/v1.0/groups/:id/microsoft.graph.assignLicense', graphRoute(ctx, (req) => assignLicense(ctx, req)));
}
