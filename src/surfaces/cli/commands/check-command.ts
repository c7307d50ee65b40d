// license-doctor check [--json] [--sandbox]: what this deployment may do, read live from the credentials.
import type { CapabilityLine } from '../../../core/permissions/capabilities.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT } from '../exit-codes.ts';
import { withRuntime } from '../with-runtime.ts';

function describe(line: CapabilityLine): string {
  const status = line.ok === true ? 'ok' : line.ok === false ? 'MISSING' : 'not checked';
  const head = `${line.label.padEnd(46)} ${status}`;
  const missing = line.missing.map((m) => `\n    missing ${m.vendor === 'graph' ? 'Microsoft Graph' : 'Okta'} ${m.permission}: ${m.grant}`).join('');
  const unknown = line.unknown.length > 0 ? `\n    could not be read: ${line.unknown.join(', ')}` : '';
  return `${head}${missing}${unknown}`;
}

/** One line per capability; exit 0 when everything works, 2 when something is missing. */
export async function checkCommand(args: { readonly json: boolean; readonly sandbox: boolean }, io: CliIo): Promise<number> {
  return withRuntime(io, { sandbox: args.sandbox }, async (rt) => {
    const { granted, lines } = await rt.services.checkPermissions();
    if (args.json) io.stdout.write(`${JSON.stringify({ graphRoles: granted.graphRoles, oktaScopes: granted.oktaScopes, capabilities: lines }, null, 2)}\n`);
    else io.stdout.write(`${lines.map(describe).join('\n')}\n`);
    return lines.some((l) => l.ok === false) ? EXIT.usage : EXIT.ok;
  });
}
