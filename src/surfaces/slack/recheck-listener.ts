// Re-check: on a diagnosis, diagnose the user again and replace the message; on a request waiting for manual steps,
// re-check the request (it finishes when the steps are done; its cards follow from the request events).
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { diagnoseText, recheckRequest } from '../chat/chat-flows.ts';
import { mrkdwnEscape as esc } from './block-kit.ts';
import { diagnosisMessage, problemMessage, workingMessage, type SlackMessage } from './render-diagnosis.ts';
import type { SlackContext } from './slack-context.ts';
import { ACTION, BLOCK } from './slack-ids.ts';

/** Registers the Re-check button of diagnoses and request cards. */
export function registerRecheckListener(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(ACTION.recheck, async ({ ack, action, body, respond }) => {
    await ack();
    const value = action.value ?? '';
    if (action.block_id === BLOCK.requestActions) {
      const result = await recheckRequest(ctx, value);
      const text = result.kind === 'ok' ? `Re-checking ${esc(result.value.id)}: ${esc(result.value.statusLine)}` : `:no_entry_sign: ${esc(result.message)}`;
      await respond({ response_type: 'ephemeral', replace_original: false, text });
      return;
    }
    const container = body.container as { is_ephemeral?: boolean } | undefined;
    const message = body.message as { ts?: string } | undefined;
    const channel = body.channel?.id;
    const replace = async (m: SlackMessage) => {
      if (!container?.is_ephemeral && channel && message?.ts) await ctx.client.chat.update({ channel, ts: message.ts, text: m.text, blocks: [...m.blocks] });
      else await respond({ response_type: 'ephemeral', replace_original: true, text: m.text, blocks: [...m.blocks] });
    };
    await replace(workingMessage(value));
    const who = await ctx.people.lookup(body.user.id);
    if (who.kind === 'unknown') {
      await replace(problemMessage(who.message));
      return;
    }
    const result = await diagnoseText(ctx, who.person, value);
    await replace(result.kind === 'ok' ? diagnosisMessage(result.value, ctx.footer) : problemMessage(result.message));
  });
}
