// `GET /api/v1/meta/schemas/apps/{appId}/default`: the app user schema. The licenses and roles attributes are
// string arrays titled "Licenses" and "Roles", named as the app's `schema` says (real names are UNCONFIRMED,
// reference/okta.md §2); they sit in `definitions.base`, where an OIN app defines its own attributes.
import type { Router, SandboxRequest } from '../http.ts';
import { productName } from '../../core/licensing/product-catalog.ts';
import type { SandboxOktaApp } from '../state.ts';
import type { SandboxTenant } from '../tenant.ts';
import { findApp, orgUrl, type OktaSandboxContext } from './okta-context.ts';
import { notFound } from './okta-errors.ts';

const text = (title: string, extra: Record<string, unknown> = {}) => ({
  title, type: 'string', mutability: 'READ_WRITE', scope: 'NONE', master: { type: 'PROFILE_MASTER' }, ...extra,
});
const list = (title: string, items: Record<string, unknown> = {}) => ({
  title, type: 'array', items: { type: 'string', ...items }, mutability: 'READ_WRITE', scope: 'NONE', master: { type: 'PROFILE_MASTER' },
});

/** The Licenses attribute's value list, as the tenant's behaviour asks: one value per subscribed SKU it offers. */
function licenseItems(tenant: SandboxTenant): Record<string, unknown> {
  const { licenseValueList, licensesNotOffered } = tenant.behaviour;
  const left = new Set(licensesNotOffered.map((p) => p.toLowerCase()));
  const skus = tenant.state.graph.skus.filter((s) => !left.has(s.skuPartNumber.toLowerCase()));
  switch (licenseValueList) {
    case 'none': return {};
    case 'enum': return { enum: skus.map((s) => s.skuPartNumber) };
    case 'oneOf': return { oneOf: skus.map((s) => ({ const: s.skuPartNumber, title: productName(s.skuId, s.skuPartNumber) })) };
  }
}

/** The app user schema of an Office 365 app instance, in Okta's `UserSchema` shape. */
function appUserSchemaJson(req: SandboxRequest, app: SandboxOktaApp, tenant: SandboxTenant): Record<string, unknown> {
  const id = `${orgUrl(req)}/api/v1/meta/schemas/apps/${app.id}/default`;
  return {
    id,
    $schema: 'http://json-schema.org/draft-04/schema#',
    name: app.name,
    title: 'Microsoft Office 365 User',
    created: app.created,
    lastUpdated: app.lastUpdated,
    type: 'object',
    definitions: {
      base: {
        id: '#base',
        type: 'object',
        properties: {
          userName: text('Username', { required: true, maxLength: 100 }),
          email: text('Email'),
          firstName: text('First name'),
          lastName: text('Last name'),
          displayName: text('Display name'),
          department: text('Department'),
          title: text('Title'),
          usageLocation: text('Usage location'),
          [app.schema.licensesAttribute]: list('Licenses', licenseItems(tenant)),
          [app.schema.rolesAttribute]: list('Roles'),
        },
        required: ['userName'],
      },
      custom: { id: '#custom', type: 'object', properties: {}, required: [] },
    },
    properties: { profile: { allOf: [{ $ref: '#/definitions/custom' }, { $ref: '#/definitions/base' }] } },
    _links: { self: { href: id } },
  };
}

/** Registers the app user schema route. */
export function registerAppUserSchemaRoute(router: Router, { tenant }: OktaSandboxContext): void {
  router.on('GET', '/api/v1/meta/schemas/apps/:appId/default', (req) => {
    const app = findApp(tenant, req.params.appId ?? '');
    return app ? { status: 200, body: appUserSchemaJson(req, app, tenant) } : notFound(req.params.appId ?? '', 'AppInstance');
  });
}
