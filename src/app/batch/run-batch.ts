// Use case: run an approved batch. Each user's change is an ordinary request, created just before it runs from a plan
// built on the live state (a user whose state changed since the scan gets no plan and is marked not-applicable, never
// forced), already carrying the batch's approvals, and run by executeRequest: leases, fencing, the invariant checks,
// the journal and verification are the ones every request gets. Users run at most `concurrency` at a time; one user's
// failure never stops the others; each user's outcome is one audit entry of the batch.
import { memberStateOf, countMembers, isSettled } from '../../core/batch/batch-counts.ts';
import { advanceBatch, batchRunRefusal } from '../../core/batch/batch-decision.ts';
import { childRequest } from '../../core/batch/child-request.ts';
import { auditRecord } from '../../core/approval/audit-record.ts';
import { isLicenseDoctorError, LicenseDoctorError } from '../../core/errors.ts';
import type { BatchMember, BatchMemberState, BatchRequest } from '../../core/model/batch.ts';
import type { LicenseRequest } from '../../core/model/request.ts';
import { inContext } from '../audit.ts';
import { executeRequest } from '../execute-request.ts';
import { previewPlan } from '../preview-plan.ts';
import { announce, eachBounded, nowIso, type BatchDeps } from './batch-deps.ts';

const POLL_MS = 500;
/** How often one user's plan is read again after a vendor asked to wait (a batch runs inside the vendors' limits). */
const THROTTLE_TRIES = 6;

/** `read`, waiting out a vendor's rate limit (what it asked, at least 1 s) and reading again: nothing was written yet. */
async function patiently<T>(deps: BatchDeps, read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (err) {
      const stop = deps.service.stopSignal;
      if (!isLicenseDoctorError(err, 'throttled') || attempt >= THROTTLE_TRIES || stop?.aborted) throw err;
      const waitMs = Math.max(1, Number(err.details['retryAfterSeconds'] ?? 1)) * 1_000;
      deps.service.logger.info({ waitMs, attempt }, 'a vendor asked the batch to wait; reading this user again after it');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        stop?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
      });
    }
  }
}

/** Moves the batch record on (compare-and-set, re-read on a lost race); null when `change` declines the current state. */
export async function changeBatch(deps: BatchDeps, id: string, change: (b: BatchRequest) => { next: BatchRequest; audit: ReturnType<typeof auditRecord>[] } | null): Promise<BatchRequest | null> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const current = await deps.batches.getBatch(id);
    if (!current) throw new LicenseDoctorError('not-found', `There is no batch ${id}.`);
    const step = change(current);
    if (!step) return null;
    if (await deps.batches.updateBatch(current.version, step.next, inContext(deps.service, step.audit))) {
      await announce(deps, step.next.status, step.next);
      return step.next;
    }
  }
  throw new LicenseDoctorError('conflict', `Batch ${id} kept changing; try again.`);
}

/** Records a user's outcome: their row and the one audit entry for them, in one transaction. */
async function settle(deps: BatchDeps, batch: BatchRequest, member: BatchMember, state: BatchMemberState, detail: string | null, requestId = member.requestId): Promise<void> {
  const now = nowIso(deps);
  const next: BatchMember = { ...member, state, detail, requestId, updatedAt: now };
  const audit = auditRecord(now, 'batch.user-finished', { system: deps.service.instanceId }, batch.id, {
    user: member.userPrincipalName, state, requestId, detail,
  });
  if (await deps.batches.updateMember(next, member.state, inContext(deps.service, [audit]))) await announce(deps, 'member', batch);
}

