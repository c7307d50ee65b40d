// Teams sends message text as HTML and Slack escapes &, < and >; pasted vendor text also arrives
// HTML-escaped from web consoles. Only what such text uses is decoded; anything else is left as typed.

const NAMED: Readonly<Record<string, string>> = {
  quot: '"',
  apos: "'",
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: ' ',
  ldquo: '"',
  rdquo: '"',
  bdquo: '"',
  lsquo: "'",
  rsquo: "'",
  sbquo: "'",
  laquo: '"',
  raquo: '"',
  hellip: '...',
  ndash: '-',
  mdash: '-',
  colon: ':',
  comma: ',',
  sol: '/',
  bsol: '\\',
  lowbar: '_',
  equals: '=',
};

const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});/g;

function decodeOne(match: string, body: string): string {
  if (body.startsWith('#')) {
    const hex = body[1] === 'x' || body[1] === 'X';
    const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    // Control characters and surrogate halves would turn text into something that looks binary.
    const printable = code === 9 || code === 10 || code === 13 || code >= 0x20;
    const valid = code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) && code !== 0x7f;
    return printable && valid ? String.fromCodePoint(code) : match;
  }
  return NAMED[body.toLowerCase()] ?? match;
}

/** Decodes the HTML character references chat clients and web consoles put in text (twice, for `&amp;quot;`). */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  const once = text.replace(ENTITY, decodeOne);
  return once.includes('&') ? once.replace(ENTITY, decodeOne) : once;
}
