// Loads the configuration, builds the runtime for one CLI command and always closes it.
import { loadConfig } from '../../config/load-config.ts';
import { createLogger } from '../../logging/create-logger.ts';
import type { Runtime } from '../../runtime.ts';
import type { CliIo } from './cli-io.ts';
import { osUser } from './os-user.ts';

/** Runs `body` with a runtime; `--sandbox` forces the sandbox tenant. Says on stderr when the sandbox is used. */
export async function withRuntime<T>(io: CliIo, options: { sandbox: boolean }, body: (rt: Runtime) => Promise<T>): Promise<T> {
  const env = options.sandbox ? { ...io.env, SANDBOX: 'true' } : io.env;
  const config = loadConfig(env);
  // CLI logs go to stderr, quiet unless asked: stdout carries the result.
  const logger = createLogger(io.env.LOG_LEVEL ?? 'warn');
  const runtime = await io.createRuntime(config, { logger, auditContext: { osUser: osUser(), via: 'cli' } });
  if (runtime.sandbox) {
    io.stderr.write(options.sandbox
      ? 'Using the built-in sandbox tenant (--sandbox).\n'
      : 'No Graph or Okta credentials are configured: using the built-in sandbox tenant.\n');
  }
  try {
    return await body(runtime);
  } finally {
    await runtime.close();
  }
}
