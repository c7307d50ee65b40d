// The plan's steps in order, under a held lease. Each step: read the live state; skip it if its effect is there;
// stop at a manual step; otherwise check the plan's premises against what was just read, and write (write-step.ts).
// What a step is and does comes from its kind (src/core/steps/, looked up in the step table); no kind is named here.
import { checkPremises } from '../core/plans/check-premises.ts';
import { checkProgress } from '../core/plans/check-progress.ts';
import type { PlanStep } from '../core/model/plan.ts';
import type { LicenseRequest, RequestOutcome, StepProgress } from '../core/model/request.ts';
import { applyEvent } from './apply-event.ts';
import { awaitGroupLicensing } from './await-group-licensing.ts';
import { checkStop, type ExecutionLease } from './execution-lease.ts';
import { describeChanged, manualOutcome } from './execution-messages.ts';
import { preflightPermissions } from './preflight.ts';
import { readLiveState } from './read-live-state.ts';
import type { ServiceDeps } from './service-deps.ts';
import { isStepDone } from './step-done.ts';
import { kindOf, stepTable } from './step-kinds.ts';
import { verifyPlan } from './verify-plan.ts';
import { writeStep } from './write-step.ts';

const now = (deps: ServiceDeps) => new Date(deps.clock.now()).toISOString();
const FINISHED: ReadonlySet<StepProgress['status']> = new Set(['succeeded', 'skipped']);

