// license-doctor serve (npm start): the HTTP server for Teams, Slack, health, metrics and the sandbox demo.
import { loadConfig } from '../../../config/load-config.ts';
import { createLogger } from '../../../logging/create-logger.ts';
import { createRuntime } from '../../../main.ts';
import { PERSONAS, SCENARIOS } from '../../../sandbox/seed.ts';
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
  const example = SCENARIOS[0]?.userPrincipalName ?? 'adele.vance@contoso.com';
  io.stdout.write([
    '',
    `License Doctor is running on ${url} (${config.mode === 'sandbox' ? 'sandbox tenant: no credentials configured' : 'live tenant'}).`,
    ...(runtime.sandbox
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
  const graceMs = config.execution.stopGraceSeconds * 1000;
  logger.info({ graceMs }, 'stopping: running plans finish their vendor call in flight, journal it and release their lease');
  const closed = (async () => {
    await server.close();
    await runtime.close();
    return 'closed' as const;
  })();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), graceMs);
  });
  const outcome = await Promise.race([closed, late]);
  clearTimeout(timer);
  if (outcome === 'late') {
    // A vendor call still has not answered: its journal row says "started", and the instance that resumes the plan
    // reads back whether it landed. Exiting now keeps within the orchestrator's stop grace period.
    logger.warn({ graceMs }, 'did not stop within STOP_GRACE_SECONDS; exiting');
    process.exit(EXIT.ok);
  }
  return EXIT.ok;
}