/** Waits for a request another execution is running to end (bounded by the stop signal and `untilMs`). */
async function awaitRequest(deps: BatchDeps, id: string, untilMs: number): Promise<LicenseRequest | null> {
  for (;;) {
    const request = await deps.service.requests.get(id);
    if (!request || memberStateOf(request.status) !== null || deps.service.clock.now() >= untilMs || deps.service.stopSignal?.aborted) return request;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** One user: the request (created now from the live plan, or the one already made), run, and the outcome recorded. */
async function runMember(deps: BatchDeps, batch: BatchRequest, member: BatchMember): Promise<void> {
  const svc = deps.service;
  let current = member;
  if (current.state === 'pending') {
    const claimed: BatchMember = { ...current, state: 'running', updatedAt: nowIso(deps) };
    if (!(await deps.batches.updateMember(claimed, 'pending'))) return; // another instance took this user
    current = claimed;
    await announce(deps, 'member', batch);
  }
  // Claimed by another instance that is still making its request (a resume racing a live run): left to it.
  if (member.state === 'running' && member.requestId === null && Date.parse(member.updatedAt) + svc.execution.leaseMs > svc.clock.now()) return;
  let requestId = current.requestId;
  if (requestId === null) {
    let made: LicenseRequest;
    try {
      const { diagnosis, plan } = await patiently(deps, () => previewPlan(svc, current.userPrincipalName, batch.path, batch.options));
      const user = diagnosis.report.user;
      if (!user) throw new LicenseDoctorError('usage', diagnosis.report.explanation);
      const child = childRequest({
        id: svc.newRequestId(), batch, plan, now: nowIso(deps), ttlHours: svc.policy.requestTtlHours,
        target: { userPrincipalName: user.userPrincipalName, displayName: user.displayName, entraObjectId: user.entraObjectId, oktaUserId: user.oktaUserId, appId: diagnosis.report.okta?.appId ?? null },
      });
      if (child.kind === 'refused') return settle(deps, batch, current, 'failed', child.refusal.message);
      await svc.requests.create(child.request, { audit: inContext(svc, child.audit) });
      made = child.request;
    } catch (err) {
      // No plan for this user now (already fine, or the path no longer applies): skipped, not forced.
      if (isLicenseDoctorError(err, 'usage')) return settle(deps, batch, current, 'not-applicable', err.message.replace(/^No plan for [\w-]+: /, ''));
      if (isLicenseDoctorError(err, 'conflict')) return settle(deps, batch, current, 'failed', `Another request is open for this user (${String(err.details['requestId'] ?? '')}): one change at a time.`);
      throw err;
    }
    requestId = made.id;
    const withRequest: BatchMember = { ...current, requestId, updatedAt: nowIso(deps) };
    await deps.batches.updateMember(withRequest, 'running');
    current = withRequest;
    await svc.events.publish({ type: 'request-changed', change: 'approved', request: made });
  }
  const before = await svc.requests.get(requestId);
  const ended = before && memberStateOf(before.status) !== null ? before : null;
  const ran = ended ?? (await executeRequest(svc, requestId)) ?? (await awaitRequest(deps, requestId, svc.clock.now() + svc.execution.leaseMs * 4));
  const state = ran ? memberStateOf(ran.status) : 'failed';
  // Still running elsewhere: the user stays running and the next pass (or `batch show`) records how it ended.
  if (state === null) return;
  await settle(deps, batch, current, state, ran?.outcome?.message ?? (ran ? null : `Request ${requestId} is gone.`));
}

/** Runs (or resumes) an approved batch: every pending user, `concurrency` at a time. Resolves with the batch as it ends. */
export async function runBatch(deps: BatchDeps, batchId: string): Promise<BatchRequest> {
  const svc = deps.service;
  const ctx = { now: nowIso(deps), readOnly: svc.policy.readOnly, approvalTtlHours: svc.policy.approvalTtlHours };
  const batch = await deps.batches.getBatch(batchId);
  if (!batch) throw new LicenseDoctorError('not-found', `There is no batch ${batchId}.`);
  const refusal = batchRunRefusal(batch, ctx);
  if (refusal) throw new LicenseDoctorError('policy', refusal, { reason: ctx.readOnly ? 'read-only' : 'invalid-transition', requestId: batchId });
  const running = batch.status === 'running' ? batch : await changeBatch(deps, batchId, (b) => (b.status !== 'approved' && b.status !== 'finished' ? null : {
    next: advanceBatch(b, ctx.now, { status: 'running', outcome: null }),
    audit: [auditRecord(ctx.now, 'batch.started', { system: svc.instanceId }, b.id, { concurrency: deps.concurrency })],
  })) ?? batch;
  const todo = (await deps.batches.members(batchId)).filter((m) => m.state === 'pending' || m.state === 'running');
  const errors = await eachBounded(todo, deps.concurrency, async (m) => {
    if (svc.stopSignal?.aborted) return;
    // A batch cancelled meanwhile (the demo's reset) starts no more users; users already claimed finish their change.
    if (m.state === 'pending' && (await deps.batches.getBatch(batchId))?.status !== 'running') return;
    try {
      await runMember(deps, running, m);
    } catch (err) {
      // An unexpected failure for one user is that user's failure; the others go on.
      svc.logger.error({ err, batchId, user: m.userPrincipalName }, 'a batch user failed');
      const now = (await deps.batches.members(batchId)).find((x) => x.position === m.position);
      if (now && (now.state === 'running' || now.state === 'pending')) await settle(deps, running, now, 'failed', err instanceof Error ? err.message : String(err));
    }
  });
  if (errors.length > 0) svc.logger.error({ batchId, errors: errors.length }, 'some batch users could not be recorded');
  return finishIfSettled(deps, batchId);
}

/** Marks a running batch finished once no user is pending or running (audited with the counts). */
export async function finishIfSettled(deps: BatchDeps, batchId: string): Promise<BatchRequest> {
  const counts = countMembers(await deps.batches.members(batchId));
  const now = nowIso(deps);
  const finished = isSettled(counts) ? await changeBatch(deps, batchId, (b) => (b.status !== 'running' ? null : {
    next: advanceBatch(b, now, { status: 'finished', outcome: `${counts.done} done, ${counts.manual} waiting for manual steps, ${counts.failed} failed, ${counts.notApplicable} not applicable.` }),
    audit: [auditRecord(now, 'batch.finished', { system: deps.service.instanceId }, b.id, { ...counts })],
  })) : null;
  return finished ?? (await deps.batches.getBatch(batchId)) ?? (() => { throw new LicenseDoctorError('not-found', `There is no batch ${batchId}.`); })();
}
