// license-doctor serve (npm start): the HTTP server for Teams, Slack, health, metrics and the sandbox demo.
import { loadConfig } from '../../../config/load-config.ts';
import { createLogger } from '../../../logging/create-logger.ts';
import { createRuntime } from '../../../main.ts';
import { startServer } from '../../../server/start-server.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT } from '../exit-codes.ts';

/** Starts the server and serves until `stop` resolves. */
export async function serveCommand(io: CliIo, stop: Promise<void>): Promise<number> {
  const config = loadConfig(io.env);
  const logger = createLogger(config.logLevel);
  const runtime = await createRuntime(config, { logger });
  let server;
  try {
    server = await startServer(runtime, { port: config.port });
  } catch (err) {
    await runtime.close();
    throw err;
  }
  const url = server.http.url;
  // src/sandbox is loaded only in sandbox mode.
  const { PERSONAS, SCENARIOS } = runtime.sandbox ? await import('../../../sandbox/seed.ts') : { PERSONAS: null, SCENARIOS: [] };
  const example = SCENARIOS[0]?.userPrincipalName ?? 'adele.vance@contoso.com';
  io.stdout.write([
    '',
    `License Doctor is running on ${url} (${config.mode === 'sandbox' ? 'sandbox tenant: no credentials configured' : 'live tenant'}).`,
    ...(PERSONAS
      ? [
          `  Open ${url} to chat with it as a helpdesk agent and approve as an approver.`,
          `  Or, from another shell:  npx license-doctor diagnose ${example}`,
          `                           npx license-doctor request ${example} --path okta-owns-licenses --as ${PERSONAS.agent} --reason "push fails"`,
        ]
      : []),
    `  Surfaces: ${server.surfaces.map((s) => s.name).join(', ') || 'none configured (set SLACK_* or TEAMS_*)'}`,
    `  Health ${url}/healthz · readiness ${url}/readyz · metrics ${url}/metrics`,
    '',
  ].join('\n'));
  logger.info({ port: server.http.port, mode: config.mode, surfaces: server.surfaces.map((s) => s.name) }, 'license-doctor started');
  await stop;
  logger.info('stopping');
  await server.close();
  await runtime.close();
  return EXIT.ok;
}
