// Approve, reject (a reason in a modal) and cancel. Every click is authorised on the server by the services: the
// Slack user's email → the Entra user → the approvers group; refusals (self-approval, not an approver, expired,
// already decided) come back as messages, shown only to the person who clicked, and are audited by the services.
import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { decide, showRequest } from '../chat/chat-flows.ts';
import { decideBatchFlow, isBatchId } from '../chat/batch-flows.ts';
import { asBatchActor } from './batch-listeners.ts';
import { mrkdwnEscape as esc } from './block-kit.ts';
import { decodeRejectMeta } from './modal-metadata.ts';
import { noticeModal } from './render-plan-modal.ts';
import { rejectModal } from './render-reject-modal.ts';
import { slackErrorCode } from './slack-api-error.ts';
import type { SlackContext } from './slack-context.ts';
import { ACTION, CALLBACK, INPUT } from './slack-ids.ts';

const REQUEST_ID = /^[A-Za-z0-9-]{1,64}$/;

const ephemeral = (respond: RespondFn, text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });

/** Records the Slack user's decision and tells them the outcome; the cards follow from the request events. */
async function decideAndTell(ctx: SlackContext, userId: string, requestId: string, decision: 'approve' | 'reject' | 'cancel', tell: (text: string) => Promise<unknown>, reason?: string): Promise<void> {
  const who = await ctx.people.lookup(userId);
  if (who.kind === 'unknown') {
    ctx.logger.info({ requestId, decision, slackUser: userId }, 'Slack user could not be identified; decision not applied');
    await tell(`:no_entry_sign: ${esc(who.message)}`);
    return;
  }
  const result = await decide(ctx, who.person, requestId, decision, reason);
  if (result.kind === 'message') {
    ctx.logger.info({ requestId, decision, slackUser: userId, refused: result.refused }, 'Slack decision not applied');
    await tell(`:no_entry_sign: ${esc(result.message)}`);
    return;
  }
  if (result.value.notices.length > 0) await tell(result.value.notices.map(esc).join('\n'));
}

/** Registers Approve, Reject (and its modal), Cancel. */
export function registerDecisionListeners(app: App, ctx: SlackContext): void {
  for (const decision of [ACTION.approve, ACTION.cancel] as const) {
    app.action<BlockAction<ButtonAction>>(decision, async ({ ack, action, body, respond }) => {
      await ack();
      const id = action.value ?? '';
      if (!REQUEST_ID.test(id)) {
        await ephemeral(respond, 'That button names no request: it is out of date.');
        return;
      }
      await decideAndTell(ctx, body.user.id, id, decision, (text) => ephemeral(respond, text));
    });
  }

  app.action<BlockAction<ButtonAction>>(ACTION.reject, async ({ ack, action, body, respond }) => {
    await ack();
    const id = action.value ?? '';
    const view = REQUEST_ID.test(id) ? await showRequest(ctx, id) : null;
    if (!view) {
      await ephemeral(respond, `There is no request ${esc(id)}.`);
      return;
    }
    const message = body.message as { ts?: string } | undefined;
    const meta = { requestId: id, channel: body.channel?.id ?? null, threadTs: message?.ts ?? null };
    await ctx.client.views.open({ trigger_id: body.trigger_id, view: rejectModal(meta, view.title) }).catch(async (err: unknown) => {
      ctx.logger.warn({ slackError: slackErrorCode(err) ?? String(err) }, 'could not open the rejection form');
      await ephemeral(respond, `Slack did not open the rejection form (${esc(slackErrorCode(err) ?? 'error')}): click Reject again.`);
    });
  });

  app.view(CALLBACK.reject, async ({ ack, body, view }) => {
    const meta = decodeRejectMeta(view.private_metadata);
    const reason = view.state.values[INPUT.reason]?.[INPUT.reason]?.value?.trim() ?? '';
    if (!meta) {
      await ack({ response_action: 'update', view: noticeModal('This form is out of date: open the request card again.', 'Reject request') });
      return;
    }
    if (reason === '') {
      await ack({ response_action: 'errors', errors: { [INPUT.reason]: 'Say why, so the requester knows what to change.' } });
      return;
    }
    await ack();
    const userId = body.user.id;
    const tell = async (text: string) => {
      // Refusals go where the card was clicked, visible only to this person; a DM when that channel is closed to the bot.
      try {
        if (!meta.channel) throw new Error('no channel');
        await ctx.client.chat.postEphemeral({ channel: meta.channel, user: userId, text });
      } catch (err) {
        ctx.logger.debug({ slackError: slackErrorCode(err) ?? String(err) }, 'ephemeral reply failed; sending a direct message');
        await ctx.client.chat.postMessage({ channel: userId, text });
      }
    };
    // The same form rejects a batch (its Reject button opens it with the batch id).
    if (isBatchId(meta.requestId)) await asBatchActor(ctx, userId, meta.requestId, tell, (person) => decideBatchFlow(ctx.batches, ctx.logger, person, meta.requestId, 'reject', reason));
    else await decideAndTell(ctx, userId, meta.requestId, 'reject', tell, reason);
  });
}
