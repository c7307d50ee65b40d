// A batch as an Adaptive Card 1.5: title, where it stands with the live counts, blast radius and approvals, the users
// (as many as fit Teams' size limit, then "and M more"), and the buttons that make sense: Approve / Reject (with a
// reason input) while pending, Retry failed / Split failed once users failed. The server re-checks every click.
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { BatchMemberView, BatchView } from '../../core/views/batch-view.ts';
import { REJECT_REASON_INPUT } from './approval-card.ts';
import { fitCard, someRows } from './card-budget.ts';
import { adaptiveCard, banner, caption, clip, execute, facts, heading, plainText, section, text, type CardAction, type CardElement } from './card-elements.ts';

/** Users listed by name at most (the rest are counted; `license-doctor batch show` lists everyone). */
const MAX_USERS = 50;

const MARK: Record<BatchMemberView['state'], string> = { pending: '○', running: '▶', done: '✔', manual: '✋', failed: '✖', 'not-applicable': '↷', split: '→' };

const userRows = (m: BatchMemberView): CardElement[] => [
  plainText(`${MARK[m.state]} ${clip(m.user, 200)}`, { size: 'Small' }),
  plainText(clip(m.line, 300), { size: 'Small', isSubtle: true }),
];

/** The batch card for `view` (the same for everyone; the buttons are checked on the server). */
export function batchCard(view: BatchView): IAdaptiveCard {
  const data = { batchId: view.id };
  const actions: CardAction[] = [
    ...(view.canDecide ? [execute('Approve', 'batch-approve', data, { style: 'positive' }), execute('Reject', 'batch-reject', data, { style: 'destructive' })] : []),
    ...(view.canRetry ? [
      execute(`Retry ${view.counts.failed} failed`, 'batch-retry', data, { style: 'positive', withoutInputs: true }),
      execute('Split failed into a new batch', 'batch-split', data, { withoutInputs: true }),
    ] : []),
  ];
  const reason: CardElement[] = view.canDecide
    ? [{ type: 'Input.Text', id: REJECT_REASON_INPUT, label: 'Reason (needed to reject)', isMultiline: true, maxLength: 1000, placeholder: 'Why not, and what to change' }]
    : [];
  return fitCard((maxRows) => adaptiveCard([
    banner([heading(clip(`Batch ${view.id}: ${view.title}`, 300), view.tone), plainText(view.statusLine, { size: 'Small' })], view.tone),
    text(`**${view.countsLine}**`),
    facts([['Blast radius', clip(view.blastRadius.replace(/^Blast radius: /, ''), 300)], ['Approvals', clip(view.approvals, 300)], ['Requested by', clip(view.requestedBy, 200)]]),
    plainText(clip(view.reason, 1000), { label: 'Justification' }),
    section('Users', [
      ...someRows(view.members, Math.min(maxRows, MAX_USERS), userRows, 'users'),
      ...(view.skipped > 0 ? [caption(`${view.skipped} user${view.skipped === 1 ? '' : 's'} of the selection had no plan and are not in the batch.`)] : []),
    ]),
    ...reason,
  ], { actions, fallbackText: `Batch ${view.id} (${view.status}): ${view.countsLine}` }));
}
