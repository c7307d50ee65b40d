// GET /v1.0/groups/{id}/transitiveMembers/microsoft.graph.user: the users in a group, directly or through nested
// groups (paged, with $select), as Graph answers the OData cast. License Doctor reads the approvers group with it.
import type { SandboxRequest } from '../http.ts';
import type { GraphContext } from './graph-context.ts';
import { GraphFailure, graphJson, resourceNotFound } from './graph-response.ts';
import { graphRoute, param, type GraphRouter } from './graph-router.ts';
import { findGroup, isTransitiveMember } from './group-membership.ts';
import { odataContext, page, selectOption, topOption } from './query-options.ts';
import { USER_PROPERTIES, userJson } from './user-view.ts';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function listTransitiveUsers(ctx: GraphContext, req: SandboxRequest) {
  const id = param(req.params, 'id');
  if (!GUID.test(id)) throw new GraphFailure(400, 'Request_BadRequest', `Invalid object identifier '${id}'.`);
  const { state } = ctx.tenant;
  const group = findGroup(state, id);
  if (!group) throw resourceNotFound(id);
  const now = ctx.tenant.now();
  const select = selectOption(req, USER_PROPERTIES, 'user');
  const users = state.graph.users.filter((u) => isTransitiveMember(state, group, u.id));
  const { items, nextLink } = page(req, users, topOption(req, 100));
  return graphJson(req, 200, {
    '@odata.context': odataContext(req, 'users', select, false),
    ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
    value: items.map((u) => userJson(state, u, select, now)),
  });
}

/** Registers the route. */
export function registerTransitiveMembersRoute(router: GraphRouter, ctx: GraphContext): void {
  router.on('GET', '/v1.0/groups/:id/transitiveMembers/microsoft.graph.user', graphRoute(ctx, (req) => listTransitiveUsers(ctx, req)));
}
