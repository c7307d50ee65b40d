// Use case: run an approved plan. Exactly one instance runs it (an expiring lease); every step is checked against the
// live state first (already done → skipped), journaled before and after its vendor call, and reported as it runs; a
// process that dies mid-plan leaves a journal from which the next start resumes without repeating a completed write.
import { checkPremises } from '../core/plans/check-premises.ts';
import { isLicenseDoctorError } from '../core/errors.ts';
import type { JournalEntry } from '../core/model/journal.ts';
import type { PlanStep } from '../core/model/plan.ts';
import type { LicenseRequest, RequestOutcome, StepProgress } from '../core/model/request.ts';
import { applyEvent } from './apply-event.ts';
import { awaitGroupLicensing } from './await-group-licensing.ts';
import { describeFailure, manualOutcome } from './execution-messages.ts';
import { performStep } from './perform-step.ts';
import { preflightPermissions } from './preflight.ts';
import { readLiveState } from './read-live-state.ts';
import type { ServiceDeps } from './service-deps.ts';
import { isStepDone } from './step-done.ts';
import { verifyPlan } from './verify-plan.ts';

let executions = 0;

/** Runs (or resumes) the request's plan if this instance gets the lease; resolves with the request as it ends, or null. */
export async function executeRequest(deps: ServiceDeps, requestId: string): Promise<LicenseRequest | null> {
  // One owner per attempt, not per instance: a store lease is re-entrant for its owner, and the maintenance pass and
  // a click on the same instance must not both run the plan.
  executions += 1;
  const owner = `${deps.instanceId}/${executions}`;
  if (!(await deps.store.acquireLease(requestId, owner, deps.clock.now(), deps.execution.leaseMs))) {
    deps.logger.info({ requestId }, 'another execution is running this request');
    return null;
  }
  try {
    return await run(deps, requestId, owner);
  } finally {
    await deps.store.releaseLease(requestId, owner).catch((err: unknown) => deps.logger.warn({ err, requestId }, 'could not release the lease'));
  }
}

