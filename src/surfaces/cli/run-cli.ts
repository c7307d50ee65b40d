// The license-doctor command line (CONTRACT.md "Command line"): parses arguments and runs one command.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { isLicenseDoctorError, LicenseDoctorError } from '../../core/errors.ts';
import { REQUEST_STATUSES, type RequestStatus } from '../../core/model/request.ts';
import type { CliIo } from './cli-io.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { BATCH_USAGE, parseBatchArgs } from './batch-args.ts';
import { pathFromFlag, planOptionFlags, planOptionsFromFlags, planOptionsUsage } from './plan-option-flags.ts';

// Commands are loaded when used: the vendor SDKs take seconds to load, and help or a usage error should not wait.
const commands = {
  diagnose: () => import('./commands/diagnose-command.ts'),
  check: () => import('./commands/check-command.ts'),
  plan: () => import('./commands/plan-command.ts'),
  requests: () => import('./commands/request-commands.ts'),
  audit: () => import('./commands/audit-commands.ts'),
  sandbox: () => import('./commands/sandbox-command.ts'),
  scan: () => import('./commands/scan-command.ts'),
  hooks: () => import('./commands/hooks-command.ts'),
  batch: () => import('./commands/batch-commands.ts'),
  serve: () => import('./commands/serve-command.ts'),
};

const usage = () => `Usage:
  license-doctor diagnose <query...> [--json] [--sandbox]
  license-doctor plan <query...> --path <path-id> [plan options] [--json] [--sandbox]
  license-doctor request <query...> --path <path-id> --as <upn> --reason <text> [--acknowledge-removal] [plan options] [--json] [--sandbox]
  license-doctor approve <request-id> (--as <upn> | --login [--device-code]) [--no-execute] [--json] [--sandbox]
  license-doctor reject <request-id> (--as <upn> | --login [--device-code]) --reason <text> [--json] [--sandbox]
  license-doctor cancel <request-id> (--as <upn> | --login [--device-code]) [--json] [--sandbox]
  license-doctor recheck <request-id> [--json] [--sandbox]
  license-doctor retry <request-id> --as <upn> [--json] [--sandbox]   (a failed plan, from its failed step)
  license-doctor show <request-id> [--json] [--sandbox]
  license-doctor requests [--status <status>] [--json] [--sandbox]
  license-doctor audit verify [--checkpoint <seq>:<hash>] [--json] [--sandbox]
  license-doctor audit export [--since <ISO time>] [--format jsonl|csv] [--sandbox]
  license-doctor check [--json] [--sandbox]
  license-doctor serve                      (what \`npm start\` runs)
  license-doctor sandbox [--port <n>] [--json] [--reset] [--users <n> [--seed <n>]]
  license-doctor scan [--json | --csv] [--out FILE] [--sandbox]
  license-doctor hooks register [--json]     (needs PUBLIC_URL and OKTA_EVENT_HOOK_SECRET)
${BATCH_USAGE}

<query> is a user principal name or email, an Entra object id, an Okta login, or pasted error text (quote it).
${planOptionsUsage()}
--as names who acts (recorded as asserted, not verified); --login signs you in with Entra ID instead (the Azure CLI's
  session, or --device-code) and acts as the signed-in user. CLI_DECISIONS=false refuses decisions from the command line.
Without Graph and Okta credentials the built-in sandbox tenant is used. Exit codes: 0 done, 2 unusable input or
usage, 3 Graph or Okta unreachable or refusing our credentials, 4 refused by policy.`;

const COMMON = { json: { type: 'boolean' }, sandbox: { type: 'boolean' } } as const;

