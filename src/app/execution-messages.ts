// What an agent and an approver read when a plan stops: which step, what the vendor said, what is done, what next.
// A step's kind may word its own failures (src/core/steps/); the general sentences are here.
import { isLicenseDoctorError } from '../core/errors.ts';
import type { PlanStep } from '../core/model/plan.ts';
import type { LicenseRequest, RequestOutcome } from '../core/model/request.ts';
import type { AnyStepKind, StopStory } from '../core/steps/step-kind.ts';

function position(request: LicenseRequest, step: PlanStep): number {
  return request.plan.steps.findIndex((s) => s.id === step.id) + 1;
}

/** Text without its final full stop, so that it can be followed by more of a sentence. */
const clause = (text: string): string => text.trim().replace(/\.+$/, '');

function vendorText(err: unknown): string {
  if (!isLicenseDoctorError(err)) return clause(err instanceof Error ? err.message : String(err));
  const d = err.details;
  const id = typeof d.requestId === 'string' ? ` (request-id ${d.requestId})` : '';
  return `${clause(err.message)}${id}`;
}

/** " Step 1 is done; nothing …" / " Steps 1–3 are done; nothing …" / " Nothing …" for step `n` and what follows. */
function doneBefore(n: number, rest: string): string {
  if (n <= 1) return ` ${rest.charAt(0).toUpperCase()}${rest.slice(1)}`;
  return n === 2 ? ` Step 1 is done; ${rest}` : ` Steps 1–${n - 1} are done; ${rest}`;
}

/** What a kind's own message can use. */
function story(request: LicenseRequest, step: PlanStep, err: unknown, waitedMs: number): StopStory {
  const n = position(request, step);
  return {
    n, total: request.plan.steps.length, target: request.target, errorCode: isLicenseDoctorError(err) ? err.code : null, vendorText: vendorText(err),
    doneBefore: (rest) => doneBefore(n, rest), waited: `${Math.round(waitedMs / 1000)} s`,
  };
}

/** The outcome message for a step that failed; `readBack`: the answer was lost and the effect was read back, absent. */
export function describeFailure(kind: AnyStepKind, request: LicenseRequest, step: PlanStep, err: unknown, readBack = false): string {
  const n = position(request, step);
  const total = request.plan.steps.length;
  if (readBack) {
    return (
      `Step ${n} of ${total} stopped — ${step.title}: the answer was lost (${vendorText(err)}), and reading back shows the change is not there.` +
      `${doneBefore(n, `nothing after step ${n} ran.`)} Once the vendor answers again, retry (license-doctor retry ${request.id} --as <you>): License Doctor checks the situation first and continues from step ${n}.`
    );
  }
  const own = kind.failureMessage?.(step.action, story(request, step, err, 0)) ?? null;
  if (own !== null) return own;
  return `Step ${n} of ${total} failed — ${step.title}: ${vendorText(err)}.${doneBefore(n, `nothing after step ${n} ran.`)} Fix the cause, then retry (license-doctor retry ${request.id} --as <you>) or request again.`;
}

/** The outcome when a write was accepted but its effect never showed. */
export function describeMissingEffect(kind: AnyStepKind, request: LicenseRequest, step: PlanStep, waitedMs: number): string {
  const s = story(request, step, null, waitedMs);
  const what = kind.missingEffectMessage?.(step.action, s)
    ?? `the vendor accepted it, but after ${s.waited} the change does not show (${clause(step.verification)}).${doneBefore(s.n, `nothing after step ${s.n} ran.`)} Check the change in the admin console, then retry (license-doctor retry ${request.id} --as <you>).`;
  return `Step ${s.n} of ${s.total} stopped — ${step.title}: ${what}`;
}

/** The outcome when the live state no longer fits the plan before step `step` (`changes` in words). */
export function describeChanged(request: LicenseRequest, step: PlanStep, changes: readonly string[]): string {
  const n = position(request, step);
  return (
    `Step ${n} of ${request.plan.steps.length} was not started: since the plan began, ${changes.join('; ')}.` +
    `${doneBefore(n, `nothing else was changed.`)} Diagnose ${request.target.displayName} again: if the change was wanted, request a new plan; ` +
    `if not, undo it and retry (license-doctor retry ${request.id} --as <you>).`
  );
}

/** The outcome when the plan reaches a manual step that is not done yet. */
export function manualOutcome(request: LicenseRequest, step: PlanStep): RequestOutcome {
  const n = position(request, step);
  const others = request.plan.steps.slice(n).filter((s) => !s.automatic);
  const more = others.length > 0 ? ` Later, also by hand: ${others.map((s) => s.title).join('; ')}.` : '';
  return {
    status: 'needs-manual-steps',
    message: `Step ${n} needs a person — ${step.title}: ${clause(step.effect)}.${more} Then press Re-check (license-doctor recheck ${request.id}): License Doctor checks it and finishes the remaining steps.`,
  };
}
