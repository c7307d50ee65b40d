// Loads the configuration, builds the runtime for one CLI command and always closes it.
import type { Config } from '../../config/config.ts';
import { LicenseDoctorError } from '../../core/errors.ts';
import { loadConfig } from '../../config/load-config.ts';
import { identityAssurance } from '../../core/approval/identity-note.ts';
import type { CliIdentity } from '../../core/model/request.ts';
import { createLogger } from '../../logging/create-logger.ts';
import type { Runtime } from '../../runtime.ts';
import type { CliIo, SignInMethod } from './cli-io.ts';
import { osUser } from './os-user.ts';

/** What a command is given (cli.ts builds it with main.ts): the one place the command line names the Runtime. */
export type CliRuntime = Runtime;

/** Who runs this command: the OS account, and with `--login` the UPN Entra ID signed in (else null). */
export interface CliSession {
  readonly cli: CliIdentity;
  readonly signedInAs: string | null;
}

/** The tenant a `--login` must belong to: the app registration's, else the Teams bot's. */
function deploymentTenant(config: Config): string | null {
  const credential = config.tenant?.graph.credential;
  if (credential && 'tenantId' in credential) return credential.tenantId;
  return config.teams?.tenantId ?? null;
}

/**
 * Runs `body` with a runtime; `--sandbox` forces the sandbox tenant. Says on stderr when the sandbox is used. With
 * `login`, the operator signs in first (a failed sign-in is refused before anything starts).
 */
export async function withRuntime<T>(io: CliIo, options: { sandbox: boolean; login?: SignInMethod | null }, body: (rt: Runtime, session: CliSession) => Promise<T>): Promise<T> {
  const env = options.sandbox ? { ...io.env, SANDBOX: 'true' } : io.env;
  const config = loadConfig(env);
  let session: CliSession = { cli: { osUser: osUser(), signIn: null }, signedInAs: null };
  if (options.login) {
    if (!io.signIn) throw new LicenseDoctorError('usage', '--login is not available here: run the license-doctor command.');
    const who = await io.signIn(options.login, { tenantId: deploymentTenant(config), prompt: (m) => io.stderr.write(`${m}\n`) });
    session = { cli: { ...session.cli, signIn: who.signIn }, signedInAs: who.upn };
  }
  // CLI logs go to stderr, quiet unless asked: stdout carries the result.
  const logger = createLogger(io.env.LOG_LEVEL ?? 'warn');
  const auditContext = { osUser: session.cli.osUser, via: 'cli', identity: identityAssurance(session.cli) };
  const runtime = await io.createRuntime(config, { logger, storeOnDemand: true, auditContext });
  if (runtime.sandbox) {
    io.stderr.write(options.sandbox
      ? 'Using the built-in sandbox tenant (--sandbox).\n'
      : 'No Graph or Okta credentials are configured: using the built-in sandbox tenant.\n');
  }
  try {
    return await body(runtime, session);
  } finally {
    await runtime.close();
  }
}
