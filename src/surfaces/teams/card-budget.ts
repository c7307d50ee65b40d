// Teams refuses a message over 28 KB. Cards are built with a row limit for their lists; when the card is too large,
// it is rebuilt with fewer rows per list, whole rows at a time, each list saying how many it left out.
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { caption, type CardElement } from './card-elements.ts';

/** What the card itself may take, leaving room for the activity around it inside Teams' 28 KB. */
export const CARD_BUDGET_BYTES = 24 * 1024;

const ROW_LIMITS = [Number.POSITIVE_INFINITY, 40, 20, 10, 5, 2];

/** The size of a card as Teams counts it (UTF-8 JSON). */
export const cardBytes = (card: IAdaptiveCard): number => Buffer.byteLength(JSON.stringify(card), 'utf8');

/** Builds the card with as many list rows as fit in the budget (the smallest attempt when none fits). */
export function fitCard(build: (maxRows: number) => IAdaptiveCard, budget: number = CARD_BUDGET_BYTES): IAdaptiveCard {
  let card = build(ROW_LIMITS[0] ?? Number.POSITIVE_INFINITY);
  for (const limit of ROW_LIMITS.slice(1)) {
    if (cardBytes(card) <= budget) return card;
    card = build(limit);
  }
  return card;
}

/** The first `max` rows rendered, plus a line naming how many more there are. */
export function someRows<T>(rows: readonly T[], max: number, render: (row: T) => CardElement[], noun: string): CardElement[] {
  const shown = rows.slice(0, Math.max(0, max)).flatMap(render);
  const hidden = rows.length - Math.min(rows.length, Math.max(0, max));
  return hidden > 0 ? [...shown, caption(`…and ${hidden} more ${noun} (left out to fit Teams' card size limit).`)] : shown;
}
