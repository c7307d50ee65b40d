// The plan options a chat form sent, read back generically: every surface names its option inputs `option:<name>`
// (Slack block ids, Teams input ids), and the path's declarations (core/paths) say what each value may be.
import type { PathId } from '../../core/model/diagnosis.ts';
import type { PlanOptions } from '../../core/model/plan.ts';
import { pathModule } from '../../core/paths/path-registry.ts';
import { parseOptionValues } from '../../core/paths/plan-options.ts';
import type { PlanOptionField } from '../../core/views/view-model.ts';

const PREFIX = 'option:';

/** The input (or block) id of the option `name`. */
export const optionInputId = (name: string): string => `${PREFIX}${name}`;

/** The option values among a form's inputs, by option name (inputs that are not options are left out). */
export function optionInputs(inputs: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(inputs).filter(([id]) => id.startsWith(PREFIX)).map(([id, v]) => [id.slice(PREFIX.length), v]));
}

/** The options for `path` from what the form sent; a usage error (LicenseDoctorError) names an unknown option or unfit value. */
export const readPlanOptions = (path: PathId, raw: Readonly<Record<string, unknown>>): PlanOptions => parseOptionValues(pathModule(path), raw);

/** Whether `chosen` asks for another plan than the one previewed with `fields` (an option not sent keeps its value). */
export const optionsChanged = (fields: readonly PlanOptionField[] | readonly { name: string; value: unknown }[], chosen: PlanOptions): boolean =>
  fields.some((f) => chosen[f.name] !== undefined && chosen[f.name] !== f.value);
