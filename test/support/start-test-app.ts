// A whole License Doctor for end-to-end tests: the sandbox tenant in memory, an in-memory SQLite store, fast
// verification, and the HTTP server with the surfaces the given environment configures.
import { loadConfig } from '../../src/config/load-config.ts';
import { createLogger } from '../../src/logging/create-logger.ts';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../src/main.ts';
import { startServer, type RunningServer } from '../../src/server/start-server.ts';

export interface TestApp {
  readonly runtime: Runtime;
  readonly server: RunningServer;
  /** e.g. http://localhost:40123 */
  readonly url: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Extra environment (SLACK_*, TEAMS_*, READ_ONLY, APPROVERS...). The sandbox is forced. */
  readonly env?: Record<string, string>;
  readonly databaseUrl?: string;
  readonly execution?: RuntimeOptions['execution'];
  /** Sees every Graph and Okta request the bot sends (benchmarks count them). */
  readonly onVendorRequest?: RuntimeOptions['onVendorRequest'];
  /** Collects the app's log lines (JSON, warn and above) instead of TEST_LOG_LEVEL's logger. */
  readonly logLines?: string[];
}

/** Starts a test app; call close() in afterAll. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  // Tests play one agent for many diagnoses; the per-person limit has tests of its own (test/app/shared-work.test.ts).
  const config = loadConfig({ SANDBOX: 'true', LOG_LEVEL: 'silent', DIAGNOSES_PER_MINUTE: '10000', ...options.env });
  const lines = options.logLines;
  const logger = lines ? createLogger('warn', { write: (line: string) => void lines.push(line) }) : createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const runtime = await createRuntime(config, {
    logger,
    sandboxInMemory: true,
    databaseUrl: options.databaseUrl ?? 'sqlite::memory:',
    execution: { leaseMs: 30_000, verifyTimeoutMs: 10_000, verifyIntervalMs: 100, verifyMaxIntervalMs: 200, effectIntervalMs: 20, ...options.execution },
    ...(options.onVendorRequest ? { onVendorRequest: options.onVendorRequest } : {}),
  });
  let server: RunningServer;
  try {
    server = await startServer(runtime, { port: 0, host: '127.0.0.1', maintenanceIntervalMs: 0 });
  } catch (err) {
    // A surface refused to start (e.g. a Slack configuration error): release the sandbox and the store too.
    await runtime.close();
    throw err;
  }
  const url = server.http.url.replace('localhost', '127.0.0.1');
  return {
    runtime,
    server,
    url,
    close: async () => {
      await server.close();
      await runtime.close();
    },
  };
}
