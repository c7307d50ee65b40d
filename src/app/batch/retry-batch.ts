// Use case: the failed users of a batch again. Retry runs them under the batch's approval (a user's failed request is
// retried from its failed step, after the executor's live premise check; a user without a runnable request gets a new
// one from a fresh plan); split moves them to a new batch that needs its own two approvals.
import { auditRecord } from '../../core/approval/audit-record.ts';
import { samePerson } from '../../core/approval/same-person.ts';
import { transition } from '../../core/approval/transition.ts';
import { advanceBatch, batchRunRefusal } from '../../core/batch/batch-decision.ts';
import { BATCH_APPROVALS_REQUIRED } from '../../core/batch/new-batch.ts';
import { LicenseDoctorError } from '../../core/errors.ts';
import type { BatchMember, BatchRequest } from '../../core/model/batch.ts';
import type { Actor } from '../../core/model/request.ts';
import { isApprover } from '../approvers.ts';
import { inContext, writeAudit } from '../audit.ts';
import { resolveActor } from '../resolve-actor.ts';
import type { RetryInput } from '../retry-request.ts';
import { announce, newBatchId, nowIso, type BatchDeps } from './batch-deps.ts';

export interface BatchActionInput {
  readonly batchId: string;
  readonly actor: RetryInput['actor'];
}

/** The batch, its failed users, and the person acting (the requester or an approver), or a policy refusal (audited). */
async function failedUsers(deps: BatchDeps, input: BatchActionInput, action: 'retry' | 'split'): Promise<{ batch: BatchRequest; failed: BatchMember[]; actor: Actor }> {
  const svc = deps.service;
  const batch = await deps.batches.getBatch(input.batchId);
  if (!batch) throw new LicenseDoctorError('not-found', `There is no batch ${input.batchId}.`);
  const actor = await resolveActor(svc.diagnose.entra, input.actor);
  const refuse = async (reason: string, message: string): Promise<never> => {
    await writeAudit(svc, [auditRecord(nowIso(deps), `batch.${action}-refused`, { actor }, batch.id, { reason, message })]);
    throw new LicenseDoctorError('policy', message, { reason, requestId: batch.id });
  };
  if (!samePerson(actor, batch.requestedBy) && !(await isApprover(svc.diagnose.entra, svc.policy, actor))) {
    return refuse('not-allowed', `Only the requester or an approver can ${action} the failed users of this batch.`);
  }
  const failed = (await deps.batches.members(batch.id)).filter((m) => m.state === 'failed');
  if (failed.length === 0) return refuse('invalid-transition', `Batch ${batch.id} has no failed users.`);
  return { batch, failed, actor };
}

/** Puts the failed users back to pending under the same approval and runs the batch again (`run`: runBatch). */
export async function retryBatch(deps: BatchDeps, input: BatchActionInput, run: (batchId: string) => Promise<BatchRequest>): Promise<BatchRequest> {
  const svc = deps.service;
  const { batch, failed, actor } = await failedUsers(deps, input, 'retry');
  const now = nowIso(deps);
  const refusal = batchRunRefusal(batch, { now, readOnly: svc.policy.readOnly });
  if (refusal) throw new LicenseDoctorError('policy', refusal, { reason: 'invalid-transition', requestId: batch.id });
  const approver = await isApprover(svc.diagnose.entra, svc.policy, actor);
  for (const m of failed) {
    let requestId = m.requestId;
    const request = requestId ? await svc.requests.get(requestId) : null;
    if (request?.status === 'failed') {
      // The user's own request goes back to approved from its failed step, audited like any retry.
      const result = transition(request, { kind: 'retry', actor, isApprover: approver }, { now, readOnly: svc.policy.readOnly });
      if (result.kind !== 'changed' || !(await svc.requests.compareAndSet(request.version, result.request, { audit: inContext(svc, result.audit) }))) requestId = null;
    } else {
      // Expired, cancelled or never made: a new request from a fresh plan.
      requestId = null;
    }
    const audit = auditRecord(now, 'batch.user-retried', { actor }, batch.id, { user: m.userPrincipalName, requestId, previous: m.detail });
    await deps.batches.updateMember({ ...m, state: 'pending', requestId, detail: null, updatedAt: now }, 'failed', inContext(svc, [audit]));
  }
  const next = advanceBatch(batch, now, { status: 'running', outcome: null });
  const retried = auditRecord(now, 'batch.retried', { actor }, batch.id, { users: failed.map((m) => m.userPrincipalName) });
  if (await deps.batches.updateBatch(batch.version, next, inContext(svc, [retried]))) await announce(deps, 'retried', next);
  return run(batch.id);
}

/** Moves the failed users into a new pending batch (its own two approvals); the old batch shows where they went. */
export async function splitBatch(deps: BatchDeps, input: BatchActionInput & { readonly reason?: string }): Promise<BatchRequest> {
  const svc = deps.service;
  const { batch, failed, actor } = await failedUsers(deps, input, 'split');
  const now = nowIso(deps);
  const id = newBatchId(deps);
  const split: BatchRequest = {
    ...batch, id, status: 'pending', version: 1, source: { kind: 'split', batchId: batch.id }, approvalsRequired: BATCH_APPROVALS_REQUIRED,
    requestedBy: actor, reason: input.reason?.trim() || `Failed users of ${batch.id}: ${batch.reason}`, memberCount: failed.length, skipped: [],
    blastRadius: batch.kind === 'users' ? { users: failed.length, description: `${failed.length} user${failed.length === 1 ? '' : 's'}, one change each` } : batch.blastRadius,
    decisions: [], createdAt: now, updatedAt: now, expiresAt: new Date(Date.parse(now) + svc.policy.requestTtlHours * 3_600_000).toISOString(), outcome: null,
  };
  delete (split as { approval?: unknown }).approval;
  const members = failed.map((m, position): BatchMember => ({ ...m, batchId: id, position, requestId: null, state: 'pending', detail: null, updatedAt: now }));
  const created = auditRecord(now, 'batch.created', { actor }, id, { splitFrom: batch.id, kind: split.kind, path: split.path, users: members.map((m) => m.userPrincipalName), reason: split.reason });
  await deps.batches.createBatch(split, members, inContext(svc, [created]));
  for (const m of failed) {
    const audit = auditRecord(now, 'batch.user-split', { actor }, batch.id, { user: m.userPrincipalName, to: id });
    await deps.batches.updateMember({ ...m, state: 'split', detail: `moved to ${id}`, updatedAt: now }, 'failed', inContext(svc, [audit]));
  }
  await announce(deps, 'split', batch);
  await announce(deps, 'created', split);
  return split;
}
