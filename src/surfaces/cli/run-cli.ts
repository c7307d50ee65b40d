// The license-doctor command line (CONTRACT.md "Command line"): parses arguments and runs one command.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { isLicenseDoctorError, LicenseDoctorError } from '../../core/errors.ts';
import { processIo, type CliIo } from './cli-io.ts';
import { diagnoseCommand } from './commands/diagnose-command.ts';
import { sandboxCommand } from './commands/sandbox-command.ts';
import { serveCommand } from './commands/serve-command.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';

export const USAGE = `Usage:
  license-doctor diagnose <query...> [--json] [--sandbox]
  license-doctor serve                      (what \`npm start\` runs)
  license-doctor sandbox [--port <n>] [--json] [--reset]

<query> is a user principal name or email, an Entra object id, an Okta login, or pasted error text (quote it).
Without Graph and Okta credentials the built-in sandbox tenant is used. Exit codes: 0 done, 2 unusable input or
usage, 3 Graph or Okta unreachable or refusing our credentials, 4 refused by policy.`;

/** Runs the command line `argv` (without node and the script); resolves with the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo, waitForStop: () => Promise<void> = untilSignal): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case 'diagnose': {
        const { values, positionals } = parse(rest, { json: { type: 'boolean' }, sandbox: { type: 'boolean' } });
        const query = positionals.join(' ');
        if (query.trim() === '') throw new LicenseDoctorError('usage', 'diagnose needs a user principal name, object id or pasted error: license-doctor diagnose jane@contoso.com');
        return await diagnoseCommand({ query, json: values.json === true, sandbox: values.sandbox === true }, io);
      }
      case 'sandbox': {
        const { values, positionals } = parse(rest, { json: { type: 'boolean' }, port: { type: 'string' }, reset: { type: 'boolean' } });
        if (positionals.length > 0) throw new LicenseDoctorError('usage', `sandbox takes no arguments (got "${positionals.join(' ')}")`);
        const port = values.port === undefined ? null : Number(values.port);
        if (port !== null && (!Number.isInteger(port) || port < 1 || port > 65534)) throw new LicenseDoctorError('usage', `--port must be a port number (got "${values.port}")`);
        return await sandboxCommand({ json: values.json === true, port, reset: values.reset === true }, io, waitForStop());
      }
      case 'serve': {
        parse(rest, {});
        return await serveCommand(io, waitForStop());
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(`${USAGE}\n`);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new LicenseDoctorError('usage', `unknown command "${command}"; run license-doctor --help`);
    }
  } catch (err) {
    io.stderr.write(`license-doctor: ${describe(err)}\n`);
    return exitCodeFor(err);
  }
}

function parse<const O extends ParseArgsOptionsConfig>(args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new LicenseDoctorError('usage', `${err instanceof Error ? err.message : String(err)}; run license-doctor --help`);
  }
}

function describe(err: unknown): string {
  if (isLicenseDoctorError(err)) return err.message;
  // Unexpected failures: the message only (the stack goes to the log at debug level, never to users).
  return `unexpected error: ${err instanceof Error ? err.message : String(err)}`;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
