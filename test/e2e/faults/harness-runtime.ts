// What the fault suite's harness processes share: a live runtime on the store in DATABASE_URL (DATABASE_SCHEMA on
// PostgreSQL) and the tenant in the environment, with the timing the test chose (LEASE_MS, CALL_TIMEOUT_MS,
// EFFECT_TIMEOUT_MS), printing each vendor write ({ write }) as a JSON line before it goes out.
import { loadConfig } from '../../../src/config/load-config.ts';
import { createLogger } from '../../../src/logging/create-logger.ts';
import { createRuntime, type Runtime } from '../../../src/main.ts';
import { isWrite } from '../../support/vendor-writes.ts';

/** One JSON line on stdout (a pipe write is synchronous on Linux: the line is out before any signal that follows). */
export const out = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value)}\n`);
};

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

export function startHarnessRuntime(): Promise<Runtime> {
  const schema = process.env['DATABASE_SCHEMA'];
  return createRuntime(loadConfig(process.env), {
    logger: createLogger(process.env['TEST_LOG_LEVEL'] ?? 'silent'),
    ...(schema ? { databaseSchema: schema } : {}),
    execution: {
      leaseMs: env('LEASE_MS', 1_000), verifyTimeoutMs: 5_000, verifyIntervalMs: 20, verifyMaxIntervalMs: 40,
      effectTimeoutMs: env('EFFECT_TIMEOUT_MS', 1_000), effectIntervalMs: 10, callTimeoutMs: env('CALL_TIMEOUT_MS', 2_000),
    },
    onVendorRequest: ({ method, url }) => {
      const path = new URL(url).pathname;
      if (isWrite(method, path)) out({ write: `${method.toUpperCase()} ${decodeURIComponent(path).toLowerCase()}` });
    },
  });
}
