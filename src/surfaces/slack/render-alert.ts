// An alert in Block Kit: what fails and why, how many users (the first few by name, then "and M more"), then the
// diagnosis of the first user still failing with the same path buttons as a diagnosis card — within Slack's limits.
import type { AlertUserView, AlertView } from '../../core/views/alert-view.ts';
import { alertBatchOffer } from '../../core/views/alert-batch-offer.ts';
import { actions, type Block, button, context, divider, LIMITS, label, mrkdwnEscape as esc, section } from './block-kit.ts';
import { ACTION } from './slack-ids.ts';
import { fitLines } from './fit-lines.ts';
import { diagnosisMessage, type SlackMessage } from './render-diagnosis.ts';
import { TONE_EMOJI } from './slack-tone.ts';

const userLine = (u: AlertUserView): string =>
  u.resolved ? `• ~${esc(u.displayName)}~ ${esc(u.userPrincipalName)} — resolved` : `• *${esc(u.displayName)}* ${esc(u.userPrincipalName)}`;

/** The alert message; `footer` says which mode runs. */
export function alertMessage(view: AlertView, footer?: string): SlackMessage {
  const blocks: Block[] = [
    section(`${view.failing === 0 ? TONE_EMOJI.good : ':rotating_light:'} *${label(esc(view.headline), 2900)}*`),
    context(esc(view.summary)),
  ];
  // Ten short lines fit one section; fitLines keeps whole lines should names be very long.
  const lines = ['*Users*', ...view.users.map(userLine), ...(view.more > 0 ? [`… and ${view.more} more`] : [])];
  const fitted = fitLines(lines, { maxChars: LIMITS.sectionText, maxChunks: 2, more: (n) => `… and ${n + view.more - (view.more > 0 ? 1 : 0)} more` });
  blocks.push(...fitted.chunks.map((text) => section(text)));
  const fix = alertBatchOffer(view);
  if (fix) blocks.push(actions(`alert-batch:${view.alertId}`, [button(fix, ACTION.batchFromAlert, view.alertId, { style: 'primary' })]));
  blocks.push(divider());
  if (view.diagnosis) {
    blocks.push(context(`The diagnosis of ${esc(view.diagnosis.subject ?? 'the first user still failing')}; the paths act on this user.`));
    blocks.push(...diagnosisMessage(view.diagnosis).blocks);
  } else {
    blocks.push(section('Every user on this alert is resolved: nothing to do.'));
  }
  if (footer) blocks.push(context(esc(footer)));
  const text = `${view.failing === 0 ? 'Resolved: ' : ''}${view.headline} (${view.summary})`;
  return { text: esc(label(text, 300)), blocks };
}
