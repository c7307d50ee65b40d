// A query that is nothing but a user identifier, once the decoration an agent or a chat client adds is
// gone: surrounding whitespace, quotes, backticks, angle brackets, Markdown emphasis, a "mailto:" prefix,
// braces around a GUID. What remains must be one token matching a strict pattern (identifier-patterns.ts).
import type { UserIdentifierKind } from '../model/parsed-error.ts';
import { isGuid, isOktaShortLogin, isUserPrincipalName } from './identifier-patterns.ts';
import { normaliseChatText } from './normalise-chat-text.ts';

/** A bare user identifier. */
export interface BareIdentifier {
  readonly identifier: string;
  readonly kind: UserIdentifierKind;
}

const EDGE = /[\s"'<>]/;
const EMPHASIS = new Set(['*', '_', '~']);
const MAX_ROUNDS = 8;

// A loop, not /[\s"'<>]+$/: that pattern retries from every position of a long run and goes quadratic.
function trimEdges(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && EDGE.test(text.charAt(start))) start += 1;
  while (end > start && EDGE.test(text.charAt(end - 1))) end -= 1;
  return text.slice(start, end);
}

function unwrapEmphasis(text: string): string {
  const first = text.charAt(0);
  return text.length > 2 && EMPHASIS.has(first) && text.endsWith(first) ? text.slice(1, -1) : text;
}

function undecorate(text: string): string {
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const next = unwrapEmphasis(trimEdges(current)).replace(/^mailto:/i, '');
    if (next === current) break;
    current = next;
  }
  const braced = (current.startsWith('{') && current.endsWith('}')) || (current.startsWith('(') && current.endsWith(')'));
  const inner = current.slice(1, -1);
  return braced && isGuid(inner) ? inner : current;
}

/** The user identifier a query consists of, or null when it is anything more or less. */
export function matchBareIdentifier(text: string): BareIdentifier | null {
  const token = undecorate(normaliseChatText(text));
  if (token.length === 0 || token.length > 320 || /\s/.test(token)) return null;
  if (isGuid(token)) return { identifier: token.toLowerCase(), kind: 'object-id' };
  if (isUserPrincipalName(token)) return { identifier: token.toLowerCase(), kind: 'upn' };
  if (isOktaShortLogin(token)) return { identifier: token, kind: 'okta-login' };
  return null;
}
