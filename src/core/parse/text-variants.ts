// A chat client or a terminal may have broken the pasted text anywhere, also in the middle of a token.
// There is no telling from the text alone whether a line break stood for a space, so every field is read
// from three readings: breaks as spaces (chat soft wraps), breaks removed (terminal wraps that kept every
// character), and breaks removed with the next line's indentation (PowerShell's wrapped error records).
import { normaliseChatText } from './normalise-chat-text.ts';
import { stripLogPrefixes } from './strip-log-prefixes.ts';
import { unescapeJsonText } from './unescape-json-text.ts';

/** The readings of one pasted text, each on a single line with whitespace collapsed. */
export interface TextVariants {
  /** Line breaks read as spaces. */
  readonly spaced: string;
  /** Line breaks removed. */
  readonly joined: string;
  /** Line breaks removed together with the indentation that follows them. */
  readonly compact: string;
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Normalises chat formatting, escaping and log prefixes, and returns the three readings of the text. */
export function textVariants(text: string): TextVariants {
  const lines = stripLogPrefixes(unescapeJsonText(normaliseChatText(text)));
  return {
    spaced: collapse(lines),
    joined: collapse(lines.replace(/\n/g, '')),
    compact: collapse(lines.replace(/\n[ \t]*/g, '')),
  };
}

/** The readings in the order fields are tried: most texts are wrapped at spaces, if at all. */
export function variantList(variants: TextVariants): readonly string[] {
  return [variants.spaced, variants.joined, variants.compact];
}