async function run(deps: ServiceDeps, requestId: string, owner: string): Promise<LicenseRequest | null> {
  let request = await deps.store.get(requestId);
  if (!request) return null;
  // Before the first step the premises are checked, also when a process died between starting and that step.
  const firstRun = request.status !== 'needs-manual-steps' && request.steps.every((s) => s.status === 'pending');
  if (request.status === 'approved' || request.status === 'executing' || request.status === 'needs-manual-steps') {
    const event = request.status === 'needs-manual-steps' ? { kind: 'resume' as const, owner } : { kind: 'start-execution' as const, owner };
    const started = await applyEvent(deps, requestId, event, 'executing');
    if (started.kind === 'refused') {
      deps.logger.warn({ requestId, reason: started.reason }, started.message);
      return started.request;
    }
    request = started.request;
  } else {
    return request;
  }

  if (firstRun) {
    const unpermitted = await preflightPermissions(deps, request);
    if (unpermitted !== null) return finish(deps, request, { status: 'failed', message: unpermitted });
    const fresh = await readLiveState(deps, request);
    const premises = checkPremises(request.plan, fresh);
    if (premises.kind === 'changed') {
      return finish(deps, request, {
        status: 'failed',
        message: `Nothing was changed: the situation is not what the plan was made for any more (${premises.changes.join('; ')}). Diagnose ${request.target.displayName} again and request a new plan.`,
      });
    }
  }

  const executionStart = request.steps.find((s) => s.status !== 'pending')?.at ?? request.updatedAt;
  // When the last write went out: Okta's push counts as verification only if it came after it.
  let lastWriteAt = executionStart;
  for (const step of request.plan.steps) {
    const progress = request.steps.find((s) => s.stepId === step.id);
    const attempts = (await deps.store.journal(requestId)).filter((j) => j.stepId === step.id);
    if (progress && (progress.status === 'succeeded' || progress.status === 'skipped')) {
      lastWriteAt = attempts.find((j) => j.status === 'succeeded')?.startedAt ?? progress.at ?? lastWriteAt;
      continue;
    }
    if (!(await deps.store.renewLease(requestId, owner, deps.clock.now(), deps.execution.leaseMs))) {
      deps.logger.warn({ requestId }, 'lost the execution lease; stopping');
      return deps.store.get(requestId);
    }
    const interrupted = attempts.find((j) => j.status === 'started' && j.finishedAt === null) ?? null;
    const live = (await readLiveState(deps, request)).input;

    if (step.action.kind === 'verify') {
      const verdict = await verifyPlan(deps, request, step, lastWriteAt, owner);
      request = await progressStep(deps, request, step, verdict.ok ? 'succeeded' : verdict.manual ? 'manual' : 'failed', verdict.detail);
      return finish(deps, request, verdict.ok ? { status: 'succeeded', message: verdict.detail } : { status: verdict.manual ? 'needs-manual-steps' : 'failed', message: verdict.detail });
    }
    if (await isStepDone(deps, step, live, lastWriteAt, attempts)) {
      if (interrupted) await deps.store.writeJournal({ ...interrupted, status: 'succeeded', finishedAt: now(deps), detail: 'found done after an interruption' });
      request = await progressStep(deps, request, step, step.automatic ? 'skipped' : 'succeeded', step.automatic ? 'already done' : 'done by hand');
      // A re-push found done counts from its own POST; any other effect appeared at some moment before now.
      const own = step.action.kind === 'okta-repush' ? (attempts.find((j) => j.status === 'succeeded') ?? interrupted) : null;
      lastWriteAt = own?.startedAt ?? now(deps);
      continue;
    }
    if (!step.automatic) {
      request = await progressStep(deps, request, step, 'manual', step.effect);
      return finish(deps, request, manualOutcome(request, step));
    }
    if (step.action.kind === 'okta-repush') {
      const wait = await awaitGroupLicensing(deps, request, owner);
      if (wait.kind === 'pending') {
        request = await progressStep(deps, request, step, 'manual', wait.detail);
        return finish(deps, request, { status: 'needs-manual-steps', message: wait.detail });
      }
    }
    if (interrupted) await deps.store.writeJournal({ ...interrupted, status: 'failed', finishedAt: now(deps), detail: 'interrupted; retried' });

    const entry: JournalEntry = {
      requestId, stepId: step.id, attempt: attempts.length + 1, status: 'started', vendorRequestIds: [],
      startedAt: now(deps), finishedAt: null, detail: step.title, owner,
    };
    await deps.store.writeJournal(entry);
    request = await progressStep(deps, request, step, 'running', step.title);
    await boundary(deps, requestId, step, 'journaled-start');
    try {
      const result = await performStep(deps, request, step, live);
      await boundary(deps, requestId, step, 'vendor-done');
      await deps.store.writeJournal({ ...entry, status: 'succeeded', vendorRequestIds: result.vendorRequestIds, finishedAt: now(deps), detail: result.detail });
      await boundary(deps, requestId, step, 'journaled-finish');
      request = await progressStep(deps, request, step, 'succeeded', result.detail);
      lastWriteAt = entry.startedAt;
    } catch (err) {
      const message = describeFailure(request, step, err);
      const vendorIds = isLicenseDoctorError(err) && typeof err.details.requestId === 'string' ? [err.details.requestId] : [];
      await deps.store.writeJournal({ ...entry, status: 'failed', vendorRequestIds: vendorIds, finishedAt: now(deps), detail: message });
      deps.logger.warn({ requestId, step: step.id, err }, 'step failed');
      request = await progressStep(deps, request, step, 'failed', message);
      return finish(deps, request, { status: 'failed', message });
    }
  }
  // Every step was done before (a process died between the verification and the end): the verification is the outcome.
  const verified = request.steps.find((p) => p.status === 'succeeded' && request.plan.steps.some((st) => st.id === p.stepId && st.action.kind === 'verify'));
  return finish(deps, request, { status: 'succeeded', message: verified?.detail ?? 'Every step is done.' });
}

const now = (deps: ServiceDeps) => new Date(deps.clock.now()).toISOString();

async function progressStep(deps: ServiceDeps, request: LicenseRequest, step: PlanStep, status: StepProgress['status'], detail: string): Promise<LicenseRequest> {
  const progress: StepProgress = { stepId: step.id, status, detail, at: now(deps) };
  const r = await applyEvent(deps, request.id, { kind: 'step', progress }, `step ${step.id} ${status}`);
  return r.request;
}

async function finish(deps: ServiceDeps, request: LicenseRequest, outcome: RequestOutcome): Promise<LicenseRequest> {
  const r = await applyEvent(deps, request.id, { kind: 'finish', outcome }, outcome.status);
  deps.logger.info({ requestId: request.id, outcome: outcome.status }, outcome.message);
  return r.request;
}

async function boundary(deps: ServiceDeps, requestId: string, step: PlanStep, boundary: 'journaled-start' | 'vendor-done' | 'journaled-finish'): Promise<void> {
  await deps.events.publish({ type: 'execution-boundary', requestId, stepId: step.id, boundary });
}
