// license-doctor serve (npm start): the HTTP server for Teams, Slack, health, metrics and the sandbox demo.
import { loadConfig } from '../../../config/load-config.ts';
import { createLogger } from '../../../logging/create-logger.ts';
import { createRuntime } from '../../../main.ts';
import { PERSONAS, SCENARIOS } from '../../../sandbox/seed.ts';
import { startServer } from '../../../server/start-server.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT } from '../exit-codes.ts';
import { STOPPED, unlessStopped } from '../unless-stopped.ts';

/** Starts the server and serves until `stop` resolves; a stop during start-up ends it at once. */
export async function serveCommand(io: CliIo, stop: Promise<void>): Promise<number> {
  const config = loadConfig(io.env);
  const logger = createLogger(config.logLevel);
  const stoppedDuringStartUp = (): number => {
    logger.info('stopped during start-up');
    return EXIT.ok;
  };
  // A phase that finishes after the stop is released again; one that fails then is only worth a line in the log.
  const lateFailure = (err: unknown) => logger.warn({ err }, 'a start-up step failed after the stop');
  logger.debug({ phase: 'runtime' }, 'start-up phase');
  const creating = createRuntime(config, { logger });
  const runtime = await unlessStopped(creating, stop);
  if (runtime === STOPPED) {
    creating.then((rt) => rt.close()).catch(lateFailure);
    return stoppedDuringStartUp();
  }
  logger.debug({ phase: 'server' }, 'start-up phase');
  const starting = startServer(runtime, { port: config.port });
  let server;
  try {
    server = await unlessStopped(starting, stop);
  } catch (err) {
    await runtime.close();
    throw err;
  }
  if (server === STOPPED) {
    starting.then((s) => s.close(), lateFailure).then(() => runtime.close()).catch(lateFailure);
    return stoppedDuringStartUp();
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
  logger.info('stopping');
  await server.close();
  await runtime.close();
  return EXIT.ok;
}
