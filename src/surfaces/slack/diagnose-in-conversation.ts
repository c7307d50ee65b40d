// The diagnosis conversation shared by the slash command, direct messages and mentions. The agent sees at once that
// it is working (the slash command's acknowledgement says so; in a DM or thread a "working" message is posted), the
// diagnosis runs in its turn (see WorkQueue), and then appears in the channel — in place of the working message when
// there is one. Where the bot cannot post (a channel it is not in), the agent gets it ephemerally through the
// command's response_url instead.
import type { RespondFn } from '@slack/bolt';
import { diagnoseText } from '../chat/chat-flows.ts';
import { diagnosisMessage, problemMessage, workingMessage, type SlackMessage } from './render-diagnosis.ts';
import { slackErrorCode } from './slack-api-error.ts';
import type { SlackContext } from './slack-context.ts';

/** Where and what the agent asked. */
export interface Conversation {
  /** The Slack user who asked. */
  readonly userId: string;
  readonly text: string;
  readonly channel: string;
  /** Reply in this thread (mentions, DMs in a thread), or at the top level. */
  readonly threadTs: string | null;
  /** The slash command's response_url responder: its acknowledgement already said "working". */
  readonly respond?: RespondFn;
}

const body = (m: SlackMessage) => ({ text: m.text, blocks: [...m.blocks] });

/** Diagnoses `c.text` and posts the result where the agent asked. */
export async function diagnoseInConversation(ctx: SlackContext, c: Conversation): Promise<void> {
  const where = { channel: c.channel, ...(c.threadTs ? { thread_ts: c.threadTs } : {}), unfurl_links: false };
  // Events have no response to carry "working": a message says it, and the diagnosis replaces it.
  const working = c.respond ? null : await ctx.client.chat.postMessage({ ...where, ...body(workingMessage(c.text)) });
  const who = await ctx.people.lookup(c.userId);
  const result = who.kind === 'unknown'
    ? { kind: 'message' as const, message: who.message }
    : await diagnoseText(ctx, who.person, c.text);
  const message = result.kind === 'ok' ? diagnosisMessage(result.value, ctx.footer) : problemMessage(result.message);
  if (working?.ts) {
    await ctx.client.chat.update({ channel: working.channel ?? c.channel, ts: working.ts, ...body(message) });
    return;
  }
  try {
    await ctx.client.chat.postMessage({ ...where, ...body(message) });
  } catch (err) {
    if (!c.respond) throw err;
    ctx.logger.debug({ channel: c.channel, slackError: slackErrorCode(err) ?? String(err) }, 'cannot post in this channel; answering ephemerally');
    await c.respond({ response_type: 'ephemeral', replace_original: false, ...body(message) });
  }
}