/** Runs the command line `argv` (without node and the script); resolves with the exit code. */
export async function runCli(argv: readonly string[], io: CliIo, waitForStop: () => Promise<void> = untilSignal): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case 'diagnose': {
        const { values, positionals } = parse(rest, COMMON);
        const args = { query: query(positionals, 'diagnose'), json: values.json === true, sandbox: values.sandbox === true };
        return await (await commands.diagnose()).diagnoseCommand(args, io);
      }
      case 'plan': {
        const { values, positionals } = parse(rest, { ...COMMON, ...planOptionFlags() });
        const args = { query: query(positionals, 'plan'), path: pathFromFlag(str(values.path)), options: planOptionsFromFlags(values), json: values.json === true, sandbox: values.sandbox === true };
        return await (await commands.plan()).planCommand(args, io);
      }
      case 'request': {
        const { values, positionals } = parse(rest, { ...COMMON, ...planOptionFlags(), as: { type: 'string' }, reason: { type: 'string' }, 'acknowledge-removal': { type: 'boolean' } });
        const args = {
          query: query(positionals, 'request'), path: pathFromFlag(str(values.path)), options: planOptionsFromFlags(values), as: required(values.as, '--as <upn>'),
          reason: required(values.reason, '--reason <text>'), acknowledgeRemoval: values['acknowledge-removal'] === true, json: values.json === true, sandbox: values.sandbox === true,
        };
        return await (await commands.requests()).requestCommand(args, io);
      }
      case 'approve':
      case 'reject':
      case 'cancel': {
        const { values, positionals } = parse(rest, { ...COMMON, as: { type: 'string' }, reason: { type: 'string' }, 'no-execute': { type: 'boolean' }, login: { type: 'boolean' }, 'device-code': { type: 'boolean' } });
        const reason = command === 'reject' ? required(values.reason, '--reason <text>') : values.reason;
        if (values['device-code'] === true && values.login !== true) throw new LicenseDoctorError('usage', '--device-code goes with --login; run license-doctor --help');
        const login = values.login === true ? (values['device-code'] === true ? 'device-code' as const : 'azure-cli' as const) : null;
        const args = {
          requestId: one(positionals, '<request-id>'), decision: command, as: login ? (values.as ?? null) : required(values.as, '--as <upn>'), login, execute: values['no-execute'] !== true,
          json: values.json === true, sandbox: values.sandbox === true, ...(reason !== undefined ? { reason } : {}),
        };
        return await (await commands.requests()).decideCommand(args, io);
      }
      case 'retry': {
        const { values, positionals } = parse(rest, { ...COMMON, as: { type: 'string' } });
        const args = { requestId: one(positionals, '<request-id>'), as: required(values.as, '--as <upn>'), json: values.json === true, sandbox: values.sandbox === true };
        return await (await commands.requests()).retryCommand(args, io);
      }
      case 'recheck':
      case 'show': {
        const { values, positionals } = parse(rest, COMMON);
        const args = { requestId: one(positionals, '<request-id>'), json: values.json === true, sandbox: values.sandbox === true };
        const { recheckCommand, showCommand } = await commands.requests();
        return command === 'recheck' ? await recheckCommand(args, io) : await showCommand(args, io);
      }
      case 'requests': {
        const { values, positionals } = parse(rest, { ...COMMON, status: { type: 'string', multiple: true } });
        if (positionals.length > 0) throw new LicenseDoctorError('usage', `requests takes no arguments (got "${positionals.join(' ')}")`);
        const args = { statuses: statuses(values.status), json: values.json === true, sandbox: values.sandbox === true };
        return await (await commands.requests()).listCommand(args, io);
      }
      case 'audit': {
        const { values, positionals } = parse(rest, { ...COMMON, checkpoint: { type: 'string' }, since: { type: 'string' }, format: { type: 'string' } });
        const sub = positionals.length === 1 ? positionals[0] : undefined;
        if (sub === 'verify') {
          return await (await commands.audit()).auditVerifyCommand({ json: values.json === true, sandbox: values.sandbox === true, checkpoint: checkpoint(values.checkpoint) }, io);
        }
        if (sub === 'export') {
          const format = values.format ?? 'jsonl';
          if (format !== 'jsonl' && format !== 'csv') throw new LicenseDoctorError('usage', `--format must be jsonl or csv (got "${format}")`);
          return await (await commands.audit()).auditExportCommand({ sandbox: values.sandbox === true, since: isoTime(values.since), format }, io);
        }
        throw new LicenseDoctorError('usage', 'usage: license-doctor audit verify [--checkpoint <seq>:<hash>] [--json] | audit export [--since <ISO time>] [--format jsonl|csv]');
      }
      case 'check': {
        const { values, positionals } = parse(rest, COMMON);
        if (positionals.length > 0) throw new LicenseDoctorError('usage', `check takes no arguments (got "${positionals.join(' ')}")`);
        return await (await commands.check()).checkCommand({ json: values.json === true, sandbox: values.sandbox === true }, io);
      }
      case 'sandbox': {
        const { values, positionals } = parse(rest, { json: { type: 'boolean' }, port: { type: 'string' }, reset: { type: 'boolean' }, users: { type: 'string' }, seed: { type: 'string' } });
        if (positionals.length > 0) throw new LicenseDoctorError('usage', `sandbox takes no arguments (got "${positionals.join(' ')}")`);
        const port = values.port === undefined ? null : Number(values.port);
        if (port !== null && (!Number.isInteger(port) || port < 1 || port > 65534)) throw new LicenseDoctorError('usage', `--port must be a port number (got "${values.port}")`);
        const users = positiveInt(values.users, '--users');
        const seed = positiveInt(values.seed, '--seed');
        return await (await commands.sandbox()).sandboxCommand({ json: values.json === true, port, reset: values.reset === true, users, seed }, io, waitForStop());
      }
      case 'scan': {
        const { values, positionals } = parse(rest, { ...COMMON, csv: { type: 'boolean' }, out: { type: 'string' } });
        if (positionals.length > 0) throw new LicenseDoctorError('usage', `scan takes no arguments (got "${positionals.join(' ')}")`);
        if (values.json === true && values.csv === true) throw new LicenseDoctorError('usage', 'choose one of --json and --csv');
        const format = values.json === true ? 'json' : values.csv === true ? 'csv' : 'text';
        const out = values.out === undefined ? null : required(values.out, '--out FILE');
        return await (await commands.scan()).scanCommand({ format, out, sandbox: values.sandbox === true }, io);
      }
      case 'hooks': {
        const { values, positionals } = parse(rest, COMMON);
        if (positionals[0] !== 'register' || positionals.length > 1) throw new LicenseDoctorError('usage', 'usage: license-doctor hooks register [--json]');
        return await (await commands.hooks()).hooksRegisterCommand({ json: values.json === true, sandbox: values.sandbox === true }, io);
      }
      case 'batch':
        return await (await commands.batch()).batchCommand(parseBatchArgs(rest), io);
      case 'serve': {
        parse(rest, {});
        const { serveCommand } = await commands.serve();
        return await serveCommand(io, waitForStop);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(`${usage()}\n`);
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

function query(positionals: readonly string[], command: string): string {
  const q = positionals.join(' ');
  if (q.trim() === '') throw new LicenseDoctorError('usage', `${command} needs a user principal name, object id or pasted error: license-doctor ${command} jane@contoso.com`);
  return q;
}

function positiveInt(value: string | undefined, flag: string): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new LicenseDoctorError('usage', `${flag} must be a positive whole number (got "${value}")`);
  return n;
}

