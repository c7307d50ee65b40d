// A fleet scan's card in Block Kit: its progress while it runs (pages and users per side, users diagnosed), then its
// summary (users by verdict, the licensing groups behind the conflicts with their SKUs), or why it did not run —
// within Slack's limits (group names are data: escaped, long lists summarised by whole rows).
import type { ScanCardView, ScanGroupLine } from '../../core/views/scan-view.ts';
import { type Block, context, fields, LIMITS, label, mrkdwnEscape as esc, section } from './block-kit.ts';
import { fitLines } from './fit-lines.ts';
import type { SlackMessage } from './render-diagnosis.ts';
import { TONE_EMOJI } from './slack-tone.ts';

const title = (emoji: string, text: string) => section(`${emoji} *${esc(label(text, 200))}*`);

const groupLine = (g: ScanGroupLine): string =>
  `• *${esc(label(g.displayName, 256))}* (${esc(g.kind)}) — ${g.users.toLocaleString('en-US')} user${g.users === 1 ? '' : 's'}\n   ${esc(label(g.skus.join(', '), 600))}`;

function groupBlocks(view: Extract<ScanCardView, { kind: 'summary' }>): Block[] {
  if (view.groups.length === 0) return [];
  const more = (n: number) => `… and ${n} more group${n === 1 ? '' : 's'} (license-doctor scan)`;
  const lines = view.groups.map(groupLine);
  const fitted = fitLines(['*Licensing groups behind the conflicts*', ...lines], {
    maxChars: LIMITS.sectionText, maxChunks: 3, more: (n) => more(n + view.moreGroups),
  });
  const blocks = fitted.chunks.map((t) => section(t));
  return fitted.omitted === 0 && view.moreGroups > 0 ? [...blocks, context(more(view.moreGroups))] : blocks;
}

/** The message for `view`, ending with the mode footer. */
export function scanMessage(view: ScanCardView, footer: string): SlackMessage {
  const m = scanBlocks(view);
  return { text: m.text, blocks: [...m.blocks, context(esc(footer))] };
}

function scanBlocks(view: ScanCardView): SlackMessage {
  if (view.kind === 'progress') {
    return {
      text: `${view.title}: ${view.sides.map((s) => `${s.name} ${s.line}`).join('; ')}`,
      blocks: [
        title(':hourglass_flowing_sand:', view.title),
        fields(view.sides.map((s) => `*${esc(s.name)}*${s.done ? ' :white_check_mark:' : ''}\n${esc(s.line)}`)),
        context(esc(view.diagnosed), `Started by ${esc(label(view.startedBy, 200))}`),
      ],
    };
  }
  if (view.kind === 'stopped') {
    return { text: `${view.title}: ${view.message}`, blocks: [title(TONE_EMOJI[view.tone], view.title), section(esc(label(view.message, LIMITS.sectionText - 100)))] };
  }
  const verdicts = view.verdicts.map((v) => `${TONE_EMOJI[v.tone]} *${v.users.toLocaleString('en-US')}* ${esc(v.label)}`);
  return {
    text: `${view.title} (${view.scope})`,
    blocks: [
      title(TONE_EMOJI[view.tone], view.title),
      context(esc(view.scope)),
      section(verdicts.length > 0 ? verdicts.join('\n') : 'No users found.'),
      ...groupBlocks(view),
      context(esc(view.footnote), `Started by ${esc(label(view.startedBy, 200))}`),
    ],
  };
}
