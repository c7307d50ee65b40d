// Small typed builders for the Block Kit pieces License Doctor uses, and Slack's documented limits
// (https://docs.slack.dev/reference/block-kit/blocks): renderers stay readable and every limit lives in one place.
import type { types } from '@slack/bolt';

/** A block License Doctor sends. */
export type Block = types.KnownBlock;
/** A button element. */
export type Button = types.Button;

/** Slack's documented limits the renderers respect (the tests check every payload against them). */
export const LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  actionsElements: 25,
  headerText: 150,
  contextElements: 10,
  modalTitle: 24,
  modalButton: 24,
  inputLabel: 2000,
  privateMetadata: 3000,
} as const;

/** Shortens a label (never a row of data) to `max` characters at a word boundary. */
export function label(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Escapes the three characters Slack's mrkdwn treats as markup (https://docs.slack.dev/messaging/formatting-message-text). */
export const mrkdwnEscape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A plain_text object (emoji shortcodes rendered). */
export const plain = (text: string): types.PlainTextElement => ({ type: 'plain_text', text, emoji: true });

/** A section with mrkdwn text (at most 3000 characters: callers fit their text first). */
export const section = (text: string, blockId?: string): types.SectionBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text },
  ...(blockId ? { block_id: blockId } : {}),
});

/** A section of up to 10 mrkdwn fields. */
export const fields = (items: readonly string[]): types.SectionBlock => ({
  type: 'section',
  fields: items.map((text) => ({ type: 'mrkdwn' as const, text })),
});

/** A context block of mrkdwn texts. */
export const context = (...texts: string[]): types.ContextBlock => ({
  type: 'context',
  elements: texts.map((text) => ({ type: 'mrkdwn' as const, text })),
});

/** A divider. */
export const divider = (): types.DividerBlock => ({ type: 'divider' });

/** A button; `style` primary/danger; an optional confirmation dialog. */
export function button(
  text: string,
  actionId: string,
  value: string,
  options: { style?: 'primary' | 'danger'; confirm?: { title: string; text: string; confirm: string; deny: string } } = {},
): Button {
  return {
    type: 'button',
    text: plain(label(text, LIMITS.buttonText)),
    action_id: actionId,
    value,
    ...(options.style ? { style: options.style } : {}),
    ...(options.confirm
      ? {
          confirm: {
            title: plain(label(options.confirm.title, 100)),
            text: plain(label(options.confirm.text, 300)),
            confirm: plain(label(options.confirm.confirm, 30)),
            deny: plain(label(options.confirm.deny, 30)),
          },
        }
      : {}),
  };
}

/** An actions block of buttons (at most 25). */
export const actions = (blockId: string, elements: readonly Button[]): types.ActionsBlock => ({
  type: 'actions',
  block_id: blockId,
  elements: elements.slice(0, LIMITS.actionsElements),
});
