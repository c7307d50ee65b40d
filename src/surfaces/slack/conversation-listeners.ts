// Where agents ask: the slash command (any name the manifest gives it), direct messages to the bot, and messages that
// mention it — pasted multi-line errors included. Each is acknowledged at once; the diagnosis follows.
import type { App } from '@slack/bolt';
import { parseRequestCommand } from '../../core/approval/request-command.ts';
import { diagnoseInConversation } from './diagnose-in-conversation.ts';
import { answerRequestCommand } from './request-command-replies.ts';
import { workingMessage } from './render-diagnosis.ts';
import type { SlackContext } from './slack-context.ts';

const USAGE = 'Give a user principal name (e.g. `/license-doctor jane@contoso.com`) or paste the error from Okta after the command; `status LD-…` shows a request, `my requests` yours, `scan` checks every Office 365 app user.';

/** Registers the command, DM and mention listeners. */
export function registerConversationListeners(app: App, ctx: SlackContext): void {
  app.command(/.*/, async ({ ack, command, respond }) => {
    if (command.text.trim() === '') {
      await ack({ response_type: 'ephemeral', text: USAGE });
      return;
    }
    const asked = parseRequestCommand(command.text);
    if (asked) {
      await ack();
      await answerRequestCommand(ctx, asked, command.user_id, (m) => respond({ response_type: 'ephemeral', replace_original: false, text: m.text, blocks: [...m.blocks] }).then(() => undefined));
      return;
    }
    // Slack allows 3 s: acknowledge before anything is read from Entra ID or Okta; the acknowledgement itself tells
    // the agent (only them) that the diagnosis is on its way.
    await ack({ response_type: 'ephemeral', text: workingMessage(command.text).text });
    await diagnoseInConversation(ctx, { userId: command.user_id, text: command.text, channel: command.channel_id, threadTs: null, respond });
  });

  // Slack redelivers an event it thinks was not acknowledged in time; the first delivery is already being answered.
  app.event('app_mention', async ({ event, context }) => {
    if (context.retryNum || !event.user) return;
    await diagnoseInConversation(ctx, { userId: event.user, text: event.text, channel: event.channel, threadTs: event.thread_ts ?? event.ts });
  });

  app.message(async ({ message, context }) => {
    // Only what a person types in the bot's DM: not edits, joins, bot posts, channel chatter or redeliveries.
    if (context.retryNum || message.channel_type !== 'im' || message.subtype !== undefined || !('text' in message) || !message.text) return;
    if (!('user' in message) || !message.user) return;
    const asked = parseRequestCommand(message.text);
    if (asked) {
      const where = { channel: message.channel, ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}) };
      await answerRequestCommand(ctx, asked, message.user, (m) => ctx.client.chat.postMessage({ ...where, text: m.text, blocks: [...m.blocks] }).then(() => undefined));
      return;
    }
    await diagnoseInConversation(ctx, { userId: message.user, text: message.text, channel: message.channel, threadTs: message.thread_ts ?? null });
  });
}
