// A diagnosis in Block Kit: the verdict line, license rows, Okta status, the explanation, a button per resolution path
// (an unavailable one says why) and Re-check — within Slack's limits, long lists summarised by whole rows.
import type { DiagnosisView, LicenseRowView } from '../../core/views/view-model.ts';
import { actions, type Block, button, context, LIMITS, label, mrkdwnEscape as esc, section } from './block-kit.ts';
import { fitLines, sentences } from './fit-lines.ts';
import { ACTION, BLOCK, pathActionId } from './slack-ids.ts';
import { TONE_EMOJI } from './slack-tone.ts';

/** A message's notification text and blocks. */
export interface SlackMessage {
  /** The notification and accessibility text. */
  readonly text: string;
  readonly blocks: readonly Block[];
}

/** At most this many license rows are listed; the rest are summarised (a chat message is not a report). */
const MAX_LICENSE_ROWS = 25;
const LICENSE_BLOCKS = 3;
const EXPLANATION_BLOCKS = 3;

const cli = (query: string) => `\`license-doctor diagnose ${query.length <= 200 && !/[\n`]/.test(query) ? query : '<upn>'}\``;

const licenseRow = (r: LicenseRowView): string => `• *${esc(r.product)}* — ${esc(r.via)} — ${TONE_EMOJI[r.tone]} ${esc(r.state)}`;

function licenseBlocks(view: DiagnosisView): Block[] {
  if (view.licenses.length === 0) return [section('*Licenses*\nNone assigned.')];
  const fitted = fitLines(['*Licenses*', ...view.licenses.map(licenseRow)], {
    maxChars: LIMITS.sectionText,
    maxChunks: LICENSE_BLOCKS,
    maxLines: MAX_LICENSE_ROWS + 1,
    more: (n) => `… and ${n} more row${n === 1 ? '' : 's'} (see ${cli(view.recheckQuery)})`,
  });
  return fitted.chunks.map((text) => section(text));
}

function explanationBlocks(view: DiagnosisView): Block[] {
  const fitted = fitLines(sentences(esc(view.explanation)), {
    maxChars: LIMITS.sectionText,
    maxChunks: EXPLANATION_BLOCKS,
    separator: ' ',
    more: () => `… (the full explanation: ${cli(view.recheckQuery)})`,
  });
  return fitted.chunks.map((text) => section(text));
}

function pathLines(view: DiagnosisView): string[] {
  return view.paths.map((p) => {
    const head = `*${esc(p.label)}* — ${esc(p.approvals)}`;
    if (!p.available) return `:no_entry_sign: ${head} — not available: ${esc(p.note ?? 'not applicable to this user')}`;
    return `:arrow_right: ${head}${p.note ? ` — ${esc(p.note)}` : ''}`;
  });
}

function buttons(view: DiagnosisView): Block[] {
  // The query travels in the button value; one that does not fit (a long paste without a user) gets no buttons.
  if (view.recheckQuery.length > LIMITS.buttonValue) {
    return [context('Give the user principal name to act on this: paths and Re-check need to know the user.')];
  }
  const paths = view.paths.map((p) =>
    button(p.available ? p.label : `${p.label} (unavailable)`, pathActionId(p.path), view.recheckQuery, p.available && view.paths.filter((x) => x.available)[0] === p ? { style: 'primary' } : {}),
  );
  return [actions(BLOCK.diagnosisActions, [...paths, button('Re-check', ACTION.recheck, view.recheckQuery)])];
}

/** The diagnosis message; `footer` says which mode runs (chat/mode-footer-text.ts). */
export function diagnosisMessage(view: DiagnosisView, footer?: string): SlackMessage {
  const blocks: Block[] = [section(`${TONE_EMOJI[view.tone]} *${label(esc(view.headline), 2900)}*`)];
  if (view.subject) blocks.push(context(esc(view.subject)));
  blocks.push(...licenseBlocks(view));
  if (view.okta) blocks.push(section(label(esc(view.okta), LIMITS.sectionText)));
  blocks.push(...explanationBlocks(view));
  const paths = pathLines(view);
  if (paths.length > 0) {
    const fitted = fitLines(['*Resolution paths*', ...paths], { maxChars: LIMITS.sectionText, maxChunks: 2, more: (n) => `… and ${n} more` });
    blocks.push(...fitted.chunks.map((text) => section(text)));
  }
  blocks.push(...buttons(view));
  if (footer) blocks.push(context(esc(footer)));
  // The fallback text is mrkdwn too: a query such as `<!here>` must not ping a channel from a notification.
  return { text: esc(label(view.headline, 300)), blocks };
}

/** What the agent sees while the diagnosis runs. */
export function workingMessage(query: string): SlackMessage {
  const shown = label(query.split('\n')[0] ?? query, 120);
  return {
    text: `:hourglass_flowing_sand: Diagnosing ${esc(shown)} — reading Entra ID and Okta; the diagnosis follows here.`,
    blocks: [context(`:hourglass_flowing_sand: Diagnosing *${esc(shown)}* — reading Entra ID and Okta…`)],
  };
}

/** A message for the agent instead of a diagnosis (unusable input, Graph or Okta unreachable). */
export function problemMessage(message: string): SlackMessage {
  return { text: esc(label(message, 300)), blocks: [section(`:warning: ${label(esc(message), LIMITS.sectionText - 20)}`)] };
}
