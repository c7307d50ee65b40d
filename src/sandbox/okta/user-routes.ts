// `GET /api/v1/users/{id|login|shortname}` and `GET /api/v1/users/{id}/groups`, in Okta's User and Group shapes.
import type { Router, SandboxRequest } from '../http.ts';
import type { SandboxOktaGroup, SandboxOktaUser } from '../state.ts';
import type { SandboxTenant } from '../tenant.ts';
import { findOktaUser, orgUrl, type OktaSandboxContext } from './okta-context.ts';
import { notFound } from './okta-errors.ts';

/** When the org was created: Okta users and groups carry created dates the sandbox state does not keep. */
function orgCreated(tenant: SandboxTenant): string {
  return tenant.state.okta.apps[0]?.created ?? '2024-01-01T00:00:00.000Z';
}

/** A user in Okta's `User` shape. */
export function userJson(req: SandboxRequest, tenant: SandboxTenant, u: SandboxOktaUser): Record<string, unknown> {
  const created = orgCreated(tenant);
  const href = `${orgUrl(req)}/api/v1/users/${u.id}`;
  return {
    id: u.id,
    status: u.status,
    created,
    activated: u.status === 'ACTIVE' ? created : null,
    statusChanged: created,
    lastLogin: null,
    lastUpdated: created,
    passwordChanged: null,
    type: { id: 'otysbx00000000000001' },
    profile: {
      firstName: u.firstName,
      lastName: u.lastName,
      displayName: `${u.firstName} ${u.lastName}`,
      mobilePhone: null,
      secondEmail: null,
      login: u.login,
      email: u.email,
    },
    credentials: { provider: { type: 'OKTA', name: 'OKTA' } },
    _links: { self: { href }, schema: { href: `${orgUrl(req)}/api/v1/meta/schemas/user/oscsbx0000000000001` } },
  };
}

/** A group in Okta's `Group` shape. */
export function groupJson(req: SandboxRequest, tenant: SandboxTenant, g: SandboxOktaGroup): Record<string, unknown> {
  const created = orgCreated(tenant);
  const href = `${orgUrl(req)}/api/v1/groups/${g.id}`;
  return {
    id: g.id,
    created,
    lastUpdated: created,
    lastMembershipUpdated: created,
    objectClass: ['okta:user_group'],
    type: g.name === 'Everyone' ? 'BUILT_IN' : 'OKTA_GROUP',
    profile: { name: g.name, description: g.description ?? '' },
    _links: { self: { href }, users: { href: `${href}/users` }, apps: { href: `${href}/apps` } },
  };
}

/** Registers the user routes. */
export function registerUserRoutes(router: Router, { tenant }: OktaSandboxContext): void {
  router.on('GET', '/api/v1/users/:userId', (req) => {
    const user = findOktaUser(tenant, req.params.userId ?? '');
    if (!user) return notFound(req.params.userId ?? '', 'User');
    return { status: 200, body: userJson(req, tenant, user) };
  });
  router.on('GET', '/api/v1/users/:userId/groups', (req) => {
    const user = findOktaUser(tenant, req.params.userId ?? '');
    if (!user) return notFound(req.params.userId ?? '', 'User');
    const groups = tenant.state.okta.groups.filter((g) => g.members.includes(user.id));
    return { status: 200, body: groups.map((g) => groupJson(req, tenant, g)) };
  });
}
