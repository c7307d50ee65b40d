// The one table of resolution paths. A new path is one module (see path-module.ts) added here; everything else —
// remedies, plans, labels, the request's undo, and every surface's option inputs and flags — reads this table.
import { LicenseDoctorError } from '../errors.ts';
import type { PathId } from '../model/diagnosis.ts';
import { entraOwnsLicenses } from './entra-owns-licenses.ts';
import { oktaOwnsLicenses } from './okta-owns-licenses.ts';
import { oktaProvisioningOn } from './okta-provisioning-on.ts';
import { oktaWorkflowsProfileOnly } from './okta-workflows-profile-only.ts';
import type { PathModule } from './path-module.ts';

const table: PathModule[] = [oktaOwnsLicenses, entraOwnsLicenses, oktaWorkflowsProfileOnly, oktaProvisioningOn];

/** The KB article's three resolution paths (the remedies of a conflict), in its order. */
export const KB_PATH_IDS: readonly PathId[] = table.filter((p) => p.kb !== null).sort((a, b) => (a.kb ?? 0) - (b.kb ?? 0)).map((p) => p.id);

/** Every registered path, in the order remedies and buttons show them. */
export const allPaths = (): readonly PathModule[] => table;

/** Every registered path id. */
export const pathIds = (): readonly PathId[] => table.map((p) => p.id);

export const isPathId = (value: unknown): value is PathId => typeof value === 'string' && table.some((p) => p.id === value);

/** The registered path `id`; a usage error naming the paths there are when there is none. */
export function pathModule(id: PathId): PathModule {
  const found = table.find((p) => p.id === id);
  if (!found) throw new LicenseDoctorError('usage', `There is no resolution path "${id}": the paths are ${pathIds().join(', ')}.`);
  return found;
}

/**
 * Adds a path to the table (after the built-in ones). Its id must be new, and a command-line flag it shares with
 * another path must stand for the same option.
 */
export function registerPath(module: PathModule): void {
  if (isPathId(module.id)) throw new LicenseDoctorError('configuration', `A resolution path "${module.id}" is already registered.`);
  for (const option of module.options) {
    const clash = table.flatMap((p) => p.options).find((o) => o.flag === option.flag && (o.name !== option.name || o.kind !== option.kind));
    if (clash) throw new LicenseDoctorError('configuration', `--${option.flag} already stands for ${clash.name}; ${module.id} cannot use it for ${option.name}.`);
  }
  table.push(module);
}