/** Starts (or resumes) the plan and runs it to an outcome, or until the process is asked to stop. */
export async function runPlan(deps: ServiceDeps, lease: ExecutionLease): Promise<LicenseRequest | null> {
  const { requestId, fence } = lease;
  const stored = await deps.requests.get(requestId);
  if (!stored) return null;
  let request: LicenseRequest = stored;
  if (request.status !== 'approved' && request.status !== 'executing' && request.status !== 'needs-manual-steps') return request;
  checkStop(deps.stopSignal);
  // A recovery is recorded only once the vendors answer: while they are down, attempts leave no trace but a log line.
  if (request.status === 'executing') await readLiveState(deps, request);
  const event = request.status === 'needs-manual-steps' ? { kind: 'resume' as const, owner: fence.owner } : { kind: 'start-execution' as const, owner: fence.owner };
  const started = await applyEvent(deps, requestId, event, 'executing', fence);
  if (started.kind === 'refused') {
    deps.logger.warn({ requestId, reason: started.reason }, started.message);
    return started.request;
  }
  request = started.request;
  // Before the first write: a plan the credentials cannot finish is refused whole, not stopped part-way.
  if (request.steps.every((s) => s.status === 'pending')) {
    const unpermitted = await preflightPermissions(deps, request);
    if (unpermitted !== null) return finish(deps, lease, request, { status: 'failed', message: unpermitted });
  }

  const executionStart = request.steps.find((s) => s.status !== 'pending')?.at ?? request.updatedAt;
  // When the last write went out: Okta's push counts as verification only if it came after it.
  let lastWriteAt = executionStart;
  for (const step of request.plan.steps) {
    // Between steps: the vendor call in flight was finished and journaled; the next one is left to another instance.
    checkStop(deps.stopSignal);
    const progress = request.steps.find((s) => s.stepId === step.id);
    const attempts = (await deps.executionStore.journal(requestId)).filter((j) => j.stepId === step.id);
    if (progress && FINISHED.has(progress.status)) {
      lastWriteAt = attempts.find((j) => j.status === 'succeeded')?.startedAt ?? progress.at ?? lastWriteAt;
      continue;
    }
    await lease.hold();
    const interrupted = attempts.find((j) => j.status === 'started' && j.finishedAt === null) ?? null;
    let live = await readLiveState(deps, request);
    const kind = kindOf(deps, step);

    if (kind.role === 'verify') {
      const verdict = await verifyPlan(deps, lease, request, step, lastWriteAt);
      request = await progressStep(deps, lease, request, step, verdict.ok ? 'succeeded' : verdict.manual ? 'manual' : 'failed', verdict.detail);
      return finish(deps, lease, request, verdict.ok ? { status: 'succeeded', message: verdict.detail } : { status: verdict.manual ? 'needs-manual-steps' : 'failed', message: verdict.detail });
    }
    if (await isStepDone(deps, step, live.input, lastWriteAt, attempts)) {
      if (interrupted) await lease.journal({ ...interrupted, status: 'succeeded', finishedAt: now(deps), detail: 'found done after an interruption' });
      request = await progressStep(deps, lease, request, step, step.automatic ? 'skipped' : 'succeeded', step.automatic ? 'already done' : 'done by hand');
      // A re-push found done counts from its own POST; any other effect appeared at some moment before now.
      const own = kind.ownWriteIsEvidence === true ? (attempts.find((j) => j.status === 'succeeded') ?? interrupted) : null;
      lastWriteAt = own?.startedAt ?? now(deps);
      continue;
    }
    if (!step.automatic) {
      request = await progressStep(deps, lease, request, step, 'manual', step.effect);
      return finish(deps, lease, request, manualOutcome(request, step));
    }
    if (kind.awaitsGroupLicensing === true) {
      const wait = await awaitGroupLicensing(deps, request, lease);
      if (wait.kind === 'pending') {
        request = await progressStep(deps, lease, request, step, 'manual', wait.detail);
        return finish(deps, lease, request, { status: 'needs-manual-steps', message: wait.detail });
      }
      live = await readLiveState(deps, request);
    }
    // The premises, on what was just read: the plan's diagnosis before the first write, the plan's own
    // expectations once something was done (what a resume, a re-check or a retry finds may differ from both).
    const done = new Set(request.steps.filter((s) => FINISHED.has(s.status)).map((s) => s.stepId));
    const premises = done.size === 0 ? checkPremises(request.plan, live) : checkProgress(request.plan, done, live, stepTable(deps));
    if (premises.kind === 'changed') {
      const message = done.size === 0
        ? `Nothing was changed: the situation is not what the plan was made for any more (${premises.changes.join('; ')}). Diagnose ${request.target.displayName} again and request a new plan.`
        : describeChanged(request, step, premises.changes);
      if (interrupted) await lease.journal({ ...interrupted, status: 'failed', finishedAt: now(deps), detail: 'interrupted; not retried: the situation changed' });
      if (done.size > 0) request = await progressStep(deps, lease, request, step, 'failed', message);
      return finish(deps, lease, request, { status: 'failed', message });
    }
    if (interrupted) await lease.journal({ ...interrupted, status: 'failed', finishedAt: now(deps), detail: 'interrupted; retried' });

    const at = now(deps);
    const outcome = await writeStep(deps, lease, request, step, live.input, attempts.length + 1, async () => {
      request = await progressStep(deps, lease, request, step, 'running', step.title);
    });
    if (outcome.kind === 'stopped') {
      request = await progressStep(deps, lease, request, step, 'failed', outcome.message);
      return finish(deps, lease, request, { status: 'failed', message: outcome.message });
    }
    request = await progressStep(deps, lease, request, step, 'succeeded', outcome.detail);
    lastWriteAt = at;
  }
  // Every step was done before (a process died between the verification and the end): the verification is the outcome.
  const last = request;
  const verified = last.steps.find((p) => p.status === 'succeeded' && last.plan.steps.some((st) => st.id === p.stepId && kindOf(deps, st).role === 'verify'));
  return finish(deps, lease, last, { status: 'succeeded', message: verified?.detail ?? 'Every step is done.' });
}

async function progressStep(deps: ServiceDeps, lease: ExecutionLease, request: LicenseRequest, step: PlanStep, status: StepProgress['status'], detail: string): Promise<LicenseRequest> {
  const progress: StepProgress = { stepId: step.id, status, detail, at: now(deps) };
  const r = await applyEvent(deps, request.id, { kind: 'step', progress }, `step ${step.id} ${status}`, lease.fence);
  return r.request;
}

async function finish(deps: ServiceDeps, lease: ExecutionLease, request: LicenseRequest, outcome: RequestOutcome): Promise<LicenseRequest> {
  const r = await applyEvent(deps, request.id, { kind: 'finish', outcome }, outcome.status, lease.fence);
  deps.logger.info({ requestId: request.id, outcome: outcome.status }, outcome.message);
  return r.request;
}
