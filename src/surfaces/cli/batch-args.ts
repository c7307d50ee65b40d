// Arguments of `license-doctor batch <subcommand>` (kept apart from run-cli.ts, which parses the other commands).
import { parseArgs } from 'node:util';
import { LicenseDoctorError } from '../../core/errors.ts';
import type { PathId } from '../../core/model/diagnosis.ts';
import { KB_PATH_IDS } from '../../core/paths/path-registry.ts';
import type { BatchArgs } from './commands/batch-commands.ts';

export const BATCH_USAGE = `  license-doctor batch create --from-scan [--group <id>] [--sku <part number>] --path 1|2|3 [--remove-license-from-group]
        --as <upn> --reason <text> [--acknowledge-removal] [--json] [--sandbox]
  license-doctor batch show|approve|reject|cancel|retry|split <batch-id> [--as <upn> | --login] [--reason <text>] [--no-execute] [--json]
  license-doctor batch list [--json]`;

const OPTIONS = {
  json: { type: 'boolean' }, sandbox: { type: 'boolean' }, 'from-scan': { type: 'boolean' }, group: { type: 'string' }, sku: { type: 'string' },
  path: { type: 'string' }, 'remove-license-from-group': { type: 'boolean' }, as: { type: 'string' }, reason: { type: 'string' },
  'acknowledge-removal': { type: 'boolean' }, 'no-execute': { type: 'boolean' }, login: { type: 'boolean' }, 'device-code': { type: 'boolean' },
} as const;

const usage = (message: string) => new LicenseDoctorError('usage', `${message}; run license-doctor --help`);

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw usage(`${flag} is required`);
  return value.trim();
}

/** `--path 1|2|3` (the KB's numbers) or a path id. */
function batchPath(value: string | undefined): PathId {
  const v = required(value, '--path 1|2|3');
  const byNumber = /^[123]$/.test(v) ? KB_PATH_IDS[Number(v) - 1] : undefined;
  const path = byNumber ?? (KB_PATH_IDS as readonly string[]).find((p) => p === v);
  if (!path) throw usage(`--path must be 1, 2 or 3 (or ${KB_PATH_IDS.join(', ')}), not "${v}"`);
  return path as PathId;
}

/** Parses the words after `batch`. */
export function parseBatchArgs(args: readonly string[]): BatchArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw usage(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  const [sub, ...rest] = positionals;
  const common = { json: values.json === true, sandbox: values.sandbox === true };
  const id = () => {
    if (rest.length !== 1 || !rest[0]) throw usage(`batch ${sub ?? ''} takes exactly one <batch-id>`);
    return rest[0];
  };
  switch (sub) {
    case 'create':
      if (values['from-scan'] !== true) throw usage('batch create needs --from-scan (the users of the latest scan)');
      if (rest.length > 0) throw usage(`batch create takes no arguments (got "${rest.join(' ')}")`);
      return {
        ...common, sub, groupId: values.group?.trim() || null, sku: values.sku?.trim() || null, path: batchPath(values.path), groupLevel: values['remove-license-from-group'] === true,
        as: required(values.as, '--as <upn>'), reason: required(values.reason, '--reason <text>'), acknowledgeRemoval: values['acknowledge-removal'] === true,
      };
    case 'list':
      if (rest.length > 0) throw usage('batch list takes no arguments');
      return { ...common, sub, batchId: null };
    case 'show':
      return { ...common, sub, batchId: id() };
    case 'approve':
    case 'reject':
    case 'cancel': {
      if (values['device-code'] === true && values.login !== true) throw usage('--device-code goes with --login');
      const login = values.login === true ? (values['device-code'] === true ? 'device-code' as const : 'azure-cli' as const) : null;
      const reason = sub === 'reject' ? required(values.reason, '--reason <text>') : values.reason;
      return { ...common, sub, batchId: id(), as: login ? (values.as ?? null) : required(values.as, '--as <upn>'), login, execute: values['no-execute'] !== true, ...(reason !== undefined ? { reason } : {}) };
    }
    case 'retry':
    case 'split':
      return { ...common, sub, batchId: id(), as: required(values.as, '--as <upn>'), ...(values.reason !== undefined ? { reason: values.reason } : {}) };
    default:
      throw usage(`usage:\n${BATCH_USAGE}`);
  }
}
