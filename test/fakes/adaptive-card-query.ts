// Reads Adaptive Cards in tests the way a person would: the texts, the buttons (verb + data), the inputs.
export type CardNode = Record<string, unknown>;

export interface CardButton {
  readonly title: string;
  readonly type: string;
  readonly verb: string | null;
  readonly data: Record<string, unknown>;
  readonly fallback: CardNode | null;
}

const isNode = (v: unknown): v is CardNode => typeof v === 'object' && v !== null && !Array.isArray(v);

function* walk(node: unknown): Generator<CardNode> {
  if (Array.isArray(node)) {
    for (const item of node) yield* walk(item);
    return;
  }
  if (!isNode(node)) return;
  yield node;
  for (const key of ['body', 'items', 'columns', 'actions', 'card']) if (key in node) yield* walk(node[key]);
}

/** Every button on the card (card actions and ActionSets), not the refresh action. */
export function cardButtons(card: CardNode): CardButton[] {
  return [...walk(card)]
    .filter((n) => typeof n.type === 'string' && n.type.startsWith('Action.'))
    .map((n) => ({
      title: String(n.title ?? ''),
      type: String(n.type),
      verb: typeof n.verb === 'string' ? n.verb : null,
      data: isNode(n.data) ? n.data : {},
      fallback: isNode(n.fallback) ? n.fallback : null,
    }));
}

/** The verbs of the card's buttons. */
export const cardVerbs = (card: CardNode): (string | null)[] => cardButtons(card).map((b) => b.verb);

/** The button with `verb` (and matching data), or throws. */
export function button(card: CardNode, verb: string, data: Record<string, unknown> = {}): CardButton {
  const found = cardButtons(card).find((b) => b.verb === verb && Object.entries(data).every(([k, v]) => b.data[k] === v));
  if (!found) throw new Error(`no button with verb ${verb} ${JSON.stringify(data)}; buttons: ${JSON.stringify(cardButtons(card).map((b) => [b.verb, b.data]))}`);
  return found;
}

/** Every input element. */
export const cardInputs = (card: CardNode): CardNode[] => [...walk(card)].filter((n) => typeof n.type === 'string' && n.type.startsWith('Input.'));

/** All the text a person reads (text blocks and facts), one line each. */
export function cardText(card: CardNode): string {
  const lines: string[] = [];
  for (const n of walk(card)) {
    if (n.type === 'TextBlock' && typeof n.text === 'string') lines.push(n.text);
    if (n.type === 'RichTextBlock' && Array.isArray(n.inlines)) lines.push(n.inlines.filter(isNode).map((r) => String(r.text ?? '')).join(''));
    if (n.type === 'FactSet' && Array.isArray(n.facts)) for (const f of n.facts.filter(isNode)) lines.push(`${String(f.title)}: ${String(f.value)}`);
  }
  return lines.join('\n');
}

/** A FactSet value by its title. */
export function fact(card: CardNode, title: string): string | null {
  for (const n of walk(card)) {
    if (n.type !== 'FactSet' || !Array.isArray(n.facts)) continue;
    const f = n.facts.filter(isNode).find((x) => x.title === title);
    if (f) return String(f.value);
  }
  return null;
}
