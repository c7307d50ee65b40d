// A batch card's buttons in Teams: Approve, Reject (with the reason typed on the card), Retry failed, Split failed.
// The batch service checks who may do what and audits refusals, which come back as a message to the clicker; on
// success the clicker gets the batch card as it stands (the card follower updates it for everyone).
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { AppLogger } from '../../app/app-logger.ts';
import type { BatchHub } from '../../app/batch/batch-hub.ts';
import { batchView } from '../../core/views/batch-view.ts';
import { batchFromAlertFlow, decideBatchFlow, retryBatchFlow, splitBatchFlow } from '../chat/batch-flows.ts';
import type { ChatResult } from '../chat/chat-flows.ts';
import type { ChatPerson } from '../chat/chat-person.ts';
import { batchCard } from './batch-card.ts';
import type { TeamsAction } from './teams-action.ts';

export type BatchAction = Extract<TeamsAction, { verb: 'batch-approve' | 'batch-reject' | 'batch-retry' | 'batch-split' | 'batch-from-alert' }>;

/** What the clicker gets: a refusal or outcome message, or the card with a line for them. */
export type BatchReply = { readonly kind: 'message'; readonly text: string } | { readonly kind: 'card'; readonly card: IAdaptiveCard };

/** Runs a batch button for `person`. */
export async function runBatchAction(hub: BatchHub, logger: AppLogger, person: ChatPerson, action: BatchAction): Promise<BatchReply> {
  if (action.verb === 'batch-from-alert') {
    const made = await batchFromAlertFlow(hub, logger, person, action.alertId, action.justification);
    return made.kind === 'message'
      ? { kind: 'message', text: made.message }
      : { kind: 'message', text: `Batch ${made.value.id} asks to fix ${made.value.memberCount} user${made.value.memberCount === 1 ? '' : 's'}; its card is in the approvals channel and needs two approvals (not yours).` };
  }
  let result: ChatResult<string>;
  switch (action.verb) {
    case 'batch-approve': result = await decideBatchFlow(hub, logger, person, action.batchId, 'approve'); break;
    case 'batch-reject': result = await decideBatchFlow(hub, logger, person, action.batchId, 'reject', action.reason); break;
    case 'batch-retry': result = await retryBatchFlow(hub, logger, person, action.batchId); break;
    case 'batch-split': {
      const split = await splitBatchFlow(hub, logger, person, action.batchId);
      result = split.kind === 'ok' ? { kind: 'ok', value: `The failed users are now batch ${split.value.id}; it needs two approvals of its own.` } : split;
      break;
    }
  }
  if (result.kind === 'message') return { kind: 'message', text: result.message };
  const state = await (await hub.service()).state(action.batchId);
  if (!state) return { kind: 'message', text: result.value };
  const card = batchCard(batchView(state.batch, state.members, state.counts));
  return { kind: 'card', card: { ...card, body: [{ type: 'TextBlock', text: result.value, wrap: true, weight: 'Bolder' }, ...(card.body ?? [])] } };
}
