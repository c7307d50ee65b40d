// A Graph error or an Okta push message often arrives inside a JSON string (an Okta LogEvent's
// outcome.reason, a log line that serialised the response): its quotes are then backslash-escaped, once or
// more. Undoing one level everywhere makes `errorMessage=\"…\"` read like `errorMessage="…"`; a message
// that itself contains escaped quotes loses them, which no license error does.

const ESCAPED_QUOTE = /\\{1,8}(["'/])/g;
const ESCAPED_UNICODE = /\\{1,8}u([0-9a-fA-F]{4})/g;
const ESCAPED_BREAK = /\\{1,8}[nr]/g;
const ESCAPED_TAB = /\\{1,8}t/g;

function unicode(_match: string, hex: string): string {
  const code = Number.parseInt(hex, 16);
  // Control characters and lone surrogates become a space: they carry nothing a field needs.
  return code < 0x20 || (code >= 0xd800 && code <= 0xdfff) ? ' ' : String.fromCharCode(code);
}

/** Undoes JSON string escaping (quotes, \uXXXX, \n, \t) wherever it appears in `text`. */
export function unescapeJsonText(text: string): string {
  if (!text.includes('\\')) return text;
  return text
    .replace(ESCAPED_QUOTE, '$1')
    .replace(ESCAPED_UNICODE, unicode)
    .replace(ESCAPED_BREAK, '\n')
    .replace(ESCAPED_TAB, ' ');
}
