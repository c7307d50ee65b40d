// license-doctor diagnose <query...> [--json] [--sandbox]
import { diagnoseUser } from '../../../app/diagnose-user.ts';
import { LicenseDoctorError } from '../../../core/errors.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT } from '../exit-codes.ts';
import { formatDiagnosis } from '../format-diagnosis.ts';
import { createStyle } from '../style.ts';
import { withRuntime } from '../with-runtime.ts';

export interface DiagnoseArgs {
  readonly query: string;
  readonly json: boolean;
  readonly sandbox: boolean;
}

/** Prints the diagnosis of a user or pasted error; exit 0 whatever the verdict. */
export async function diagnoseCommand(args: DiagnoseArgs, io: CliIo): Promise<number> {
  return withRuntime(io, { sandbox: args.sandbox }, async (rt) => {
    const outcome = await diagnoseUser(rt.diagnoseDeps, args.query);
    if (outcome.kind === 'unusable-input') throw new LicenseDoctorError('usage', outcome.message);
    const { report } = outcome.diagnosis;
    if (args.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else io.stdout.write(`${formatDiagnosis(report, createStyle(Boolean(io.stdout.isTTY) && !io.env.NO_COLOR))}\n`);
    return EXIT.ok;
  });
}
