// Whether a step's effect is already in place: the executor's idempotency check (a step already done is skipped,
// so a restarted plan never repeats a completed write) and the re-check of manual steps.
import type { DiagnosisInput } from '../core/model/diagnosis.ts';
import type { PlanStep } from '../core/model/plan.ts';
import type { JournalEntry } from '../core/model/journal.ts';
import { stepState } from '../core/plans/step-state.ts';
import type { ServiceDeps } from './service-deps.ts';

/**
 * True when the step's effect is observable now. `since` is when the request was first executed; `interrupted` is the
 * journal row of an attempt that started but never finished (the process died during the vendor call).
 */
export async function isStepDone(
  deps: Pick<ServiceDeps, 'diagnose'>,
  step: PlanStep,
  live: DiagnosisInput,
  since: string,
  interrupted: JournalEntry | null,
): Promise<boolean> {
  const a = step.action;
  if (a.kind === 'graph-remove-group-member') {
    // Group-based licensing drops the inherited path only after Entra processes the change, so membership itself
    // (not the license path) tells whether the removal happened.
    const memberOf = await deps.diagnose.entra.checkMemberGroups(a.userId, [a.groupId]);
    return !memberOf.some((id) => id.toLowerCase() === a.groupId.toLowerCase());
  }
  if (a.kind === 'okta-repush' && interrupted) {
    // The POST may have landed before the crash: Okta then updated the app user, and its push may still be running.
    const appUser = live.okta?.appUser;
    if (appUser?.lastUpdated && appUser.lastUpdated >= interrupted.startedAt) return true;
    if (appUser?.syncState === 'SYNCING') return true;
  }
  return stepState(step, live, since) === 'done';
}
