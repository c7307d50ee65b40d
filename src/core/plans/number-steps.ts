import type { PlanStep } from '../model/plan.ts';

/** A step before it has its id. */
export type StepDraft = Omit<PlanStep, 'id'>;

/** Gives steps their ids in order: s1, s2, ... (the journal and the request's progress refer to them). */
export function numberSteps(drafts: readonly StepDraft[]): PlanStep[] {
  return drafts.map((d, i) => ({ id: `s${i + 1}`, ...d }));
}
