// After a write, its effect is read back (a 2xx is not proof), and after a write whose answer was lost (a dropped
// connection, a timeout, a 5xx) the same read says whether it landed. Effects that Entra ID or Okta apply a moment
// later are polled, bounded by `effectTimeoutMs`.
import type { JournalEntry } from '../core/model/journal.ts';
import type { PlanStep } from '../core/model/plan.ts';
import type { LicenseRequest } from '../core/model/request.ts';
import { readLiveState } from './read-live-state.ts';
import type { ServiceDeps } from './service-deps.ts';
import { isStepDone } from './step-done.ts';
import { kindOf } from './step-kinds.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * True once the live state shows the step's effect; false when it has not appeared within the effect timeout (a kind
 * whose effect is read back only 'once' is read once). `attempt` is the journal row of the write (a re-push counts as
 * landed if Okta updated the app user after it).
 */
export async function awaitEffect(deps: ServiceDeps, request: LicenseRequest, step: PlanStep, attempt: JournalEntry): Promise<boolean> {
  const deadline = deps.clock.now() + deps.execution.effectTimeoutMs;
  const pending = { ...attempt, status: 'started' as const, finishedAt: null };
  for (;;) {
    const live = await readLiveState(deps, request);
    if (await isStepDone(deps, step, live.input, attempt.startedAt, [pending])) return true;
    if (kindOf(deps, step).readBack === 'once' || deps.clock.now() >= deadline) return false;
    await sleep(deps.execution.effectIntervalMs);
  }
}
