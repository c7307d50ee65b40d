// Plan options, generically: checked against what each path declares, defaults filled in, and read back from what a
// surface's form or command line sent. Surfaces never name an option: they render and parse the declarations.
import { LicenseDoctorError } from '../errors.ts';
import type { PlanOptions, PlanOptionValue } from '../model/plan.ts';
import { SCOPE_REACH, type BooleanOptionDecl, type PathModule, type PlanOptionDecl } from './path-module.ts';

/** The declared defaults of `path`. */
export const defaultOptions = (path: PathModule): PlanOptions => Object.fromEntries(path.options.map((o) => [o.name, o.default]));

/** A switch's value in resolved options (its default when absent). */
export function booleanOption(options: PlanOptions, decl: BooleanOptionDecl): boolean {
  const value = options[decl.name];
  return typeof value === 'boolean' ? value : decl.default;
}

const fits = (decl: PlanOptionDecl, value: PlanOptionValue): boolean =>
  decl.kind === 'boolean' ? typeof value === 'boolean' : typeof value === 'string' && decl.choices.some((c) => c.value === value);

const allowed = (decl: PlanOptionDecl): string =>
  decl.kind === 'boolean' ? 'true or false' : decl.choices.map((c) => c.value).join(', ');

/**
 * `given` checked against `path`'s declarations and completed with its defaults; or why it does not fit. An option
 * another path declares is ignored at that path's default (callers may send a full set) and otherwise names the path
 * it belongs to; an option no path declares is unknown.
 */
export function resolveOptions(path: PathModule, given: PlanOptions, all: readonly PathModule[]): { kind: 'ok'; options: PlanOptions } | { kind: 'invalid'; reason: string } {
  const foreign: string[] = [];
  const owners = new Set<string>();
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined) continue;
    const own = path.options.find((o) => o.name === name);
    if (own) {
      if (!fits(own, value)) return { kind: 'invalid', reason: `${name} must be ${allowed(own)} (got ${JSON.stringify(value)}).` };
      continue;
    }
    const others = all.filter((p) => p.options.some((o) => o.name === name));
    if (others.length === 0) return { kind: 'invalid', reason: `Unknown plan option ${name}: ${path.id} takes ${path.options.map((o) => o.name).join(', ') || 'no options'}.` };
    if (others.some((p) => p.options.some((o) => o.name === name && o.default === value))) continue;
    foreign.push(name);
    for (const p of others) owners.add(p.id);
  }
  if (foreign.length > 0) {
    const reach = path.options.length === 0 ? `${SCOPE_REACH[path.scope]} and has no such variants` : `takes ${path.options.map((o) => o.name).join(', ')}`;
    return { kind: 'invalid', reason: `${foreign.join(', ')} only apply to ${[...owners].join(', ')}; ${path.id} ${reach}.` };
  }
  const set = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  return { kind: 'ok', options: { ...defaultOptions(path), ...set } };
}

/** One value a form or command line sent, as the declaration's type; throws a usage error naming what fits. */
function parseValue(path: PathModule, decl: PlanOptionDecl, raw: unknown): PlanOptionValue {
  if (decl.kind === 'boolean') {
    if (raw === true || raw === 'true') return true;
    if (raw === false || raw === 'false') return false;
  } else if (typeof raw === 'string' && decl.choices.some((c) => c.value === raw)) {
    return raw;
  }
  throw new LicenseDoctorError('usage', `The option "${decl.label}" of ${path.id} must be ${allowed(decl)} (got ${JSON.stringify(raw)}).`);
}

/** Values by option name, as a form or command line sent them, parsed; an unknown name or unfit value is a usage error. */
export function parseOptionValues(path: PathModule, raw: Readonly<Record<string, unknown>>): PlanOptions {
  const options: Record<string, PlanOptionValue> = {};
  for (const [name, value] of Object.entries(raw)) {
    const decl = path.options.find((o) => o.name === name);
    if (!decl) throw new LicenseDoctorError('usage', `Unknown plan option "${name}": ${path.id} takes ${path.options.map((o) => o.name).join(', ') || 'no options'}.`);
    options[name] = parseValue(path, decl, value);
  }
  return options;
}
