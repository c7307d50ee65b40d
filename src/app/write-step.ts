// One vendor write of a plan, made safe: journaled before and after under the lease's token, the token checked again
// right before the call, the call bounded by a deadline, and its effect read back. An error without a definite
// refusal (a dropped connection, a timeout, a 5xx) means "unknown": the effect is read to learn whether it landed.
import { LicenseDoctorError, isLicenseDoctorError } from '../core/errors.ts';
import type { JournalEntry } from '../core/model/journal.ts';
import type { DiagnosisInput } from '../core/model/diagnosis.ts';
import type { PlanStep } from '../core/model/plan.ts';
import type { LicenseRequest } from '../core/model/request.ts';
import type { AnyStepKind, StepJournal } from '../core/steps/step-kind.ts';
import { awaitEffect } from './await-effect.ts';
import { isLeaseLost, type ExecutionLease } from './execution-lease.ts';
import { describeFailure, describeMissingEffect } from './execution-messages.ts';
import type { ServiceDeps } from './service-deps.ts';
import { kindOf, stepPorts } from './step-kinds.ts';

export type WriteOutcome =
  | { readonly kind: 'done'; readonly detail: string }
  /** The plan must stop here; `message` says what happened and what is (not) done. */
  | { readonly kind: 'stopped'; readonly message: string };

const now = (deps: ServiceDeps) => new Date(deps.clock.now()).toISOString();

/** A 4xx answer other than a timeout or throttling: the vendor refused, nothing landed. */
function isRefusal(err: unknown): boolean {
  if (!isLicenseDoctorError(err)) return false;
  const status = err.details.status;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** The kind's vendor call (a LicenseDoctorError for a kind the executor does not perform). */
async function perform(deps: ServiceDeps, kind: AnyStepKind, request: LicenseRequest, step: PlanStep, live: DiagnosisInput): Promise<StepJournal> {
  if (!kind.perform) throw new LicenseDoctorError('configuration', `step ${step.id} (${step.action.kind}) is not performed by the executor`);
  return kind.perform(step.action, { ports: stepPorts(deps), live, target: request.target });
}

/** The call, or a LicenseDoctorError once `ms` passed without an answer (the call itself may still land). */
function withDeadline(call: Promise<StepJournal>, ms: number, step: PlanStep, kind: AnyStepKind): Promise<StepJournal> {
  const vendor = kind.vendor ?? 'okta';
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LicenseDoctorError(`${vendor}-unavailable`, `${vendor === 'graph' ? 'Microsoft Graph' : 'Okta'} did not answer within ${Math.round(ms / 1000)} s`, { vendor, operation: step.action.kind, timeoutMs: ms })), ms);
  });
  // The losing call's rejection is read (and dropped) here: the deadline already decided the outcome.
  call.catch(() => undefined);
  return Promise.race([call, deadline]).finally(() => clearTimeout(timer));
}

/** Performs `step` for `request` under `lease`; `attempt` is the journal attempt number; `started` reports the step as running. */
export async function writeStep(
  deps: ServiceDeps, lease: ExecutionLease, request: LicenseRequest, step: PlanStep, live: DiagnosisInput, attempt: number, started: () => Promise<void>,
): Promise<WriteOutcome> {
  const entry: JournalEntry = {
    requestId: request.id, stepId: step.id, attempt, status: 'started', vendorRequestIds: [], startedAt: now(deps), finishedAt: null, detail: step.title, owner: lease.fence.owner,
  };
  await lease.journal(entry);
  await started();
  await boundary(deps, request.id, step, 'journaled-start');
  // Right before the call: a paused executor that was taken over must not write.
  await lease.hold();
  const kind = kindOf(deps, step);
  let result: StepJournal;
  try {
    result = await withDeadline(perform(deps, kind, request, step, live), deps.execution.callTimeoutMs, step, kind);
  } catch (err) {
    if (isLeaseLost(err)) throw err;
    return unknownOutcome(deps, lease, request, step, entry, err, kind);
  }
  await boundary(deps, request.id, step, 'vendor-done');
  if (kind.readBack === 'poll' && !(await awaitEffect(deps, request, step, entry))) {
    const message = describeMissingEffect(kind, request, step, deps.execution.effectTimeoutMs);
    await lease.journal({ ...entry, status: 'failed', vendorRequestIds: result.vendorRequestIds, finishedAt: now(deps), detail: message });
    return { kind: 'stopped', message };
  }
  await lease.journal({ ...entry, status: 'succeeded', vendorRequestIds: result.vendorRequestIds, finishedAt: now(deps), detail: result.detail });
  await boundary(deps, request.id, step, 'journaled-finish');
  return { kind: 'done', detail: result.detail };
}

async function unknownOutcome(
  deps: ServiceDeps, lease: ExecutionLease, request: LicenseRequest, step: PlanStep, entry: JournalEntry, err: unknown, kind: AnyStepKind,
): Promise<WriteOutcome> {
  const vendorIds = isLicenseDoctorError(err) && typeof err.details.requestId === 'string' ? [err.details.requestId] : [];
  const readable = kind.readBack !== 'none';
  if (!isRefusal(err) && readable && (await awaitEffect(deps, request, step, entry))) {
    deps.logger.warn({ requestId: request.id, step: step.id, err }, 'the answer to a write was lost; it landed');
    const detail = 'the answer was lost; read back: the change is there';
    await lease.journal({ ...entry, status: 'succeeded', vendorRequestIds: vendorIds, finishedAt: now(deps), detail });
    await boundary(deps, request.id, step, 'journaled-finish');
    return { kind: 'done', detail };
  }
  const message = describeFailure(kind, request, step, err, !isRefusal(err) && readable);
  await lease.journal({ ...entry, status: 'failed', vendorRequestIds: vendorIds, finishedAt: now(deps), detail: message });
  deps.logger.warn({ requestId: request.id, step: step.id, err }, 'step failed');
  return { kind: 'stopped', message };
}

async function boundary(deps: ServiceDeps, requestId: string, step: PlanStep, boundary: 'journaled-start' | 'vendor-done' | 'journaled-finish'): Promise<void> {
  await deps.events.publish({ type: 'execution-boundary', requestId, stepId: step.id, boundary });
}
