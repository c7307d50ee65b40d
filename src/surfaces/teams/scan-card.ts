// A fleet scan's Adaptive Card (1.5): its progress while it runs (pages and users per side, users diagnosed), then its
// summary (users by verdict, the licensing groups behind the conflicts with their SKUs), or why it did not run. Group
// names are data (TextRuns); the card keeps within Teams' size budget by listing fewer groups.
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { ScanCardView, ScanGroupLine } from '../../core/views/scan-view.ts';
import { fitCard, someRows } from './card-budget.ts';
import { adaptiveCard, banner, caption, clip, facts, heading, plainText, section, text, toneColor, type CardElement } from './card-elements.ts';

const groupRows = (g: ScanGroupLine): CardElement[] => [
  plainText(clip(g.displayName, 256), { label: `${g.users.toLocaleString('en-US')} user${g.users === 1 ? '' : 's'}` }),
  caption(clip(`${g.kind} · ${g.skus.join(', ')}`, 600)),
];

/** The card for `view`, and the activity summary (notification text). */
export function scanCard(view: ScanCardView): { readonly card: IAdaptiveCard; readonly summary: string } {
  if (view.kind === 'progress') {
    const summary = `${view.title}: ${view.diagnosed}`;
    return {
      summary,
      card: adaptiveCard([
        banner([heading(view.title), caption(`Started by ${clip(view.startedBy, 200)}`)], 'neutral'),
        facts(view.sides.map((s) => [s.name, s.line] as const)),
        text(view.diagnosed, { isSubtle: true }),
      ], { fallbackText: summary }),
    };
  }
  if (view.kind === 'stopped') {
    const summary = `${view.title}: ${view.message}`;
    return { summary, card: adaptiveCard([banner([heading(view.title, view.tone)], view.tone), text(clip(view.message, 2000))], { fallbackText: clip(summary, 500) }) };
  }
  const summary = `${view.title} (${view.scope})`;
  const card = fitCard((maxRows) => adaptiveCard([
    banner([heading(view.title, view.tone), caption(view.scope)], view.tone),
    section('Users by verdict', view.verdicts.map((v) => text(`**${v.users.toLocaleString('en-US')}** ${v.label}`, { color: toneColor(v.tone), spacing: 'Small' }))),
    ...(view.groups.length > 0
      ? [section('Licensing groups behind the conflicts', [
          ...someRows(view.groups, maxRows, groupRows, 'groups'),
          ...(view.moreGroups > 0 ? [caption(`…and ${view.moreGroups} more groups (license-doctor scan).`)] : []),
        ])]
      : []),
    caption(view.footnote),
    caption(`Started by ${clip(view.startedBy, 200)}`),
  ], { fallbackText: clip(summary, 500) }));
  return { summary, card };
}
