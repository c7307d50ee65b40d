// The sandbox Okta org: the management API subset License Doctor uses, with Okta's paths, shapes, errors
// and headers, its OAuth token endpoint, the Workflows invoke route, and the push engine that calls the
// sandbox Graph server over HTTP the way Okta's Office 365 app calls Microsoft Graph.
import type { FaultInjector } from '../faults.ts';
import { FaultInjector as Faults } from '../faults.ts';
import { Router, startSandboxServer, type Handler, type RunningSandboxServer } from '../http.ts';
import type { SandboxTenant } from '../tenant.ts';
import { registerWorkflowsRoutes } from '../workflows/workflows-invoke-route.ts';
import { registerAppGroupRoutes } from './app-group-routes.ts';
import { registerAppRoutes } from './app-routes.ts';
import { registerAppUserRoutes } from './app-user-routes.ts';
import { registerAppUserSchemaRoute } from './app-user-schema-route.ts';
import { registerEventHookRoutes } from './event-hook-routes.ts';
import { registerLogRoutes } from './log-routes.ts';
import { OAuthTokens, registerOAuthTokenRoute, type OAuthClientRegistration } from './oauth-token-route.ts';
import { oktaAuthenticator } from './okta-auth.ts';
import { findOktaUser, type OktaSandboxContext } from './okta-context.ts';
import { oktaFaultErrors } from './okta-errors.ts';
import { OktaHeaders } from './okta-headers.ts';
import { PushEngine } from './push-engine.ts';
import { registerProvisioningRoutes } from './provisioning-routes.ts';
import { registerUserRoutes } from './user-routes.ts';

/** Options of `startOktaSandbox`. */
export interface OktaSandboxOptions {
  readonly tenant: SandboxTenant;
  /** The SSWS API token the server accepts. */
  readonly token: string;
  /** Where the push engine reaches Microsoft Graph (the sandbox Graph server), and with which token. */
  readonly graph: { readonly baseUrl: string; readonly token: string };
  /** OAuth service apps allowed to get access tokens with private_key_jwt. */
  readonly oauthClients?: readonly OAuthClientRegistration[];
  readonly port?: number;
  readonly faults?: FaultInjector;
}

/** A running sandbox Okta server. */
export interface RunningOktaSandbox extends RunningSandboxServer {
  /** Resolves once every pending profile push has finished (tests await this instead of sleeping). */
  idle(): Promise<void>;
  /** Answers of 429 given because an enforced rate-limit bucket was empty (behaviour `oktaRateLimit`). */
  rateLimited(): number;
  /** Okta pushes `login`'s profile again to every app instance they are assigned to (an admin's Retry under Dashboard >
   *  Tasks); the outcome lands in the System Log as any push's. How many apps it was pushed to (0: unknown user). */
  retryPush(login: string): number;
}

/** A router whose answers all carry Okta's request id and rate-limit headers. */
class OktaRouter extends Router {
  private readonly headers: OktaHeaders;

  constructor(headers: OktaHeaders) {
    super();
    this.headers = headers;
  }

  override on(method: string, pattern: string, handler: Handler): this {
    return super.on(method, pattern, this.headers.wrap(handler));
  }
}

/** Starts the sandbox Okta server on loopback. */
export async function startOktaSandbox(options: OktaSandboxOptions): Promise<RunningOktaSandbox> {
  const { tenant } = options;
  const headers = new OktaHeaders(() => tenant.behaviour);
  const router = new OktaRouter(headers);
  const push = new PushEngine({ tenant, graph: options.graph });
  const ctx: OktaSandboxContext = { tenant, push };
  const tokens = new OAuthTokens();
  registerOAuthTokenRoute(router, options.oauthClients ?? [], tokens);
  registerUserRoutes(router, ctx);
  registerAppRoutes(router, ctx);
  registerAppUserRoutes(router, ctx);
  registerAppGroupRoutes(router, ctx);
  registerAppUserSchemaRoute(router, ctx);
  registerProvisioningRoutes(router, ctx);
  registerLogRoutes(router, ctx);
  registerEventHookRoutes(router, ctx);
  registerWorkflowsRoutes(router, tenant);

  const authenticate = oktaAuthenticator(options.token, tokens, () => tenant.behaviour.oktaScopes);
  const errors: typeof oktaFaultErrors = {
    notFound: (req) => headers.stamp(oktaFaultErrors.notFound(req)),
    methodNotAllowed: (req) => headers.stamp(oktaFaultErrors.methodNotAllowed(req)),
    throttled: (req, seconds) => headers.stamp(oktaFaultErrors.throttled(req, seconds)),
    serverError: (req) => headers.stamp(oktaFaultErrors.serverError(req)),
    unavailable: (req, seconds) => headers.stamp(oktaFaultErrors.unavailable(req, seconds)),
  };
  const server = await startSandboxServer({
    tenant,
    router,
    faults: options.faults ?? new Faults(),
    authenticate: (req) => {
      const denied = authenticate(req);
      return denied && headers.stamp(denied);
    },
    errors,
    ...(options.port === undefined ? {} : { port: options.port }),
  });
  return {
    ...server,
    idle: () => push.idle(),
    rateLimited: () => headers.throttled,
    retryPush: (login) => {
      const user = findOktaUser(tenant, login);
      const apps = user ? tenant.state.okta.apps.filter((a) => a.status === 'ACTIVE' && a.appUsers.some((u) => u.userId === user.id)) : [];
      for (const app of apps) push.profilePosted(app.id, user?.id ?? '', true);
      return apps.length;
    },
    close: async () => {
      await push.close();
      await server.close();
    },
  };
}
