// Starts the sandbox tenant: the Graph and Okta servers on loopback, sharing one tenant state.
import { randomBytes } from 'node:crypto';
import { startGraphSandbox } from './graph/start-graph-sandbox.ts';
import type { RunningSandboxServer } from './http.ts';
import { startOktaSandbox, type RunningOktaSandbox } from './okta/start-okta-sandbox.ts';
import { ALL_GRAPH_ROLES, sandboxGraphToken } from './graph/graph-roles.ts';
import { GROUP, PERSONAS, SCENARIOS, WORKFLOWS_FLOW } from './seed.ts';
import { OKTA_APP } from './seed-catalog.ts';
import { SandboxTenant, type SandboxTenantOptions } from './tenant.ts';

export interface RunningSandbox {
  readonly tenant: SandboxTenant;
  readonly graph: RunningSandboxServer;
  /** The Okta server; `idle()` waits for pending pushes. */
  readonly okta: RunningOktaSandbox;
  /** What `license-doctor sandbox --json` prints: point GRAPH_* and OKTA_* at these to use the sandbox. */
  readonly endpoints: {
    readonly graphBaseUrl: string;
    readonly graphToken: string;
    readonly oktaOrgUrl: string;
    readonly oktaToken: string;
  };
  /** The sandbox's Okta Workflows API-endpoint flow (KB path 3). */
  readonly workflows: { readonly invokeUrl: string; readonly clientToken: string };
  /** The seeded group whose members approve (when APPROVERS_GROUP_ID is not set). */
  readonly approversGroupId: string;
  /** The Office 365 app instance scans cover (the seed has two active ones). */
  readonly mainOktaAppId: string;
  /** For the hints a newcomer sees: a user to diagnose, and the helpdesk agent who asks. */
  readonly examples: { readonly user: string; readonly agent: string };
  close(): Promise<void>;
}

export interface StartSandboxOptions extends SandboxTenantOptions {
  /** Port of the Graph server; the Okta server takes the next one. Default: ephemeral ports. */
  readonly port?: number;
  /** Fixed tokens (tests); default: random per start. */
  readonly tokens?: { readonly graph: string; readonly okta: string };
  /** Okta OAuth service apps the sandbox accepts (private-key JWT). */
  readonly oauthClients?: ReadonlyArray<{ readonly clientId: string; readonly publicJwk: JsonWebKey }>;
  /** License Doctor's Graph token carries only these application permissions, and the sandbox enforces them (default: all, not enforced). */
  readonly graphRoles?: readonly string[];
}

/** Starts both sandbox servers; `close()` stops them (pending Okta pushes are cancelled). */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const tenant = new SandboxTenant(options);
  const graphToken = options.tokens?.graph ?? sandboxGraphToken(options.graphRoles ?? ALL_GRAPH_ROLES, randomBytes(12).toString('hex'));
  // Okta's Office 365 app has its own consent in the tenant: its pushes never depend on License Doctor's roles.
  const oktaPushToken = `sandbox-okta-push-${randomBytes(12).toString('hex')}`;
  const oktaToken = options.tokens?.okta ?? `sandbox-okta-${randomBytes(12).toString('hex')}`;
  const graph = await startGraphSandbox({
    tenant, token: graphToken, roles: options.graphRoles ?? null, trustedTokens: [oktaPushToken], ...(options.port ? { port: options.port } : {}),
  });
  const graphBaseUrl = `${graph.url}/v1.0`;
  const okta = await startOktaSandbox({
    tenant,
    token: oktaToken,
    graph: { baseUrl: graphBaseUrl, token: oktaPushToken },
    ...(options.oauthClients ? { oauthClients: [...options.oauthClients] } : {}),
    ...(options.port ? { port: options.port + 1 } : {}),
  });
  return {
    tenant,
    graph,
    okta,
    endpoints: { graphBaseUrl, graphToken, oktaOrgUrl: okta.url, oktaToken },
    workflows: { invokeUrl: `${okta.url}/api/flo/${WORKFLOWS_FLOW.alias}/invoke`, clientToken: WORKFLOWS_FLOW.clientToken },
    approversGroupId: GROUP.APPROVERS,
    mainOktaAppId: OKTA_APP.MAIN,
    examples: { user: SCENARIOS[0]?.userPrincipalName ?? 'adele.vance@contoso.com', agent: PERSONAS.agent },
    close: async () => {
      await Promise.all([okta.close(), graph.close()]);
    },
  };
}
