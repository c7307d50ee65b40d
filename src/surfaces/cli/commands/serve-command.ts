// license-doctor serve (npm start): the HTTP server for Teams, Slack, health and the sandbox demo.
import { loadConfig } from '../../../config/load-config.ts';
import { createLogger } from '../../../logging/create-logger.ts';
import { createRuntime } from '../../../main.ts';
import { SCENARIOS } from '../../../sandbox/seed.ts';
import { startHttpServer } from '../../../server/http-server.ts';
import { createMetrics } from '../../../server/metrics.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT } from '../exit-codes.ts';

/** Starts the server and serves until `stop` resolves. */
export async function serveCommand(io: CliIo, stop: Promise<void>): Promise<number> {
  const config = loadConfig(io.env);
  const logger = createLogger(config.logLevel, undefined);
  const runtime = await createRuntime(config, { logger });
  const metrics = createMetrics();
  const server = await startHttpServer(
    {
      logger,
      metrics,
      routes: [],
      readiness: {
        check: async () => ({
          ready: true,
          details: { mode: config.mode, readOnly: config.readOnly, teamsUnauthenticated: config.teams?.allowUnauthenticated ?? false },
        }),
      },
    },
    config.port,
  );
  const example = SCENARIOS[0]?.userPrincipalName ?? 'adele.vance@contoso.com';
  io.stdout.write([
    `License Doctor is listening on ${server.url} (${config.mode === 'sandbox' ? 'sandbox tenant: no credentials configured' : 'live tenant'}).`,
    `  health   ${server.url}/healthz   readiness ${server.url}/readyz   metrics ${server.url}/metrics`,
    ...(runtime.sandbox ? [`  try it:  npx license-doctor diagnose ${example}`] : []),
    '',
  ].join('\n'));
  logger.info({ port: server.port, mode: config.mode }, 'license-doctor started');
  await stop;
  logger.info('stopping');
  await server.close();
  await runtime.close();
  return EXIT.ok;
}
