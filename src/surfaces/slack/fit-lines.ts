// Long lists (license rows, plan steps) must fit Slack's limits without cutting a row in half: whole rows are packed
// into as few section texts as the block budget allows, and the rows that do not fit become one summary line.

/** The budget a list is fitted into. */
export interface FitOptions {
  /** Characters per chunk (a section text holds 3000). */
  readonly maxChars: number;
  /** Chunks (blocks) available. */
  readonly maxChunks: number;
  /** Rows shown at most, for readability (default: as many as fit). */
  readonly maxLines?: number;
  /** The summary that replaces `omitted` rows, e.g. "… and 12 more rows (see license-doctor diagnose jane@contoso.com)". */
  readonly more: (omitted: number) => string;
  /** Joins rows within a chunk (default a line break). */
  readonly separator?: string;
}

/** A fitted list. */
export interface Fitted {
  /** Texts, each at most maxChars, at most maxChunks of them. */
  readonly chunks: readonly string[];
  /** Rows shown, from the start of the list. */
  readonly shown: number;
  readonly omitted: number;
}

/** Greedy packing of whole items; null when an item is too long or the items need more than `maxChunks`. */
function pack(items: readonly string[], maxChars: number, maxChunks: number, separator: string): string[] | null {
  const chunks: string[] = [];
  let current: string | null = null;
  for (const item of items) {
    if (item.length > maxChars) return null;
    if (current !== null && current.length + separator.length + item.length <= maxChars) {
      current = `${current}${separator}${item}`;
      continue;
    }
    if (current !== null) chunks.push(current);
    if (chunks.length >= maxChunks) return null;
    current = item;
  }
  if (current !== null) chunks.push(current);
  return chunks.length <= maxChunks ? chunks : null;
}

/** How many rows from the start fit on their own (an upper bound for the search below). */
function greedyPrefix(lines: readonly string[], opts: FitOptions, separator: string): number {
  let chunks = 0;
  let used = -1;
  for (let i = 0; i < lines.length; i++) {
    const len = (lines[i] ?? '').length;
    if (len > opts.maxChars) return i;
    if (used >= 0 && used + separator.length + len <= opts.maxChars) {
      used += separator.length + len;
      continue;
    }
    if (chunks >= opts.maxChunks) return i;
    chunks += 1;
    used = len;
  }
  return lines.length;
}

/** Packs `lines` into chunks; rows that do not fit are summarised by `opts.more`, never cut. */
export function fitLines(lines: readonly string[], opts: FitOptions): Fitted {
  const separator = opts.separator ?? '\n';
  const limit = Math.min(lines.length, opts.maxLines ?? lines.length, greedyPrefix(lines, opts, separator));
  if (limit === lines.length) {
    return { chunks: pack(lines, opts.maxChars, opts.maxChunks, separator) ?? [], shown: lines.length, omitted: 0 };
  }
  for (let shown = limit; shown >= 0; shown--) {
    const omitted = lines.length - shown;
    const chunks = pack([...lines.slice(0, shown), opts.more(omitted)], opts.maxChars, opts.maxChunks, separator);
    if (chunks) return { chunks, shown, omitted };
  }
  return { chunks: [], shown: 0, omitted: lines.length };
}

/** Splits prose into sentences (kept whole) so a long explanation can be fitted like rows. */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=\S)/).filter((s) => s.trim() !== '');
}
