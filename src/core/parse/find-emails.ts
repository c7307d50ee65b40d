// Finds mail-address-shaped tokens by scanning outwards from each '@' with plain loops: a regex with an
// unanchored local part would retry at every character of a long run of letters.
import { DOMAIN_CHARS, LOCAL_PART_CHARS, isUserPrincipalName } from './identifier-patterns.ts';

/** One address found in a text. */
export interface FoundEmail {
  /** Lower-cased. */
  readonly value: string;
  /** Where the address starts in the text. */
  readonly index: number;
}

const CONTINUES_TOKEN = /[/?#$%&=*\\|{}`]/;

/** How many '@' signs are examined: enough for any real paste, bounded for a megabyte of "a@". */
const MAX_AT_SIGNS = 256;

/** Mail addresses / UPNs in `text`, in order (duplicates kept), examining at most `maxAtSigns` '@' signs. */
export function findEmails(text: string, maxAtSigns: number = MAX_AT_SIGNS): FoundEmail[] {
  const found: FoundEmail[] = [];
  let at = text.indexOf('@');
  for (let examined = 0; at >= 0 && examined < maxAtSigns; examined += 1, at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 65 && LOCAL_PART_CHARS.test(text.charAt(start - 1))) start -= 1;
    let end = at + 1;
    while (end < text.length && end - at < 256 && DOMAIN_CHARS.test(text.charAt(end))) end += 1;
    // Quotes and dots around an address belong to the sentence, not to the address.
    while (start < at && /['.]/.test(text.charAt(start))) start += 1;
    while (end > at + 1 && /[.-]/.test(text.charAt(end - 1))) end -= 1;
    const candidate = text.slice(start, end);
    // An address running on into a path, query or expression ("a@b.com/../x", "a@b.com?$top=1") is not one.
    if (CONTINUES_TOKEN.test(text.charAt(end))) continue;
    if (isUserPrincipalName(candidate)) found.push({ value: candidate.toLowerCase(), index: start });
  }
  return found;
}
