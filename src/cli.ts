// The command line's composition root (bin/license-doctor.js runs it): the process's streams and environment, and
// main.ts's runtime factory, loaded only when a command needs a runtime (help and usage errors stay fast).
import { runCli } from './surfaces/cli/run-cli.ts';

/** Runs `argv` (without node and the script) as this process's command line; resolves with the exit code. */
export function runProcessCli(argv: readonly string[]): Promise<number> {
  return runCli(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    createRuntime: async (config, options) => (await import('./main.ts')).createRuntime(config, options),
    signIn: async (method, options) => (await import('./adapters/identity/sign-in-operator.ts')).signInOperator(method, options),
  });
}