function one(positionals: readonly string[], what: string): string {
  if (positionals.length !== 1 || !positionals[0]) throw new LicenseDoctorError('usage', `expected exactly one ${what}; run license-doctor --help`);
  return positionals[0];
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new LicenseDoctorError('usage', `${flag} is required; run license-doctor --help`);
  return value;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function checkpoint(value: string | undefined): { seq: number; hash: string } | null {
  if (value === undefined) return null;
  const match = /^(\d+):([0-9a-f]{64})$/.exec(value.trim());
  if (!match) throw new LicenseDoctorError('usage', `--checkpoint must be <seq>:<hash> as an audit checkpoint in the log shows it (got "${value}")`);
  return { seq: Number(match[1]), hash: String(match[2]) };
}

function isoTime(value: string | undefined): string | null {
  if (value === undefined) return null;
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(ms)) throw new LicenseDoctorError('usage', `--since must be an ISO 8601 time such as 2026-05-07T00:00:00Z (got "${value}")`);
  return new Date(ms).toISOString();
}

function statuses(values: string[] | undefined): RequestStatus[] | null {
  if (!values || values.length === 0) return null;
  const list = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const s of list) {
    if (!(REQUEST_STATUSES as readonly string[]).includes(s)) throw new LicenseDoctorError('usage', `--status must be one of ${REQUEST_STATUSES.join(', ')} (got "${s}")`);
  }
  return list as RequestStatus[];
}

function describe(err: unknown): string {
  if (isLicenseDoctorError(err)) return err.message;
  // Unexpected failures: the message only, never a stack trace.
  return `unexpected error: ${err instanceof Error ? err.message : String(err)}`;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
