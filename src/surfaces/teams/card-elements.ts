// Small builders for the Adaptive Card 1.5 elements License Doctor uses. Typed with @microsoft/teams.cards; only
// properties that exist in 1.5 are set (the tests validate every card against the 1.5 schema and the official parser).
import type {
  ActionArray, CardElementArray, IActionSet, IAdaptiveCard, IColumnSet, IContainer, IExecuteAction, IFactSet, IRefreshDefinition,
  IRichTextBlock, ITextBlock, TextColor,
} from '@microsoft/teams.cards';
import type { Tone } from '../../core/views/view-model.ts';

export type CardElement = CardElementArray[number];
export type CardAction = ActionArray[number];

/** What every License Doctor action carries: the verb (CONTRACT.md "Chat actions") and its data. */
export type ActionData = Readonly<Record<string, string>>;

const TONE_COLOR: Record<Tone, TextColor> = { good: 'Good', warning: 'Warning', attention: 'Attention', neutral: 'Default' };
const TONE_STYLE = { good: 'good', warning: 'warning', attention: 'attention', neutral: 'emphasis' } as const;

/** The text colour for a tone. */
export const toneColor = (tone: Tone): TextColor => TONE_COLOR[tone];

/** Cuts `value` to `max` characters on a word boundary, marking the cut. */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** A wrapping text block. */
export function text(value: string, options: Omit<Partial<ITextBlock>, 'type' | 'text'> = {}): ITextBlock {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

/**
 * Text that is data (a requester's justification, a query, names, reasons): a TextRun, which hosts never read as
 * Markdown, so `[Approve here](https://evil.example)` shows as typed instead of becoming a link. `label` is ours.
 */
export function plainText(value: string, options: { label?: string; color?: TextColor; isSubtle?: boolean; size?: 'Small' } = {}): IRichTextBlock {
  const { label, ...style } = options;
  return {
    type: 'RichTextBlock',
    inlines: [...(label ? [{ type: 'TextRun' as const, text: `${label}: `, weight: 'Bolder' as const, ...style }] : []), { type: 'TextRun', text: value, ...style }],
  };
}

/** A bold heading line in the tone's colour. */
export function heading(value: string, tone: Tone = 'neutral'): ITextBlock {
  return text(value, { size: 'Medium', weight: 'Bolder', color: toneColor(tone) });
}

/** A small, subtle caption. */
export function caption(value: string): ITextBlock {
  return text(value, { size: 'Small', isSubtle: true, spacing: 'Small' });
}

/** Title / value pairs. */
export function facts(pairs: readonly (readonly [string, string])[]): IFactSet {
  return { type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })) };
}

/** A container whose background follows the tone. */
export function banner(items: CardElementArray, tone: Tone): IContainer {
  return { type: 'Container', style: TONE_STYLE[tone], bleed: true, items };
}

/** A section: a separator, a small bold title, then the items. */
export function section(title: string, items: CardElementArray): IContainer {
  return { type: 'Container', separator: true, spacing: 'Medium', items: [text(title, { weight: 'Bolder', size: 'Small' }), ...items] };
}

/** Cells side by side: a trailing short state (the last of three or more cells) fits its text; the others share the rest. */
export function row(cells: readonly ITextBlock[]): IColumnSet {
  const trailingState = cells.length > 2;
  return {
    type: 'ColumnSet',
    spacing: 'Small',
    // Weighted widths are percentages that already fill the row, so beside them an auto-width state column is
    // squeezed below its own width ("Activ/e"). Stretch columns start from a small basis and share what the state
    // leaves; without a state column, weights give the first cell (a product name) the narrower part.
    columns: cells.map((cell, i) => ({
      type: 'Column',
      width: trailingState ? (i === cells.length - 1 ? 'auto' : 'stretch') : i === 0 ? 2 : 3,
      items: [cell],
    })),
  };
}

export interface ActionOptions {
  readonly style?: 'positive' | 'destructive';
  /** Send no inputs and validate none (e.g. Back while a required field is empty). */
  readonly withoutInputs?: boolean;
}

/**
 * An Action.Execute (Universal Actions) with an Action.Submit fallback for clients without 1.4+: the fallback sends
 * the same data with the verb inside it, which arrives as a message activity's `value`.
 */
export function execute(title: string, verb: string, data: ActionData, options: ActionOptions = {}): IExecuteAction {
  const common = {
    title,
    ...(options.style ? { style: options.style } : {}),
    ...(options.withoutInputs ? { associatedInputs: 'none' as const } : {}),
  };
  return { type: 'Action.Execute', verb, data: { ...data }, ...common, fallback: { type: 'Action.Submit', data: { ...data, verb }, ...common } };
}

/** Buttons inside the body (keeps them next to the inputs they submit). */
export function actionSet(actions: ActionArray): IActionSet {
  return { type: 'ActionSet', actions };
}

/** A 1.5 card. */
export function adaptiveCard(body: CardElementArray, options: { actions?: ActionArray; refresh?: IRefreshDefinition; fallbackText: string }): IAdaptiveCard {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: options.fallbackText,
    ...(options.refresh ? { refresh: options.refresh } : {}),
    body,
    ...(options.actions && options.actions.length > 0 ? { actions: options.actions } : {}),
  };
}
