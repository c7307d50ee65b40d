// A batch card's buttons: Approve, Reject (a reason in the request's rejection modal), Retry failed, Split failed. The
// clicking Slack user is resolved like for a decision (email → Entra user); the batch service checks who may do what
// (two distinct approvers, never the requester) and audits refusals; the answer goes only to the person who clicked,
// and the card follows from the batch changes.
import type { App, BlockAction, ButtonAction, RespondFn, types } from '@slack/bolt';
import type { ChatResult } from '../chat/chat-flows.ts';
import { batchFromAlertFlow, decideBatchFlow, isBatchId, retryBatchFlow, splitBatchFlow } from '../chat/batch-flows.ts';
import type { ChatPerson } from '../chat/chat-person.ts';
import { label, mrkdwnEscape as esc, plain, section } from './block-kit.ts';
import { noticeModal } from './render-plan-modal.ts';
import { rejectModal } from './render-reject-modal.ts';
import { slackErrorCode } from './slack-api-error.ts';
import type { SlackContext } from './slack-context.ts';
import { ACTION, CALLBACK, INPUT } from './slack-ids.ts';

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

const ALERT_ID = /^[A-Za-z0-9-]{1,80}$/;

/** The form "Fix these N users" opens: the justification the approvers read. */
function batchRequestModal(alertId: string, title: string): types.ModalView {
  return {
    type: 'modal', callback_id: CALLBACK.batch, title: plain('Fix these users'), submit: plain('Ask for the batch'), close: plain('Cancel'),
    private_metadata: JSON.stringify({ alertId }),
    blocks: [
      section(`*${esc(label(title, 2800))}*\nOne batch: each user still failing on this alert gets their own plan (Okta owns the licenses), run as its own request once two approvers (neither of them you) approve.`),
      { type: 'input', block_id: INPUT.justification, label: plain('Justification'), hint: plain('What the approvers read: why these users, why now.'),
        element: { type: 'plain_text_input', action_id: INPUT.justification, multiline: true, min_length: 1, max_length: 2000 } },
    ],
  };
}

/** Registers "Fix these N users" on alert cards and its form. */
export function registerAlertBatchListeners(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(ACTION.batchFromAlert, async ({ ack, action, body, respond }) => {
    await ack();
    const alertId = action.value ?? '';
    if (!ALERT_ID.test(alertId)) {
      await ephemeral(respond, 'That button names no alert: it is out of date.');
      return;
    }
    await ctx.client.views.open({ trigger_id: body.trigger_id, view: batchRequestModal(alertId, action.text.text) }).catch(async (err: unknown) => {
      await ephemeral(respond, `Slack did not open the form (${esc(slackErrorCode(err) ?? 'error')}): click the button again.`);
    });
  });

  app.view(CALLBACK.batch, async ({ ack, body, view }) => {
    const alertId = (() => {
      try {
        const meta = JSON.parse(view.private_metadata) as { alertId?: unknown };
        return typeof meta.alertId === 'string' && ALERT_ID.test(meta.alertId) ? meta.alertId : null;
      } catch {
        return null;
      }
    })();
    const reason = view.state.values[INPUT.justification]?.[INPUT.justification]?.value?.trim() ?? '';
    if (!alertId) {
      await ack({ response_action: 'update', view: noticeModal('This form is out of date: open the alert card again.', 'Fix these users') });
      return;
    }
    if (reason === '') {
      await ack({ response_action: 'errors', errors: { [INPUT.justification]: 'Say why, so the approvers know.' } });
      return;
    }
    // Planning every user takes a moment: the form says so at once, then shows the outcome.
    await ack({ response_action: 'update', view: noticeModal('Asking for the batch: planning each user from the live state…', 'Fix these users') });
    const show = (text: string) => ctx.client.views.update({ view_id: body.view.id, view: noticeModal(text, 'Fix these users') }).catch((err: unknown) =>
      ctx.logger.warn({ slackError: slackErrorCode(err) ?? String(err) }, 'could not update the batch form'));
    await asBatchActor(ctx, body.user.id, alertId, show, async (person) => {
      const made = await batchFromAlertFlow(ctx.batches, ctx.logger, person, alertId, reason);
      return made.kind === 'ok'
        ? { kind: 'ok', value: `Batch ${made.value.id} asks to fix ${made.value.memberCount} user${made.value.memberCount === 1 ? '' : 's'}; its card is in the approvals channel and needs two approvals (not yours).` }
        : made;
    });
  });
}
