// The sandbox Microsoft Graph server: the subset of Graph v1.0 License Doctor and the sandbox Okta push engine
// use, on loopback, with Graph's paths, shapes, texts and bearer token check, over the shared sandbox tenant.
import { FaultInjector } from '../faults.ts';
import { startSandboxServer, type RecordedCall, type RunningSandboxServer } from '../http.ts';
import type { SandboxTenant } from '../tenant.ts';
import { registerBatchRoute } from './batch-route.ts';
import { graphAuthenticator } from './graph-authenticator.ts';
import type { GraphContext } from './graph-context.ts';
import { GraphRouter } from './graph-router.ts';
import { graphServerErrors } from './graph-server-errors.ts';
import { registerGroupRoutes } from './group-routes.ts';
import { registerTransitiveMembersRoute } from './transitive-members-route.ts';
import { registerSubscribedSkuRoutes } from './subscribed-skus.ts';
import { registerUserRoutes } from './user-routes.ts';

export interface GraphSandboxOptions {
  readonly tenant: SandboxTenant;
  /** The bearer token callers must present. */
  readonly token: string;
  /** Restricts `token` to these application permissions (default: every call allowed). */
  readonly roles?: readonly string[] | null;
  /** Other accepted tokens with every permission (the sandbox Okta's own connection to Graph). */
  readonly trustedTokens?: readonly string[];
  readonly port?: number;
  readonly faults?: FaultInjector;
}

export interface RunningGraphSandbox extends RunningSandboxServer {
  /** The Graph base URL to configure, e.g. http://127.0.0.1:40123/v1.0 */
  readonly baseUrl: string;
  /** Sub-requests answered inside `$batch` (`calls` records only the batch request). */
  readonly batchCalls: RecordedCall[];
}

/** Starts the sandbox Graph server on loopback (an ephemeral port unless `port` is given). */
export async function startGraphSandbox(options: GraphSandboxOptions): Promise<RunningGraphSandbox> {
  const { tenant } = options;
  const faults = options.faults ?? new FaultInjector();
  const ctx: GraphContext = { tenant, faults, batchCalls: [] };
  const now = () => tenant.now();
  const errors = graphServerErrors(now);
  const router = new GraphRouter();
  registerUserRoutes(router, ctx);
  registerGroupRoutes(router, ctx);
  registerTransitiveMembersRoute(router, ctx);
  registerSubscribedSkuRoutes(router, ctx);
  registerBatchRoute(router, ctx, errors);
  const server = await startSandboxServer({
    tenant,
    router,
    faults,
    authenticate: graphAuthenticator(new Map<string, readonly string[] | null>([
      ...(options.trustedTokens ?? []).map((t): [string, null] => [t, null]),
      [options.token, options.roles ?? null],
    ]), now),
    errors,
    ...(options.port === undefined ? {} : { port: options.port }),
  });
  return { ...server, baseUrl: `${server.url}/v1.0`, batchCalls: ctx.batchCalls };
}
