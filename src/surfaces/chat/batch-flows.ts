// The batch steps every chat surface offers, over the batch service: decide (the approval that completes the quorum
// starts the batch in the background), retry or split the failed users, and ask for a batch for an alert's users.
// Each returns a sentence for the person (refusals included); the batch card follows from the batch changes.
import type { AppLogger } from '../../app/app-logger.ts';
import type { BatchHub } from '../../app/batch/batch-hub.ts';
import { isLicenseDoctorError } from '../../core/errors.ts';
import type { BatchRequest } from '../../core/model/batch.ts';
import type { ChatResult } from './chat-flows.ts';
import type { ChatPerson } from './chat-person.ts';
import { reportUnexpected } from './report-unexpected.ts';

/** Batch ids are request ids marked B: LD-B7K3F-9QX2. */
export const isBatchId = (id: string): boolean => /^LD-B[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(id);

async function attempt<T>(logger: AppLogger, flow: string, work: () => Promise<T>): Promise<ChatResult<T>> {
  try {
    return { kind: 'ok', value: await work() };
  } catch (err) {
    if (isLicenseDoctorError(err)) return { kind: 'message', message: err.message, refused: err.code === 'policy' };
    return { kind: 'message', message: reportUnexpected(logger, err, { flow }), refused: false };
  }
}

const actor = (person: ChatPerson) => ({ upnOrId: person.entraIdentity, surface: person.surface, surfaceUserId: person.surfaceUserId });

/** Approve, reject or cancel a batch; the approval that completes the quorum starts it here, in the background. */
export function decideBatchFlow(hub: BatchHub, logger: AppLogger, person: ChatPerson, batchId: string, decision: 'approve' | 'reject' | 'cancel', reason?: string): Promise<ChatResult<string>> {
  return attempt(logger, 'batch-decide', async () => {
    const service = await hub.service();
    const result = await service.decide({ batchId, decision, actor: actor(person), ...(reason !== undefined ? { reason } : {}) });
    if (result.shouldRun) service.runInBackground(batchId);
    return result.message;
  });
}

/** Runs the failed users again under the batch's approval (in the background: the card shows them as they finish). */
export function retryBatchFlow(hub: BatchHub, logger: AppLogger, person: ChatPerson, batchId: string): Promise<ChatResult<string>> {
  return attempt(logger, 'batch-retry', async () => {
    const service = await hub.service();
    const failed = (await service.state(batchId))?.counts.failed ?? 0;
    await service.retryInBackground({ batchId, actor: actor(person) });
    return `Retrying the ${failed} failed user${failed === 1 ? '' : 's'} of ${batchId} under the same approval; the card shows them as they finish.`;
  });
}

/** Moves the failed users into a new batch that needs two approvals of its own. */
export function splitBatchFlow(hub: BatchHub, logger: AppLogger, person: ChatPerson, batchId: string): Promise<ChatResult<BatchRequest>> {
  return attempt(logger, 'batch-split', async () => (await hub.service()).split({ batchId, actor: actor(person) }));
}

/** "Fix these N users" on an aggregated alert: one batch (path 1) for the users still failing on it, asked for by `person`. */
export function batchFromAlertFlow(hub: BatchHub, logger: AppLogger, person: ChatPerson, alertId: string, reason: string): Promise<ChatResult<BatchRequest>> {
  return attempt(logger, 'batch-from-alert', async () => (await hub.service()).create({
    from: { kind: 'alert', alertId }, groupId: null, sku: null, path: 'okta-owns-licenses', groupLevel: false, reason, acknowledgeRemoval: false, requester: actor(person),
  }));
}
