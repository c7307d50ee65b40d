// license-doctor sandbox [--port <n>] [--json] [--reset] [--users <n> [--seed <n>]]: runs the sandbox tenant alone
// until stopped; with --users, a generated large tenant kept in memory instead of the scenario tenant.
import { loadConfig } from '../../../config/load-config.ts';
import { generateLargeTenant } from '../../../sandbox/large-tenant/generate-large-tenant.ts';
import { startSandbox } from '../../../sandbox/start-sandbox.ts';
import { GROUP, SCENARIOS } from '../../../sandbox/seed.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT } from '../exit-codes.ts';

export interface SandboxArgs {
  readonly port: number | null;
  readonly json: boolean;
  readonly reset: boolean;
  /** Generate a tenant of this many users (in memory) instead of the scenario tenant. */
  readonly users?: number | null;
  readonly seed?: number | null;
}

/** Starts the Graph and Okta sandbox servers, prints where they listen, and serves until SIGINT/SIGTERM. */
export async function sandboxCommand(args: SandboxArgs, io: CliIo, stop: Promise<void>): Promise<number> {
  const config = loadConfig({ ...io.env, SANDBOX: 'true' });
  const port = args.port !== null ? { port: args.port } : {};
  const generated = args.users ? generateLargeTenant({ users: args.users, seed: args.seed ?? 1 }) : null;
  const sandbox = await startSandbox(generated ? { state: generated, ...port } : { file: config.sandboxStateFile, ...port });
  if (args.reset && !generated) sandbox.tenant.reset();
  const e = sandbox.endpoints;
  if (args.json) {
    io.stdout.write(`${JSON.stringify({ graphBaseUrl: e.graphBaseUrl, graphToken: e.graphToken, oktaOrgUrl: e.oktaOrgUrl, oktaToken: e.oktaToken })}\n`);
  } else {
    io.stdout.write([
      'Sandbox tenant running (Ctrl-C to stop).',
      `  Microsoft Graph  ${e.graphBaseUrl}   token ${e.graphToken}`,
      `  Okta             ${e.oktaOrgUrl}   token ${e.oktaToken}`,
      `  Okta Workflows   ${sandbox.workflows.invokeUrl}   client token ${sandbox.workflows.clientToken}`,
      generated
        ? `  Tenant           generated: ${generated.graph.users.length} Entra users, ${generated.okta.apps[0]?.appUsers.length ?? 0} Office 365 app users (seed ${args.seed ?? 1}, in memory)`
        : `  State file       ${config.sandboxStateFile}${args.reset ? ' (reset to the seed)' : ''}`,
      '',
      'Use it from another shell:',
      `  GRAPH_BASE_URL=${e.graphBaseUrl} GRAPH_ACCESS_TOKEN=${e.graphToken} \\`,
      `  OKTA_ORG_URL=${e.oktaOrgUrl} OKTA_API_TOKEN=${e.oktaToken} APPROVERS_GROUP_ID=${GROUP.APPROVERS} \\`,
      `  OKTA_WORKFLOWS_INVOKE_URL=${sandbox.workflows.invokeUrl} OKTA_WORKFLOWS_CLIENT_TOKEN=${sandbox.workflows.clientToken} \\`,
      `  npx license-doctor diagnose ${SCENARIOS[0]?.userPrincipalName ?? 'adele.vance@contoso.com'}`,
      '',
    ].join('\n'));
  }
  await stop;
  await sandbox.close();
  return EXIT.ok;
}
