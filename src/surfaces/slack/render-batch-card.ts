// A batch in Block Kit: title, where it stands with the live counts, blast radius and approvals, the users (whole
// lines, as many as fit, then "and M more"), and the buttons that make sense — within Slack's limits.
import type { BatchMemberView, BatchView } from '../../core/views/batch-view.ts';
import { actions, type Block, button, context, divider, LIMITS, label, mrkdwnEscape as esc, section } from './block-kit.ts';
import { fitLines } from './fit-lines.ts';
import type { SlackMessage } from './render-diagnosis.ts';
import { ACTION, BLOCK } from './slack-ids.ts';
import { TONE_EMOJI } from './slack-tone.ts';

/** Users listed by name at most (the rest are counted; `license-doctor batch show` lists everyone). */
const MAX_USERS = 25;

const MARK: Record<BatchMemberView['state'], string> = {
  pending: ':white_circle:', running: ':arrows_counterclockwise:', done: ':white_check_mark:', manual: ':raised_hand:', failed: ':x:', 'not-applicable': ':fast_forward:', split: ':arrow_right:',
};

const userLine = (m: BatchMemberView) => `${MARK[m.state]} *${esc(label(m.user, 200))}* — ${esc(label(m.line, 300))}`;

/** The batch card; `footer` says which mode runs. */
export function batchCard(view: BatchView, footer?: string): SlackMessage {
  const blocks: Block[] = [
    section(`${TONE_EMOJI[view.tone]} *${esc(label(`Batch ${view.id}: ${view.title}`, 2900))}*`),
    section(esc(label(view.statusLine, 2900))),
    section(`*${esc(view.countsLine)}*\n${esc(label(view.blastRadius, 1000))} · Approvals ${esc(label(view.approvals, 500))}\nRequested by ${esc(label(view.requestedBy, 200))}: “${esc(label(view.reason, 1000))}”`),
    divider(),
  ];
  const more = (n: number) => `… and ${n} more (license-doctor batch show ${view.id})`;
  const lines = view.members.map(userLine);
  const fitted = fitLines(lines, { maxChars: LIMITS.sectionText, maxChunks: 3, maxLines: MAX_USERS, more });
  blocks.push(...fitted.chunks.map((text) => section(text)));
  if (view.skipped > 0) blocks.push(context(esc(`${view.skipped} user${view.skipped === 1 ? '' : 's'} of the selection had no plan and are not in the batch.`)));
  const buttons = [
    ...(view.canDecide ? [
      button('Approve', ACTION.batchApprove, view.id, { style: 'primary', confirm: { title: 'Approve the batch?', text: `${view.blastRadius}. Each user's change runs as its own request.`, confirm: 'Approve', deny: 'Not yet' } }),
      button('Reject', ACTION.batchReject, view.id, { style: 'danger' }),
    ] : []),
    ...(view.canRetry ? [
      button(`Retry ${view.counts.failed} failed`, ACTION.batchRetry, view.id, { style: 'primary' }),
      button('Split failed into a new batch', ACTION.batchSplit, view.id),
    ] : []),
  ];
  if (buttons.length > 0) blocks.push(actions(`${BLOCK.batchActions}:${view.id}`, buttons));
  if (footer) blocks.push(context(esc(footer)));
  return { text: esc(label(`Batch ${view.id} (${view.status}): ${view.countsLine}`, 300)), blocks };
}
