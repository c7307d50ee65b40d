// Retry on a failed request's cards: the clicking Slack user is resolved like for a decision (email → Entra user), and
// the services check that they are the requester or an approver (refusals are audited and shown only to them). The
// cards then follow from the request events as the plan runs from its failed step.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { retryRequest } from '../chat/chat-flows.ts';
import { mrkdwnEscape as esc } from './block-kit.ts';
import type { SlackContext } from './slack-context.ts';
import { ACTION } from './slack-ids.ts';

const REQUEST_ID = /^[A-Za-z0-9-]{1,64}$/;

/** Registers the Retry button of request cards. */
export function registerRetryListener(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(ACTION.retry, async ({ ack, action, body, respond }) => {
    await ack();
    const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    const id = action.value ?? '';
    if (!REQUEST_ID.test(id)) {
      await tell('That button names no request: it is out of date.');
      return;
    }
    const who = await ctx.people.lookup(body.user.id);
    if (who.kind === 'unknown') {
      ctx.logger.info({ requestId: id, slackUser: body.user.id }, 'Slack user could not be identified; retry not applied');
      await tell(`:no_entry_sign: ${esc(who.message)}`);
      return;
    }
    const result = await retryRequest(ctx, who.person, id);
    if (result.kind === 'message') {
      ctx.logger.info({ requestId: id, slackUser: body.user.id, refused: result.refused }, 'Slack retry not applied');
      await tell(`:no_entry_sign: ${esc(result.message)}`);
      return;
    }
    await tell(`Retrying ${esc(result.value.id)}: ${esc(result.value.statusLine)}`);
  });
}
