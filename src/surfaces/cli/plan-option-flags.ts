// The plan options of every registered path as command-line flags (`plan` and `request`): declared in core/paths,
// turned into parseArgs options, read back into PlanOptions, and listed in `--help`. A switch's flag sets the opposite
// of its default; a choice's flag takes one of its values. A flag no path declares is refused by parseArgs (strict).
import type { ParseArgsOptionsConfig } from 'node:util';
import { LicenseDoctorError } from '../../core/errors.ts';
import type { PathId } from '../../core/model/diagnosis.ts';
import type { PlanOptions, PlanOptionValue } from '../../core/model/plan.ts';
import type { PlanOptionDecl } from '../../core/paths/path-module.ts';
import { allPaths, isPathId, pathIds } from '../../core/paths/path-registry.ts';

/** Each flag once (paths that share a flag share its option: the registry checks it). */
function declared(): PlanOptionDecl[] {
  const all = allPaths().flatMap((p) => p.options);
  return all.filter((o, i) => all.findIndex((x) => x.flag === o.flag) === i);
}

/** parseArgs options for every path's flags, with `--path`. */
export function planOptionFlags(): { readonly path: { readonly type: 'string' } } & ParseArgsOptionsConfig {
  return {
    path: { type: 'string' } as const,
    ...Object.fromEntries(declared().map((o) => [o.flag, { type: o.kind === 'boolean' ? 'boolean' : 'string' } as const])),
  };
}

/** `--path`'s value, which must name a registered path. */
export function pathFromFlag(value: string | undefined): PathId {
  if (value === undefined || value.trim() === '') throw new LicenseDoctorError('usage', '--path <path-id> is required; run license-doctor --help');
  if (!isPathId(value)) throw new LicenseDoctorError('usage', `--path must be one of ${pathIds().join(', ')} (got "${value}")`);
  return value;
}

/** The options the given flags set (only those given: the path fills in its defaults); a choice outside its values is a usage error. */
export function planOptionsFromFlags(values: Readonly<Record<string, unknown>>): PlanOptions {
  const options: Record<string, PlanOptionValue> = {};
  for (const o of declared()) {
    const given = values[o.flag];
    if (given === undefined) continue;
    if (o.kind === 'boolean') {
      if (given === true) options[o.name] = !o.default;
      continue;
    }
    if (typeof given !== 'string' || !o.choices.some((c) => c.value === given)) {
      throw new LicenseDoctorError('usage', `--${o.flag} must be one of ${o.choices.map((c) => c.value).join(', ')} (got "${String(given)}")`);
    }
    options[o.name] = given;
  }
  return options;
}

/** The `--help` lines on paths and their options. */
export function planOptionsUsage(): string {
  const paths = allPaths();
  const lines = [`<path-id> is one of: ${paths.map((p) => `${p.id} (${p.labels.reference})`).join(',\n  ')}.`];
  for (const p of paths.filter((x) => x.options.length > 0)) {
    const flags = p.options.map((o) => `--${o.flag}${o.kind === 'choice' ? ` <${o.choices.map((c) => c.value).join('|')}>` : ''} (${o.flagHelp})`);
    lines.push(`Plan options (${p.id}): ${flags.join(',\n  ')}.`);
  }
  return lines.join('\n');
}
