// Whether a step's effect is already in place: the executor's idempotency check (a step already done is skipped,
// so a restarted plan never repeats a completed write) and the re-check of manual steps.
import type { DiagnosisInput } from '../core/model/diagnosis.ts';
import type { PlanStep } from '../core/model/plan.ts';
import type { JournalEntry } from '../core/model/journal.ts';
import { stepState } from '../core/plans/step-state.ts';
import type { ServiceDeps } from './service-deps.ts';

/**
 * True when the step's effect is observable now. `since` is when the plan last changed something; `attempts` are the
 * step's journal rows (an attempt that started but never finished means the process died during the vendor call).
 */
export async function isStepDone(
  deps: Pick<ServiceDeps, 'diagnose'>,
  step: PlanStep,
  live: DiagnosisInput,
  since: string,
  attempts: readonly JournalEntry[],
): Promise<boolean> {
  const a = step.action;
  if (a.kind === 'graph-remove-group-member') {
    // Group-based licensing drops the inherited path only after Entra processes the change, so membership itself
    // (not the license path) tells whether the removal happened.
    const memberOf = await deps.diagnose.entra.checkMemberGroups(a.userId, [a.groupId]);
    return !memberOf.some((id) => id.toLowerCase() === a.groupId.toLowerCase());
  }
  if (a.kind === 'okta-repush') return repushLanded(live, attempts);
  return stepState(step, live, since) === 'done';
}

/**
 * Only this plan's own re-push counts: a push Okta made for an earlier step (the license change of step 1, say) may
 * have read Graph before the group path went, so it proves nothing. The POST landed if the journal says so, or, after
 * a crash during the call, if Okta updated the app user since the attempt started or is pushing it now.
 */
function repushLanded(live: DiagnosisInput, attempts: readonly JournalEntry[]): boolean {
  if (attempts.some((j) => j.status === 'succeeded')) return true;
  const interrupted = attempts.find((j) => j.status === 'started' && j.finishedAt === null);
  if (!interrupted) return false;
  const appUser = live.okta?.appUser;
  const updated = appUser?.lastUpdated ? Date.parse(appUser.lastUpdated) : Number.NaN;
  return updated >= Date.parse(interrupted.startedAt) || appUser?.syncState === 'SYNCING';
}
