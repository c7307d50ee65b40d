// Whether a step's effect is already in place: the executor's idempotency check (a step already done is skipped,
// so a restarted plan never repeats a completed write) and the re-check of manual steps. The step's kind decides how.
import type { DiagnosisInput } from '../core/model/diagnosis.ts';
import type { JournalEntry } from '../core/model/journal.ts';
import type { PlanStep } from '../core/model/plan.ts';
import type { ServiceDeps } from './service-deps.ts';
import { kindOf, stepPorts } from './step-kinds.ts';

/**
 * True when the step's effect is observable now. `since` is when the plan last changed something; `attempts` are the
 * step's journal rows (an attempt that started but never finished means the process died during the vendor call).
 */
export async function isStepDone(
  deps: Pick<ServiceDeps, 'diagnose' | 'workflows' | 'stepKinds'>,
  step: PlanStep,
  live: DiagnosisInput,
  since: string,
  attempts: readonly JournalEntry[],
): Promise<boolean> {
  const kind = kindOf(deps, step);
  if (!kind.confirmDone) return kind.isDone(step.action, live, since);
  return kind.confirmDone(step.action, { live, since, attempts, ports: stepPorts(deps) });
}
