// The two halves of a load benchmark. The stand-in tenant (sandbox Graph and Okta with injected latency) runs beside
// the load generator in a child process, as the real vendors run on other machines; the bot runs alone in this
// process, in live mode, so its event loop and CPU figures are its own.
import { loadConfig } from '../src/config/load-config.ts';
import { createLogger } from '../src/logging/create-logger.ts';
import { createRuntime, type Runtime } from '../src/main.ts';
import { startSandbox, type RunningSandbox } from '../src/sandbox/start-sandbox.ts';
import { startServer, type RunningServer } from '../src/server/start-server.ts';
import { liveEnv } from '../test/support/test-runtime.ts';

/** Starts the stand-in tenant; `env` points a live-mode bot at it. */
export async function startBenchTenant(): Promise<{ sandbox: RunningSandbox; env: Record<string, string> }> {
  const sandbox = await startSandbox({});
  return { sandbox, env: liveEnv(sandbox) };
}

/** Sets the latency every Graph and Okta call gets. */
export function setLatency(sandbox: RunningSandbox, ms: number): void {
  sandbox.graph.faults.baseLatencyMs = ms;
  sandbox.okta.faults.baseLatencyMs = ms;
}

export interface BenchBot {
  readonly runtime: Runtime;
  readonly server: RunningServer;
  readonly url: string;
  close(): Promise<void>;
}

/** The bot in live mode on `env` (tenant + surfaces), an in-memory store, counting its vendor requests. */
export async function startBenchBot(env: Record<string, string>, onVendorRequest: () => void): Promise<BenchBot> {
  // One load generator plays every agent: the per-person limit would refuse it (it has tests of its own).
  const config = loadConfig({ LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent', DIAGNOSES_PER_MINUTE: '10000', ...env });
  const runtime = await createRuntime(config, { logger: createLogger(process.env.BENCH_LOG_LEVEL ?? 'silent'), databaseUrl: 'sqlite::memory:', onVendorRequest });
  const server = await startServer(runtime, { port: 0, host: '127.0.0.1', maintenanceIntervalMs: 0 });
  return {
    runtime,
    server,
    url: server.http.url.replace('localhost', '127.0.0.1'),
    close: async () => {
      await server.close();
      await runtime.close();
    },
  };
}
