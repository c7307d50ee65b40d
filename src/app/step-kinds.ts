// The executor's view of the step table: a step's kind, and the ports a kind acts through.
import type { PlanStep } from '../core/model/plan.ts';
import type { AnyStepKind, StepPorts } from '../core/steps/step-kind.ts';
import { STEP_KINDS, stepKindOf, type StepTable } from '../core/steps/step-table.ts';
import type { ServiceDeps } from './service-deps.ts';

type KindDeps = Pick<ServiceDeps, 'stepKinds'>;

/** The step kinds this process knows. */
export const stepTable = (deps: KindDeps): StepTable => deps.stepKinds ?? STEP_KINDS;

/** The kind of `step` (a LicenseDoctorError for a kind this process does not know). */
export const kindOf = (deps: KindDeps, step: PlanStep): AnyStepKind => stepKindOf(stepTable(deps), step.action);

/** The vendors' ports a step acts through: the execution's own (they wait out rate limits) and the Workflows flow. */
export const stepPorts = (deps: Pick<ServiceDeps, 'diagnose' | 'workflows'>): StepPorts => ({
  entra: deps.diagnose.entra, okta: deps.diagnose.okta, workflows: deps.workflows,
});
