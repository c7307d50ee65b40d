// Whether input is binary rather than something a person typed or pasted: a NUL, or more than a trace of
// other control characters, U+FFFD (invalid UTF-8 decoded as text) or unpaired surrogates. Tab, CR, LF and
// ESC (terminal colour codes in a pasted console error) are ordinary in pasted text.

const MAX_ODD_SHARE = 0.02;
const MAX_ODD_COUNT = 16;

function isOdd(code: number, next: number, previous: number): boolean {
  if (code < 0x20) return code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x1b;
  if (code >= 0x7f && code <= 0x9f) return true;
  if (code === 0xfffd) return true;
  if (code >= 0xd800 && code <= 0xdbff) return !(next >= 0xdc00 && next <= 0xdfff);
  if (code >= 0xdc00 && code <= 0xdfff) return !(previous >= 0xd800 && previous <= 0xdbff);
  return false;
}

/** True when `text` looks like binary data rather than typed or pasted text. */
export function isBinaryText(text: string): boolean {
  let odd = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if (isOdd(code, text.charCodeAt(i + 1), text.charCodeAt(i - 1))) odd += 1;
  }
  return odd > MAX_ODD_COUNT || (odd > 0 && odd > text.length * MAX_ODD_SHARE);
}
