// license-doctor sandbox [--port <n>] [--json] [--reset]: runs the sandbox tenant alone until stopped.
import { loadConfig } from '../../../config/load-config.ts';
import { startSandbox } from '../../../sandbox/start-sandbox.ts';
import { GROUP, SCENARIOS } from '../../../sandbox/seed.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT } from '../exit-codes.ts';

export interface SandboxArgs {
  readonly port: number | null;
  readonly json: boolean;
  readonly reset: boolean;
}

/** Starts the Graph and Okta sandbox servers, prints where they listen, and serves until SIGINT/SIGTERM. */
export async function sandboxCommand(args: SandboxArgs, io: CliIo, stop: Promise<void>): Promise<number> {
  const config = loadConfig({ ...io.env, SANDBOX: 'true' });
  const sandbox = await startSandbox({ file: config.sandboxStateFile, ...(args.port !== null ? { port: args.port } : {}) });
  if (args.reset) sandbox.tenant.reset();
  const e = sandbox.endpoints;
  if (args.json) {
    io.stdout.write(`${JSON.stringify({ graphBaseUrl: e.graphBaseUrl, graphToken: e.graphToken, oktaOrgUrl: e.oktaOrgUrl, oktaToken: e.oktaToken })}\n`);
  } else {
    io.stdout.write([
      'Sandbox tenant running (Ctrl-C to stop).',
      `  Microsoft Graph  ${e.graphBaseUrl}   token ${e.graphToken}`,
      `  Okta             ${e.oktaOrgUrl}   token ${e.oktaToken}`,
      `  Okta Workflows   ${sandbox.workflows.invokeUrl}   client token ${sandbox.workflows.clientToken}`,
      `  State file       ${config.sandboxStateFile}${args.reset ? ' (reset to the seed)' : ''}`,
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
