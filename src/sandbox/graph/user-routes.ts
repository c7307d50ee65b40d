// /v1.0/users routes: get by id or UPN with $select, list with $filter and paging, PATCH of a few attributes
// (so that manual steps such as "change the department" can be simulated), assignLicense, checkMemberGroups.
import type { SandboxRequest } from '../http.ts';
import type { SandboxEntraUser } from '../state.ts';
import { assignUserLicense, parseAssignLicenseBody } from './assign-license.ts';
import type { GraphContext } from './graph-context.ts';
import { GraphFailure, graphEmpty, graphJson, jsonBody, resourceNotFound } from './graph-response.ts';
import { KEY_IN_PARENS, graphRoute, param, type GraphRouter } from './graph-router.ts';
import { findGroup, findUser, isTransitiveMember } from './group-membership.ts';
import { recordLicensingChange } from './licensing-queue.ts';
import { evaluateFilter, filterProperties, parseFilter } from './odata-filter.ts';
import { odataContext, page, selectOption, topOption } from './query-options.ts';
import { USER_PROPERTIES, userJson, userProperties } from './user-view.ts';

const FILTERABLE = ['id', 'userPrincipalName', 'mail', 'displayName', 'givenName', 'surname', 'jobTitle', 'department', 'usageLocation', 'accountEnabled', 'proxyAddresses', 'otherMails'];

/** The user a request names; Graph refuses a key-as-segment starting with `$` (it reads it as a system segment). */
function lookupUser(ctx: GraphContext, req: SandboxRequest): SandboxEntraUser {
  const key = param(req.params, 'id');
  if (key.startsWith('$') && req.params[KEY_IN_PARENS] === undefined) {
    throw new GraphFailure(400, 'BadRequest', "The request URI is not valid. Since the segment 'users' refers to a collection, this must be the last segment in the request URI or it must be followed by an function or action that can be bound to it otherwise all intermediate segments must refer to a single resource.");
  }
  const user = findUser(ctx.tenant.state, key);
  if (!user) throw resourceNotFound(key);
  return user;
}

function listUsers(ctx: GraphContext, req: SandboxRequest) {
  const { state } = ctx.tenant;
  const now = ctx.tenant.now();
  const select = selectOption(req, USER_PROPERTIES, 'user');
  const top = topOption(req, 100);
  const filterText = req.url.searchParams.get('$filter');
  let users = state.graph.users;
  if (filterText !== null) {
    const filter = parseFilter(filterText);
    const unsupported = filterProperties(filter).find((p) => !FILTERABLE.some((f) => f.toLowerCase() === p.toLowerCase()));
    if (unsupported) throw new GraphFailure(400, 'Request_UnsupportedQuery', `Unsupported or invalid query filter clause specified for property '${unsupported}' of resource 'User'.`);
    users = users.filter((u) => {
      const props = Object.entries(userProperties(state, u, now));
      return evaluateFilter(filter, (name) => props.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1]);
    });
  }
  const { items, nextLink } = page(req, users, top);
  return graphJson(req, 200, {
    '@odata.context': odataContext(req, 'users', select, false),
    ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
    value: items.map((u) => userJson(state, u, select, now)),
  });
}

const STRING_ATTRIBUTES = ['displayName', 'givenName', 'surname', 'jobTitle', 'department', 'usageLocation'] as const;

