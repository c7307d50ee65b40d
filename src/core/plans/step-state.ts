// Whether a step's effect is already in the live state: the executor's idempotency check before each step, the
// re-check of manual steps, and the verify step's poll. Each kind says how (src/core/steps/); only what the live
// state shows counts.
import type { DiagnosisInput } from '../model/diagnosis.ts';
import type { PlanStep } from '../model/plan.ts';
import { STEP_KINDS, stepKindOf, type StepTable } from '../steps/step-table.ts';

export type StepState = 'done' | 'not-done';

/**
 * 'done' when the step's effect is present in `live`. `since` (ISO 8601) is when the executor last changed something
 * for the plan (or when execution started): a re-push and the verify step count only an Okta sync after it.
 * Without a live Entra user, nothing about the user's licenses is observable, so Graph steps are 'not-done'.
 * A Workflows invocation leaves nothing observable: it is always 'not-done' (invoking the flow again is harmless).
 */
export function stepState(step: PlanStep, live: DiagnosisInput, since: string, table: StepTable = STEP_KINDS): StepState {
  return stepKindOf(table, step.action).isDone(step.action, live, since) ? 'done' : 'not-done';
}
