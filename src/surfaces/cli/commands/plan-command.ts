// license-doctor plan <query...> --path <path-id> [--json] [--sandbox] [plan options]
import type { PathId } from '../../../core/model/diagnosis.ts';
import type { PlanOptions } from '../../../core/model/plan.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT } from '../exit-codes.ts';
import { formatPlan } from '../format-request.ts';
import { planJson } from '../request-json.ts';
import { createStyle } from '../style.ts';
import { withRuntime } from '../with-runtime.ts';

export interface PlanArgs {
  readonly query: string;
  readonly path: PathId;
  readonly options: PlanOptions;
  readonly json: boolean;
  readonly sandbox: boolean;
}

/** Prints the plan the path would run (nothing is changed). */
export async function planCommand(args: PlanArgs, io: CliIo): Promise<number> {
  return withRuntime(io, { sandbox: args.sandbox }, async (rt) => {
    const { plan } = await rt.services.previewPlan(args.query, args.path, args.options);
    io.stdout.write(args.json ? `${JSON.stringify(planJson(plan), null, 2)}\n` : `${formatPlan(plan, createStyle(Boolean(io.stdout.isTTY) && !io.env.NO_COLOR))}\n`);
    return EXIT.ok;
  });
}
