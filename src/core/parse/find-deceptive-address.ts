// Text is data: an address that looks like one person but names another is refused, never "cleaned up". A homoglyph
// (priyа.natarajan@… with a Cyrillic а) or an invisible character inside an address would otherwise be stripped or
// skipped and diagnose somebody else; a Slack link <mailto:lars@…|priya@…> shows Priya in the chat while its target
// is Lars. Each finding names the exact characters, so the agent can see what was pasted.

/** Why a query was refused, with the offending characters spelled out. */
export interface DeceptiveAddress {
  readonly message: string;
}

// Format characters that render as nothing (zero-width, joiners, bidi controls, soft hyphen, BOM, tag characters).
// eslint-disable-next-line no-misleading-character-class -- these invisible characters are exactly what is looked for
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]|\uDB40[\uDC00-\uDDEF]/u;
const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Georgian', 'Cherokee', 'Hebrew', 'Arabic', 'Coptic', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Thai', 'Devanagari'] as const;
const SCRIPT_TESTS = SCRIPTS.map((name) => ({ name, test: new RegExp(`\\p{Script=${name}}`, 'u') }));
// What ends an address-shaped token in chat text (Slack and HTML markup, quotes, brackets, ordinary spaces).
// Not \s: it counts U+FEFF as a space, and every invisible character must stay inside the token it hides in.
const DELIMITER = /[ \t\n\r\f\v\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000<>|"'(),;[\]{}`*]/u;
const SLACK_MAILTO = /<mailto:([^<>|\s]{1,320})\|([^<>\n]{0,500})>/giu;
const MAX_TOKENS = 256;

const codePoint = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
const scriptOf = (ch: string) => SCRIPT_TESTS.find((s) => s.test.test(ch))?.name ?? null;
const describe = (ch: string) => {
  const script = scriptOf(ch);
  return INVISIBLE.test(ch) ? `an invisible character (${codePoint(ch)})` : `"${ch}" (${codePoint(ch)}${script ? `, ${script}` : ''})`;
};

/** Address-shaped tokens in `text`: the run of non-delimiters around each '@' (invisible characters included). */
function addressTokens(text: string): string[] {
  const tokens: string[] = [];
  const chars = [...text];
  for (let i = 0; i < chars.length && tokens.length < MAX_TOKENS; i += 1) {
    if (chars[i] !== '@') continue;
    let start = i;
    while (start > 0 && i - start < 128 && !DELIMITER.test(chars[start - 1] ?? ' ')) start -= 1;
    let end = i + 1;
    while (end < chars.length && end - i < 256 && !DELIMITER.test(chars[end] ?? ' ')) end += 1;
    tokens.push(chars.slice(start, end).join('').replace(/^mailto:/i, ''));
  }
  return tokens;
}

function checkToken(token: string): string | null {
  const chars = [...token];
  const invisible = [...new Set(chars.filter((c) => INVISIBLE.test(c)))];
  // eslint-disable-next-line no-misleading-character-class -- these invisible characters are exactly what is looked for
  if (invisible.length > 0) return `${token.replace(new RegExp(INVISIBLE.source, 'gu'), '\u2370')} contains ${invisible.map(describe).join(', ')}`;
  const scripts = new Set(chars.map(scriptOf).filter((s) => s !== null));
  if (scripts.size > 1) {
    const odd = [...new Set(chars.filter((c) => /\P{ASCII}/u.test(c)))];
    return `${token} mixes scripts (${[...scripts].join(' and ')}): ${odd.map(describe).join(', ')}`;
  }
  return null;
}

/** A reason to refuse `text` (raw, as the chat client sent it), or null when its addresses are what they look like. */
export function findDeceptiveAddress(text: string): DeceptiveAddress | null {
  for (const m of text.matchAll(SLACK_MAILTO)) {
    const [, target = '', label = ''] = m;
    if (label.trim() !== '' && label.trim().toLowerCase() !== target.trim().toLowerCase()) {
      return { message: `The link shows ${label.trim()} but points to ${target.trim()}: type the address itself, so what you see is who is diagnosed.` };
    }
  }
  for (const token of addressTokens(text)) {
    const problem = checkToken(token);
    if (problem) return { message: `Refused: ${problem}. It looks like an address but is not the one it resembles; type the address in plain letters.` };
  }
  return null;
}
