// A request in Block Kit: the approval card in the approvals channel (plan, quorum progress, each step as it runs,
// the verified outcome, and the buttons that make sense now), and the status line in the requester's thread.
import type { RequestView, StepView } from '../../core/views/view-model.ts';
import { utcTime } from '../../core/approval/utc-time.ts';
import { actions, type Block, type Button, button, context, fields, LIMITS, label, mrkdwnEscape as esc, section } from './block-kit.ts';
import { fitLines } from './fit-lines.ts';
import type { SlackMessage } from './render-diagnosis.ts';
import { ACTION, BLOCK, pathActionId } from './slack-ids.ts';
import { STEP_EMOJI, TONE_EMOJI } from './slack-tone.ts';

const step = (s: StepView): string =>
  `${STEP_EMOJI[s.status]} *${s.n}.* ${esc(s.title)}${s.automatic ? '' : ' _(manual)_'}${s.detail ? `\n      _${esc(label(s.detail, 400))}_` : ''}`;

const show = (id: string) => `\`license-doctor show ${id}\``;

function list(title: string, rows: readonly string[], blocks: number, more: (n: number) => string, maxLines: number): Block[] {
  if (rows.length === 0) return [];
  return fitLines([`*${title}*`, ...rows], { maxChars: LIMITS.sectionText, maxChunks: blocks, maxLines: maxLines + 1, more }).chunks.map((t) => section(t));
}

/** The buttons the view allows; every click is still authorised on the server. */
function buttons(view: RequestView): Button[] {
  const out: Button[] = [];
  if (view.actions.approve) {
    out.push(button('Approve', ACTION.approve, view.id, {
      style: 'primary',
      confirm: { title: 'Approve this change?', text: 'When this approval completes the quorum, the plan runs at once.', confirm: 'Approve', deny: 'Not yet' },
    }));
  }
  if (view.actions.reject) out.push(button('Reject', ACTION.reject, view.id, { style: 'danger' }));
  if (view.actions.cancel) out.push(button('Cancel request', ACTION.cancel, view.id));
  if (view.actions.recheck) out.push(button('Re-check', ACTION.recheck, view.id));
  if (view.actions.retry) {
    out.push(button('Retry', ACTION.retry, view.id, {
      style: 'primary',
      confirm: { title: 'Retry from the failed step?', text: 'The plan runs again from its failed step under the same approval, after a live check of what it depends on.', confirm: 'Retry', deny: 'Not yet' },
    }));
  }
  // The follow-up opens a plan preview like a diagnosis's path button (value: the user it is for).
  if (view.followUp && view.followUp.query.length <= LIMITS.buttonValue) out.push(button(view.followUp.label, pathActionId(view.followUp.path), view.followUp.query));
  return out;
}

/** The approval card. */
export function requestCard(view: RequestView, footer?: string): SlackMessage {
  const plan = view.plan;
  const blocks: Block[] = [
    section(`${TONE_EMOJI[view.tone]} *${label(esc(view.title), 1000)}*\n${label(esc(view.statusLine), 1900)}`),
    fields([
      `*Requested by*\n${label(esc(view.requestedBy), 500)}`,
      `*Approvals*\n${label(esc(view.approvals), 1000)}`,
      `*Blast radius*\n${label(esc(plan.blastRadius), 1000)}`,
      `*Needs*\n${esc(plan.approvals)}`,
    ]),
    section(`*Justification*\n${label(esc(view.reason), 2900)}`),
    ...list('Licenses (before → after)', plan.licenses.map((l) => `• *${esc(l.product)}*: ${esc(l.before)} → ${esc(l.after)}${l.removed ? ' — :warning: *removed*' : ''}`), 2, (n) => `… and ${n} more (see ${show(view.id)})`, 20),
    ...list('Steps', plan.steps.map(step), 8, (n) => `… and ${n} more steps (see ${show(view.id)})`, 40),
  ];
  if (view.outcome) blocks.push(section(`*Outcome*\n${label(esc(view.outcome), 2900)}`));
  blocks.push(...list('Warnings', plan.warnings.map((w) => `:warning: ${esc(w)}`), 2, (n) => `… and ${n} more warnings (see ${show(view.id)})`, 10));
  const elements = buttons(view);
  if (elements.length > 0) blocks.push(actions(BLOCK.requestActions, elements));
  const expiry = view.status === 'pending' ? ` · expires ${utcTime(view.expiresAt)}` : '';
  blocks.push(context(`Request *${esc(view.id)}*${expiry} · ${show(view.id)}`, ...(footer ? [esc(footer)] : [])));
  // The fallback text is mrkdwn too (notifications, screen readers): escaped like every block.
  return { text: esc(label(`${view.id}: ${view.title} — ${view.statusLine}`, 300)), blocks };
}

/** The status line in the requester's thread (updated in place), with Cancel / Re-check / Retry when they apply. */
export function statusMessage(view: RequestView, approvalsChannel: string, footer?: string): SlackMessage {
  const blocks: Block[] = [
    section(`${TONE_EMOJI[view.tone]} *Request ${esc(view.id)}* — ${label(esc(view.title), 1000)}\n${label(esc(view.statusLine), 1900)}`),
  ];
  const elements = buttons(view).filter((b) => b.action_id === ACTION.cancel || b.action_id === ACTION.recheck || b.action_id === ACTION.retry || (b.action_id ?? '').startsWith(ACTION.pathPrefix));
  if (elements.length > 0) blocks.push(actions(BLOCK.requestActions, elements));
  blocks.push(context(`Approval card in <#${approvalsChannel}> · ${show(view.id)}`, ...(footer ? [esc(footer)] : [])));
  return { text: esc(label(`${view.id}: ${view.statusLine}`, 300)), blocks };
}

/** A reply in the requester's thread when the request moves (decided, started, finished). */
export function threadNotice(view: RequestView): string {
  return `${TONE_EMOJI[view.tone]} *${esc(view.id)}*: ${label(esc(view.statusLine), 2900)}`;
}
