// license-doctor serve (npm start): the HTTP server for Teams, Slack, health, metrics and the sandbox demo.
import { loadConfig } from '../../../config/load-config.ts';
import { createLogger } from '../../../logging/create-logger.ts';
import { settleMemoryAfterStartUp } from '../../../server/settle-memory.ts';
import { startServer } from '../../../server/start-server.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT } from '../exit-codes.ts';

const OPEN_TO_EVERYONE = 'HELPDESK_GROUP_ID is not set: everyone in the Slack workspace or Teams tenant may diagnose any user and file requests. Set it to the Entra group of your helpdesk.';

/**
 * Starts the server and serves until the stop signal. The signal is listened for only once start-up is over: until
 * then SIGTERM and SIGINT keep their default action and end the process at once, whatever start-up is doing (loading
 * modules, waiting for Slack or the database). Nothing started by then needs a graceful stop: migrations run in
 * transactions and the sandbox writes its state file atomically.
 */
export async function serveCommand(io: CliIo, waitForStop: () => Promise<void>): Promise<number> {
  const config = loadConfig(io.env);
  const logger = createLogger(config.logLevel);
  logger.debug({ phase: 'runtime' }, 'start-up phase');
  const runtime = await io.createRuntime(config, { logger });
  logger.debug({ phase: 'server' }, 'start-up phase');
  let server;
  try {
    server = await startServer(runtime, { port: config.port, ...(config.host ? { host: config.host } : {}) });
  } catch (err) {
    await runtime.close();
    throw err;
  }
  const stop = waitForStop();
  const url = server.http.url;
  io.stdout.write([
    '',
    `License Doctor is running on ${url}`,
    config.mode === 'sandbox'
      ? `  Mode: SANDBOX: the built-in Contoso tenant (fake data); nothing real is read or changed. Listening on ${config.host ?? 'every interface'}.`
      : `  Mode: LIVE: Microsoft Graph ${config.tenant?.graph.baseUrl ?? ''} and Okta ${config.tenant?.okta.orgUrl ?? ''}${config.readOnly ? ' (READ_ONLY: nothing is executed)' : ''}.`,
    ...(runtime.sandbox
      ? [
          `  Open ${url} to chat with it as a helpdesk agent and approve as an approver.`,
          `  Or, from another shell:  npx license-doctor diagnose ${runtime.sandbox.examples.user}`,
          `                           npx license-doctor request ${runtime.sandbox.examples.user} --path okta-owns-licenses --as ${runtime.sandbox.examples.agent} --reason "push fails"`,
        ]
      : []),
    ...(config.mode === 'live' && config.helpdeskGroupId === null ? [`  Warning: ${OPEN_TO_EVERYONE}`] : []),
    `  Surfaces: ${server.surfaces.map((s) => s.name).join(', ') || 'none configured (set SLACK_* or TEAMS_*)'}`,
    `  Health ${url}/healthz · readiness ${url}/readyz · metrics ${url}/metrics`,
    '',
  ].join('\n'));
  if (config.mode === 'live' && config.helpdeskGroupId === null) logger.warn({}, OPEN_TO_EVERYONE);
  logger.info({ port: server.http.port, mode: config.mode, surfaces: server.surfaces.map((s) => s.name) }, 'license-doctor started');
  settleMemoryAfterStartUp(logger);
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
