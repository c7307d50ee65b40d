// Provisioning of an app: the default connection (read, activate, deactivate) and the provisioning features.
// Deactivating the connection turns the app's provisioning features off, as turning provisioning off in the
// Admin Console does; activating restores them.
import type { Router, SandboxRequest, SandboxResponse } from '../http.ts';
import type { SandboxOktaApp } from '../state.ts';
import { findApp, orgUrl, type OktaSandboxContext } from './okta-context.ts';
import { notFound, validationFailed } from './okta-errors.ts';

/** The app features that exist only while provisioning is on (the seeded ENABLED apps have exactly these). */
const PROVISIONING_FEATURES = ['PUSH_NEW_USERS', 'PUSH_PROFILE_UPDATES', 'PUSH_USER_DEACTIVATION', 'IMPORT_NEW_USERS', 'IMPORT_PROFILE_UPDATES'];

const enabled = (on: boolean) => ({ status: on ? 'ENABLED' : 'DISABLED' });

function connectionJson(req: SandboxRequest, app: SandboxOktaApp): Record<string, unknown> {
  const href = `${orgUrl(req)}/api/v1/apps/${app.id}/connections/default`;
  const lifecycle = app.connection === 'ENABLED' ? 'deactivate' : 'activate';
  return {
    status: app.connection,
    profile: { authScheme: 'OAUTH2' },
    _links: { self: { href }, [lifecycle]: { href: `${href}/lifecycle/${lifecycle}`, hints: { allow: ['POST'] } } },
  };
}

function featuresJson(req: SandboxRequest, app: SandboxOktaApp): Record<string, Record<string, unknown>> {
  const href = `${orgUrl(req)}/api/v1/apps/${app.id}/features`;
  const has = (f: string) => app.features.includes(f);
  const push = has('PUSH_NEW_USERS') || has('PUSH_PROFILE_UPDATES') || has('PUSH_USER_DEACTIVATION');
  const imports = has('IMPORT_NEW_USERS') || has('IMPORT_PROFILE_UPDATES');
  return {
    USER_PROVISIONING: {
      name: 'USER_PROVISIONING',
      status: push ? 'ENABLED' : 'DISABLED',
      description: 'User provisioning settings from Okta to a downstream app',
      capabilities: {
        create: { lifecycleCreate: enabled(has('PUSH_NEW_USERS')) },
        update: {
          profile: enabled(has('PUSH_PROFILE_UPDATES')),
          lifecycleDeactivate: enabled(has('PUSH_USER_DEACTIVATION')),
          password: { status: 'DISABLED', seed: 'RANDOM', change: 'KEEP_EXISTING' },
        },
      },
      _links: { self: { href: `${href}/USER_PROVISIONING`, hints: { allow: ['GET', 'PUT'] } } },
    },
    INBOUND_PROVISIONING: {
      name: 'INBOUND_PROVISIONING',
      status: imports ? 'ENABLED' : 'DISABLED',
      description: 'In-bound provisioning settings from an app to Okta',
      capabilities: {
        importSettings: { username: { usernameFormat: 'EMAIL' }, schedule: { status: 'DISABLED' } },
        importRules: { userCreateAndMatch: { exactMatchCriteria: 'EMAIL', allowPartialMatch: false, autoConfirmExactMatch: false } },
      },
      _links: { self: { href: `${href}/INBOUND_PROVISIONING`, hints: { allow: ['GET', 'PUT'] } } },
    },
  };
}

// What Okta answers on the features routes while provisioning is off (reference/okta.md §5.1).
const notEnabled = (): SandboxResponse => validationFailed('feature', 'Provisioning is not enabled for the app instance.');

/** Registers the connection and feature routes. */
export function registerProvisioningRoutes(router: Router, { tenant }: OktaSandboxContext): void {
  const withApp = (req: SandboxRequest, f: (app: SandboxOktaApp) => SandboxResponse): SandboxResponse => {
    const app = findApp(tenant, req.params.appId ?? '');
    return app ? f(app) : notFound(req.params.appId ?? '', 'AppInstance');
  };
  const lifecycle = (on: boolean) => (req: SandboxRequest) =>
    withApp(req, (app) => {
      app.connection = on ? 'ENABLED' : 'DISABLED';
      const others = app.features.filter((f) => !PROVISIONING_FEATURES.includes(f));
      app.features = on ? [...PROVISIONING_FEATURES, ...others] : others;
      app.lastUpdated = tenant.now().toISOString();
      tenant.save();
      return { status: 204 };
    });
  router.on('GET', '/api/v1/apps/:appId/connections/default', (req) => withApp(req, (app) => ({ status: 200, body: connectionJson(req, app) })));
  router.on('POST', '/api/v1/apps/:appId/connections/default/lifecycle/activate', lifecycle(true));
  router.on('POST', '/api/v1/apps/:appId/connections/default/lifecycle/deactivate', lifecycle(false));
  router.on('GET', '/api/v1/apps/:appId/features', (req) =>
    withApp(req, (app) => (app.connection === 'ENABLED' ? { status: 200, body: Object.values(featuresJson(req, app)) } : notEnabled())));
  router.on('GET', '/api/v1/apps/:appId/features/:name', (req) =>
    withApp(req, (app) => {
      const feature = featuresJson(req, app)[req.params.name ?? ''];
      if (!feature) return notFound(req.params.name ?? '', 'ApplicationFeature');
      return app.connection === 'ENABLED' ? { status: 200, body: feature } : notEnabled();
    }));
}