function patchUser(ctx: GraphContext, req: SandboxRequest) {
  const user = lookupUser(ctx, req);
  const body = jsonBody(req);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new GraphFailure(400, 'BadRequest', 'The request payload must be a JSON object.');
  const changes: Array<() => void> = [];
  for (const [key, value] of Object.entries(body)) {
    const name = [...STRING_ATTRIBUTES, 'accountEnabled'].find((a) => a.toLowerCase() === key.toLowerCase());
    if (name === undefined) {
      throw new GraphFailure(400, 'BadRequest', `Property '${key}' does not exist on type 'microsoft.graph.user'. Make sure to only use property names that are defined by the type or mark the type as open type.`);
    }
    const invalid = new GraphFailure(400, 'Request_BadRequest', `Invalid value specified for property '${name}' of resource 'User'.`);
    if (name === 'accountEnabled') {
      if (typeof value !== 'boolean') throw invalid;
      changes.push(() => { user.accountEnabled = value; });
      continue;
    }
    if (value !== null && typeof value !== 'string') throw invalid;
    if (name === 'usageLocation' && value !== null && !/^[A-Za-z]{2}$/.test(value)) throw invalid;
    if (name === 'displayName' && !value) throw invalid;
    changes.push(() => {
      switch (name) {
        case 'displayName': user.displayName = value ?? user.displayName; break;
        case 'usageLocation': user.usageLocation = value === null ? null : value.toUpperCase(); break;
        case 'givenName': user.givenName = value; break;
        case 'surname': user.surname = value; break;
        case 'jobTitle': user.jobTitle = value; break;
        case 'department': user.department = value; break;
      }
    });
  }
  // Attribute changes can move the user in or out of dynamic groups, which group-based licensing then follows.
  recordLicensingChange(ctx.tenant, [user.id], () => changes.forEach((c) => c()));
  ctx.tenant.save();
  return graphEmpty(req);
}

function assignLicense(ctx: GraphContext, req: SandboxRequest) {
  const user = lookupUser(ctx, req);
  assignUserLicense(ctx.tenant, user, parseAssignLicenseBody(jsonBody(req)));
  ctx.tenant.save();
  return graphJson(req, 200, { '@odata.context': odataContext(req, 'users', null, true), ...userJson(ctx.tenant.state, user, null, ctx.tenant.now()) });
}

function checkMemberGroups(ctx: GraphContext, req: SandboxRequest) {
  const user = lookupUser(ctx, req);
  const body = jsonBody(req);
  const ids = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['groupIds'] : undefined;
  if (!Array.isArray(ids)) {
    throw new GraphFailure(400, 'Request_BadRequest', "One or more parameters of the operation 'checkMemberGroups' are missing from the request payload. The missing parameters are: groupIds.");
  }
  if (ids.length > 20) throw new GraphFailure(400, 'Request_BadRequest', '[sandbox] checkMemberGroups accepts at most 20 group ids.');
  const { state } = ctx.tenant;
  const value = ids.flatMap((id) => {
    const group = typeof id === 'string' ? findGroup(state, id) : undefined;
    return group && isTransitiveMember(state, group, user.id) ? [group.id] : [];
  });
  return graphJson(req, 200, { '@odata.context': odataContext(req, 'Collection(Edm.String)', null, false), value });
}

/** Registers the user routes (actions also under their namespace-qualified names, as Okta calls them). */
export function registerUserRoutes(router: GraphRouter, ctx: GraphContext): void {
  router
    .on('GET', '/v1.0/users', graphRoute(ctx, (req) => listUsers(ctx, req)))
    .on('GET', '/v1.0/users/:id', graphRoute(ctx, (req) => {
      const user = lookupUser(ctx, req);
      const select = selectOption(req, USER_PROPERTIES, 'user');
      return graphJson(req, 200, { '@odata.context': odataContext(req, 'users', select, true), ...userJson(ctx.tenant.state, user, select, ctx.tenant.now()) });
    }))
    .on('PATCH', '/v1.0/users/:id', graphRoute(ctx, (req) => patchUser(ctx, req)));
  for (const prefix of ['', 'microsoft.graph.']) {
    router
      .on('POST', `/v1.0/users/:id/${prefix}assignLicense`, graphRoute(ctx, (req) => assignLicense(ctx, req)))
      .on('POST', `/v1.0/users/:id/${prefix}checkMemberGroups`, graphRoute(ctx, (req) => checkMemberGroups(ctx, req)));
  }
}
