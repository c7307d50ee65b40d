// Use case: approve, reject or cancel a batch, with the same checks as a request's decision (approvers asked of
// Graph live, CLI_DECISIONS, the requester never approves); the approval that completes the quorum starts the batch.
import { applyBatchDecision } from '../../core/batch/batch-decision.ts';
import { LicenseDoctorError } from '../../core/errors.ts';
import type { BatchRequest } from '../../core/model/batch.ts';
import { isApprover, requireApprovers } from '../approvers.ts';
import { inContext, writeAudit } from '../audit.ts';
import type { DecideInput } from '../decide-request.ts';
import { refuseCliDecision } from '../refuse-cli-decision.ts';
import { resolveActor } from '../resolve-actor.ts';
import { announce, nowIso, type BatchDeps } from './batch-deps.ts';

export interface DecideBatchInput extends Omit<DecideInput, 'requestId'> {
  readonly batchId: string;
}

export interface DecideBatchResult {
  readonly batch: BatchRequest;
  /** True when this decision completed the quorum (and READ_ONLY is off): run the batch now. */
  readonly shouldRun: boolean;
  readonly message: string;
}

/** Records the decision; refusals throw LicenseDoctorError('policy') and are audited. */
export async function decideBatch(deps: BatchDeps, input: DecideBatchInput): Promise<DecideBatchResult> {
  const svc = deps.service;
  if (input.decision !== 'cancel') requireApprovers(svc.policy, `${input.decision} batches`);
  await refuseCliDecision(svc, { requestId: input.batchId, decision: input.decision, actor: input.actor });
  const actor = await resolveActor(svc.diagnose.entra, input.actor);
  const approver = await isApprover(svc.diagnose.entra, svc.policy, actor);
  for (let attempt = 0; attempt < 8; attempt++) {
    const current = await deps.batches.getBatch(input.batchId);
    if (!current) throw new LicenseDoctorError('not-found', `There is no batch ${input.batchId}.`);
    const event = input.decision === 'reject'
      ? { kind: 'reject' as const, actor, isApprover: approver, reason: input.reason ?? '' }
      : { kind: input.decision, actor, isApprover: approver };
    const result = applyBatchDecision(current, event, { now: nowIso(deps), readOnly: svc.policy.readOnly, approvalTtlHours: svc.policy.approvalTtlHours });
    if (result.kind === 'refused') {
      if (result.batch) {
        if (!(await deps.batches.updateBatch(current.version, result.batch, inContext(svc, result.audit)))) continue;
        await announce(deps, result.batch.status, result.batch);
      } else {
        await writeAudit(svc, result.audit);
      }
      throw new LicenseDoctorError('policy', result.refusal.message, { reason: result.refusal.reason, requestId: current.id });
    }
    if (!(await deps.batches.updateBatch(current.version, result.batch, inContext(svc, result.audit)))) continue;
    svc.logger.info({ batchId: current.id, by: actor.userPrincipalName, decision: input.decision, status: result.batch.status }, 'batch decision recorded');
    await announce(deps, result.batch.status, result.batch);
    return { batch: result.batch, shouldRun: result.run, message: result.message };
  }
  throw new LicenseDoctorError('conflict', `Batch ${input.batchId} kept changing while your decision was recorded; try again.`);
}
