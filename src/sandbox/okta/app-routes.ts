// `GET /api/v1/apps` (filter, q, limit, after) and `GET /api/v1/apps/{appId}`, in the Office365Application shape.
import type { Router, SandboxRequest, SandboxResponse } from '../http.ts';
import type { SandboxOktaApp } from '../state.ts';
import type { SandboxTenant } from '../tenant.ts';
import { findApp, orgUrl, type OktaSandboxContext } from './okta-context.ts';
import { notFound, oktaError } from './okta-errors.ts';
import { pageOf } from './paging.ts';
import { filterAttributes, filterOperators, matchesFilter, parseScimFilter } from './scim-filter.ts';

const FILTERABLE = ['id', 'status', 'name', 'credentials.signing.kid', 'settings.slo.enabled'];

/** An Office 365 app instance in Okta's `Office365Application` shape. */
function appJson(req: SandboxRequest, tenant: SandboxTenant, app: SandboxOktaApp): Record<string, unknown> {
  const href = `${orgUrl(req)}/api/v1/apps/${app.id}`;
  const domain = tenant.state.graph.domain;
  const lifecycle = app.status === 'ACTIVE' ? 'deactivate' : 'activate';
  return {
    id: app.id,
    name: app.name,
    label: app.label,
    status: app.status,
    created: app.created,
    lastUpdated: app.lastUpdated,
    accessibility: { selfService: false },
    visibility: { autoSubmitToolbar: false, hide: { iOS: false, web: false }, appLinks: { login: true } },
    features: [...app.features],
    signOnMode: 'SAML_1_1',
    credentials: {
      userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' },
      signing: { kid: `sbx-signing-${app.id}` },
    },
    settings: { app: { domain, msftTenant: domain.split('.')[0] ?? domain } },
    _links: {
      self: { href },
      users: { href: `${href}/users` },
      groups: { href: `${href}/groups` },
      appLinks: [{ name: 'login', href: `${orgUrl(req)}/home/office365/${app.id}/login`, type: 'text/html' }],
      [lifecycle]: { href: `${href}/lifecycle/${lifecycle}` },
    },
  };
}

function listApps(req: SandboxRequest, tenant: SandboxTenant): SandboxResponse {
  let apps = tenant.state.okta.apps.map((a) => appJson(req, tenant, a));
  const filterText = req.url.searchParams.get('filter');
  if (filterText !== null) {
    const parsed = parseScimFilter(filterText);
    if (!parsed.ok) return oktaError(400, 'E0000053', 'Invalid SCIM filter.', [parsed.error]);
    const unsupported = filterAttributes(parsed.filter).find((a) => !FILTERABLE.includes(a));
    const badOp = filterOperators(parsed.filter).find((o) => o !== 'eq' && o !== 'and');
    if (unsupported || badOp) {
      return oktaError(400, 'E0000031', 'Invalid search criteria.', [`Unsupported ${unsupported ? `attribute: ${unsupported}` : `operator: ${badOp ?? ''}`}`]);
    }
    apps = apps.filter((a) => matchesFilter(parsed.filter, a));
  }
  const q = req.url.searchParams.get('q')?.toLowerCase();
  if (q) apps = apps.filter((a) => [a.name, a.label].some((v) => typeof v === 'string' && v.toLowerCase().startsWith(q)));
  const { page, headers } = pageOf(req, apps, (a) => String(a.id), { defaultLimit: 20, maxLimit: 200 });
  return { status: 200, headers, body: page };
}

/** Registers the app routes. */
export function registerAppRoutes(router: Router, { tenant }: OktaSandboxContext): void {
  router.on('GET', '/api/v1/apps', (req) => listApps(req, tenant));
  router.on('GET', '/api/v1/apps/:appId', (req) => {
    const app = findApp(tenant, req.params.appId ?? '');
    return app ? { status: 200, body: appJson(req, tenant, app) } : notFound(req.params.appId ?? '', 'AppInstance');
  });
}
