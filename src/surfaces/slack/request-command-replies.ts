// `status LD-…` and `my requests` in Slack (the slash command's text, or a direct message to the bot): answered only to
// the person who asked — ephemerally for the command, in their DM otherwise.
import type { RequestCommand } from '../../core/approval/request-command.ts';
import type { RequestLineView, RequestListView } from '../../core/views/request-list-view.ts';
import { myRequests, requestStatus } from '../chat/chat-flows.ts';
import { type Block, context, label, mrkdwnEscape as esc, section } from './block-kit.ts';
import { fitLines } from './fit-lines.ts';
import type { SlackMessage } from './render-diagnosis.ts';
import { statusMessage } from './render-request-card.ts';
import type { SlackContext } from './slack-context.ts';

const line = (r: RequestLineView): string => `• *${esc(r.id)}* — ${esc(label(r.title, 200))}\n   ${esc(label(r.statusLine, 400))}`;

function list(title: string, rows: readonly RequestLineView[]): Block[] {
  if (rows.length === 0) return [];
  return fitLines([`*${title}*`, ...rows.map(line)], { maxChars: 2900, maxChunks: 2, maxLines: 30, more: (n) => `… and ${n} more (license-doctor requests)` }).chunks.map((t) => section(t));
}

/** The `my requests` message. */
function requestListMessage(view: RequestListView): SlackMessage {
  if (view.mine.length === 0 && view.awaitingMe.length === 0) return { text: view.empty, blocks: [section(esc(view.empty))] };
  const blocks = [
    ...list('Waiting for your approval', view.awaitingMe),
    ...list('Your requests', view.mine),
    context('`status LD-…` shows one request; approval cards are in the approvals channel.'),
  ];
  return { text: `Your requests: ${view.mine.length}; waiting for your approval: ${view.awaitingMe.length}`, blocks };
}

/** Answers `command` for the Slack user `userId` through `reply`. */
export async function answerRequestCommand(ctx: SlackContext, command: RequestCommand, userId: string, reply: (m: SlackMessage) => Promise<void>): Promise<void> {
  if (command.kind === 'status') {
    const result = await requestStatus(ctx, command.requestId);
    await reply(result.kind === 'ok' ? statusMessage(result.value, ctx.approvalsChannel) : { text: result.message, blocks: [section(`:no_entry_sign: ${esc(result.message)}`)] });
    return;
  }
  const who = await ctx.people.lookup(userId);
  if (who.kind === 'unknown') {
    await reply({ text: who.message, blocks: [section(`:no_entry_sign: ${esc(who.message)}`)] });
    return;
  }
  const result = await myRequests(ctx, who.person);
  await reply(result.kind === 'ok' ? requestListMessage(result.value) : { text: result.message, blocks: [section(`:no_entry_sign: ${esc(result.message)}`)] });
}
