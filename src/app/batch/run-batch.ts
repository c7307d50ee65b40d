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

/** What making a user's request came to: the request (made now, or by another instance with the same id), or an outcome. */
type Made = { readonly kind: 'made'; readonly request: LicenseRequest; readonly announce: boolean } | { readonly kind: 'settle'; readonly state: BatchMemberState; readonly detail: string };

/** Creates the user's request with the reserved `id` from a plan built on the live state. */
async function createChild(deps: BatchDeps, batch: BatchRequest, member: BatchMember, id: string): Promise<Made> {
  const svc = deps.service;
  const { diagnosis, plan } = await patiently(deps, () => previewPlan(svc, member.userPrincipalName, batch.path, batch.options));
  const user = diagnosis.report.user;
  if (!user) throw new LicenseDoctorError('usage', diagnosis.report.explanation);
  const child = childRequest({
    id, batch, plan, now: nowIso(deps), ttlHours: svc.policy.requestTtlHours,
    target: { userPrincipalName: user.userPrincipalName, displayName: user.displayName, entraObjectId: user.entraObjectId, oktaUserId: user.oktaUserId, appId: diagnosis.report.okta?.appId ?? null },
  });
  if (child.kind === 'refused') return { kind: 'settle', state: 'failed', detail: child.refusal.message };
  await svc.requests.create(child.request, { audit: inContext(svc, child.audit) });
  return { kind: 'made', request: child.request, announce: true };
}

/**
 * The user's request under the id reserved with their claim: created now, or, when another instance resuming the
 * batch created it meanwhile (a create of the same id is refused), the stored one. An outcome without a request (no
 * plan now, another request open for the user) stands only while no request has that id.
 */
async function makeRequest(deps: BatchDeps, batch: BatchRequest, member: BatchMember, id: string): Promise<Made> {
  let made: Made;
  try {
    made = await createChild(deps, batch, member, id);
  } catch (err) {
    const stored = isLicenseDoctorError(err, 'conflict') || isLicenseDoctorError(err, 'usage') ? await deps.service.requests.get(id) : null;
    if (stored) return { kind: 'made', request: stored, announce: false };
    // No plan for this user now (already fine, or the path no longer applies): skipped, not forced.
    if (isLicenseDoctorError(err, 'usage')) return { kind: 'settle', state: 'not-applicable', detail: err.message.replace(/^No plan for [\w-]+: /, '') };
    if (isLicenseDoctorError(err, 'conflict')) return { kind: 'settle', state: 'failed', detail: `Another request is open for this user (${String(err.details['requestId'] ?? '')}): one change at a time.` };
    throw err;
  }
  if (made.kind === 'settle') {
    const stored = await deps.service.requests.get(id);
    if (stored) return { kind: 'made', request: stored, announce: false };
  }
  return made;
}

/** Takes a pending user (their request id reserved in the same compare-and-set); null when another instance took them. */
async function claim(deps: BatchDeps, batch: BatchRequest, member: BatchMember): Promise<BatchMember | null> {
  // A retried user keeps the request their retry reopened.
  const claimed: BatchMember = { ...member, state: 'running', requestId: member.requestId ?? deps.service.newRequestId(), updatedAt: nowIso(deps) };
  if (!(await deps.batches.updateMember(claimed, 'pending'))) return null;
  await announce(deps, 'member', batch);
  return claimed;
}

/**
 * One user: their request (reserved when they were claimed, created from the live plan, or the one already made),
 * run, and the outcome recorded. A running user found on resume is this runner's when their request exists (run or
 * awaited) or their claim is older than an execution lease (its owner stopped: the request is created with the same
 * id, so an owner that was only slow finds it made); while the claim is fresh and no request exists, the owner is
 * still making it and the user is left to it.
 */
async function runMember(deps: BatchDeps, batch: BatchRequest, member: BatchMember): Promise<void> {
  const svc = deps.service;
  let current: BatchMember | null = member;
  if (member.state === 'pending') current = await claim(deps, batch, member);
  else if (member.requestId === null) {
    // Claimed before claims reserved the request id (a store written by an earlier version): reserved now.
    if (Date.parse(member.updatedAt) + svc.execution.leaseMs > svc.clock.now()) return;
    current = { ...member, requestId: svc.newRequestId(), updatedAt: nowIso(deps) };
    if (!(await deps.batches.updateMember(current, 'running'))) return;
  }
  if (current === null || current.requestId === null) return;
  const requestId = current.requestId;
  let request = await svc.requests.get(requestId);
  if (!request) {
    const fresh = member.state === 'running' && member.requestId !== null && Date.parse(member.updatedAt) + svc.execution.leaseMs > svc.clock.now();
    if (fresh) return;
    const made = await makeRequest(deps, batch, current, requestId);
    if (made.kind === 'settle') return settle(deps, batch, current, made.state, made.detail);
    request = made.request;
    if (made.announce) await svc.events.publish({ type: 'request-changed', change: 'approved', request });
  }
  const ended = memberStateOf(request.status) !== null ? request : null;
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
