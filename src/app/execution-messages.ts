// What an agent and an approver read when a plan stops: which step, what the vendor said, what is done, what next.
import { isLicenseDoctorError } from '../core/errors.ts';
import type { PlanStep } from '../core/model/plan.ts';
import type { LicenseRequest, RequestOutcome } from '../core/model/request.ts';

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

/** The outcome message for a step that failed; `readBack`: the answer was lost and the effect was read back, absent. */
export function describeFailure(request: LicenseRequest, step: PlanStep, err: unknown, readBack = false): string {
  const n = position(request, step);
  const total = request.plan.steps.length;
  if (readBack) {
    return (
      `Step ${n} of ${total} stopped — ${step.title}: the answer was lost (${vendorText(err)}), and reading back shows the change is not there.` +
      `${doneBefore(n, `nothing after step ${n} ran.`)} Once the vendor answers again, retry (license-doctor retry ${request.id} --as <you>): License Doctor checks the situation first and continues from step ${n}.`
    );
  }
  if (step.action.kind === 'graph-assign-direct-license' && isLicenseDoctorError(err, 'graph-request-failed')) {
    return (
      `Step ${n} of ${total} stopped: Microsoft Graph refused to assign the license directly while a group grants it — ${vendorText(err)}.` +
      `${doneBefore(n, `nothing was removed, so ${request.target.displayName} keeps every license.`)} ` +
      `To go ahead with a short gap in service, request path 1 again as the variant with a gap, acknowledging the gap (from the command line: license-doctor request ${request.target.userPrincipalName} --path okta-owns-licenses --allow-gap --acknowledge-removal).`
    );
  }
  return `Step ${n} of ${total} failed — ${step.title}: ${vendorText(err)}.${doneBefore(n, `nothing after step ${n} ran.`)} Fix the cause, then retry (license-doctor retry ${request.id} --as <you>) or request again.`;
}

/** The outcome when a write was accepted but its effect never showed. */
export function describeMissingEffect(request: LicenseRequest, step: PlanStep, waitedMs: number): string {
  const n = position(request, step);
  const total = request.plan.steps.length;
  const name = request.target.displayName;
  const waited = `${Math.round(waitedMs / 1000)} s`;
  const a = step.action;
  const what = a.kind === 'graph-assign-direct-license'
    ? `Microsoft Graph accepted the direct assignment, but after ${waited} ${name} still has no direct, active path for the license (Entra ID may keep only the group's path for a license the user inherits), so nothing was removed and ${name} keeps every license. To go ahead, request path 1 again as the variant with a gap (license-doctor request ${request.target.userPrincipalName} --path okta-owns-licenses --allow-gap --acknowledge-removal).`
    : `the vendor accepted it, but after ${waited} the change does not show (${clause(step.verification)}).${doneBefore(n, `nothing after step ${n} ran.`)} Check the change in the admin console, then retry (license-doctor retry ${request.id} --as <you>).`;
  return `Step ${n} of ${total} stopped — ${step.title}: ${what}`;
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
