// A batch card's buttons: Approve, Reject (a reason in the request's rejection modal), Retry failed, Split failed. The
// clicking Slack user is resolved like for a decision (email → Entra user); the batch service checks who may do what
// (two distinct approvers, never the requester) and audits refusals; the answer goes only to the person who clicked,
// and the card follows from the batch changes.
import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { ChatResult } from '../chat/chat-flows.ts';
import { decideBatchFlow, isBatchId, retryBatchFlow, splitBatchFlow } from '../chat/batch-flows.ts';
import type { ChatPerson } from '../chat/chat-person.ts';
import { mrkdwnEscape as esc } from './block-kit.ts';
import { rejectModal } from './render-reject-modal.ts';
import { slackErrorCode } from './slack-api-error.ts';
import type { SlackContext } from './slack-context.ts';
import { ACTION } from './slack-ids.ts';

const ephemeral = (respond: RespondFn, text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });

/** Resolves the Slack user and runs `work` as them; the outcome (or refusal) goes to `tell`. */
export async function asBatchActor(ctx: SlackContext, userId: string, batchId: string, tell: (text: string) => Promise<unknown>, work: (person: ChatPerson) => Promise<ChatResult<string>>): Promise<void> {
  const who = await ctx.people.lookup(userId);
  if (who.kind === 'unknown') {
    await tell(`:no_entry_sign: ${esc(who.message)}`);
    return;
  }
  const result = await work(who.person);
  if (result.kind === 'message') {
    ctx.logger.info({ batchId, slackUser: userId, refused: result.refused }, 'Slack batch action not applied');
    await tell(`:no_entry_sign: ${esc(result.message)}`);
    return;
  }
  await tell(esc(result.value));
}

/** Registers the batch card's buttons. */
export function registerBatchListeners(app: App, ctx: SlackContext): void {
  const on = (actionId: string, work: (person: ChatPerson, batchId: string) => Promise<ChatResult<string>>) => {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, action, body, respond }) => {
      await ack();
      const id = action.value ?? '';
      if (!isBatchId(id)) {
        await ephemeral(respond, 'That button names no batch: it is out of date.');
        return;
      }
      await asBatchActor(ctx, body.user.id, id, (text) => ephemeral(respond, text), (person) => work(person, id));
    });
  };
  on(ACTION.batchApprove, (person, id) => decideBatchFlow(ctx.batches, ctx.logger, person, id, 'approve'));
  on(ACTION.batchRetry, (person, id) => retryBatchFlow(ctx.batches, ctx.logger, person, id));
  on(ACTION.batchSplit, async (person, id) => {
    const split = await splitBatchFlow(ctx.batches, ctx.logger, person, id);
    return split.kind === 'ok' ? { kind: 'ok', value: `The failed users of ${id} are now batch ${split.value.id}; it needs two approvals of its own (its card is in the approvals channel).` } : split;
  });

  app.action<BlockAction<ButtonAction>>(ACTION.batchReject, async ({ ack, action, body, respond }) => {
    await ack();
    const id = action.value ?? '';
    if (!isBatchId(id)) {
      await ephemeral(respond, 'That button names no batch: it is out of date.');
      return;
    }
    const message = body.message as { ts?: string } | undefined;
    const meta = { requestId: id, channel: body.channel?.id ?? null, threadTs: message?.ts ?? null };
    await ctx.client.views.open({ trigger_id: body.trigger_id, view: rejectModal(meta, `Batch ${id}`) }).catch(async (err: unknown) => {
      ctx.logger.warn({ slackError: slackErrorCode(err) ?? String(err) }, 'could not open the rejection form');
      await ephemeral(respond, `Slack did not open the rejection form (${esc(slackErrorCode(err) ?? 'error')}): click Reject again.`);
    });
  });
}
