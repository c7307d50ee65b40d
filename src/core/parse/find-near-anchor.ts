// Every field is looked for next to a literal anchor ("errorCode", "request-id", …), in a bounded window,
// at a bounded number of places. However the input is built (a megabyte of repeated keys, quotes or
// half-emails), each rule then costs one linear scan for the anchor plus maxHits × window characters:
// no pattern ever backtracks over the whole text.

/** How far past an anchor a field may reach. */
const ANCHOR_WINDOW = 2500;
/** How many anchor occurrences are examined before giving up on a rule. */
const MAX_ANCHOR_HITS = 64;

/** Calls `read` on the window starting at each match of `anchor` (up to `maxHits`); the first value wins. */
export function findNearAnchor<T>(
  text: string,
  anchor: RegExp,
  read: (window: string) => T | undefined,
  maxHits: number = MAX_ANCHOR_HITS,
): T | undefined {
  const finder = new RegExp(anchor.source, anchor.flags.includes('g') ? anchor.flags : `${anchor.flags}g`);
  let hits = 0;
  for (let hit = finder.exec(text); hit !== null && hits < maxHits; hit = finder.exec(text)) {
    hits += 1;
    const value = read(text.slice(hit.index, hit.index + ANCHOR_WINDOW));
    if (value !== undefined) return value;
    if (hit[0] === '') finder.lastIndex += 1;
  }
  return undefined;
}

/** The first value any rule yields, trying every reading with a rule before falling back to the next rule. */
export function firstByRule<T>(
  texts: readonly string[],
  rules: ReadonlyArray<{ readonly anchor: RegExp; readonly read: (window: string) => T | undefined }>,
): T | undefined {
  for (const rule of rules) {
    for (const text of texts) {
      const value = findNearAnchor(text, rule.anchor, rule.read);
      if (value !== undefined) return value;
    }
  }
  return undefined;
}
