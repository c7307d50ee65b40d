// Use case: the plan a resolution path would run for a user, built from the live state (nothing is changed).
import { LicenseDoctorError } from '../core/errors.ts';
import type { Diagnosis, PathId } from '../core/model/diagnosis.ts';
import type { Plan, PlanOptions } from '../core/model/plan.ts';
import { buildPlan } from '../core/plans/build-plan.ts';
import { diagnoseUser } from './diagnose-user.ts';
import { gatherPlanContext } from './gather-plan-context.ts';
import type { ServiceDeps } from './service-deps.ts';

/** Diagnoses `query` and builds the plan for `path`; throws usage errors when there is nothing to plan. */
export async function previewPlan(deps: Pick<ServiceDeps, 'diagnose'>, query: string, path: PathId, options: PlanOptions): Promise<{ diagnosis: Diagnosis; plan: Plan }> {
  const outcome = await diagnoseUser(deps.diagnose, query);
  if (outcome.kind === 'unusable-input') throw new LicenseDoctorError('usage', outcome.message);
  return planFor(deps, outcome.diagnosis, path, options);
}

/** Builds the plan for an existing diagnosis (the chat surfaces keep the one they showed). */
export async function planFor(deps: Pick<ServiceDeps, 'diagnose'>, diagnosis: Diagnosis, path: PathId, options: PlanOptions): Promise<{ diagnosis: Diagnosis; plan: Plan }> {
  if (!diagnosis.report.user) {
    throw new LicenseDoctorError('usage', `No plan: ${diagnosis.report.explanation}`);
  }
  const context = await gatherPlanContext(deps.diagnose, diagnosis, path, options);
  const result = buildPlan(diagnosis, path, options, context);
  if (result.kind === 'not-applicable') throw new LicenseDoctorError('usage', `No plan for ${path}: ${result.reason}`);
  return { diagnosis, plan: result.plan };
}
