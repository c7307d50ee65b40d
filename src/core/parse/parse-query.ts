// What an agent typed or pasted: a user, an error, or something unusable. Size is checked first, on bytes
// and before any pattern runs. A bare UPN or GUID is a user whatever words it contains; a single token
// that only looks like an Okta short name is tried as error text first, because an exception name such
// as InvalidOperationOnGroupInheritedLicenseException or a code such as CountViolation is one token too.
// Words that are not an error but name exactly one address are a question about that user.
import type { QueryParse } from '../model/parsed-error.ts';
import { MAX_QUERY_BYTES } from '../model/parsed-error.ts';
import { analyseErrorText } from './analyse-error-text.ts';
import { findDeceptiveAddress } from './find-deceptive-address.ts';
import { findEmails } from './find-emails.ts';
import { isBinaryText } from './is-binary-text.ts';
import { matchBareIdentifier } from './match-bare-identifier.ts';
import { normaliseChatText } from './normalise-chat-text.ts';

/** Classifies a query (a UPN, object id, Okta login or pasted error text). Never throws. */
export function parseQuery(text: string): QueryParse {
  const bytes = new TextEncoder().encode(text).byteLength;
  if (bytes > MAX_QUERY_BYTES) return { kind: 'too-long', bytes };
  if (text.trim() === '') return { kind: 'empty' };
  if (isBinaryText(text)) return { kind: 'binary' };
  // Before any normalisation: it would strip the invisible characters and unwrap the link that deceive.
  const deceptive = findDeceptiveAddress(text);
  if (deceptive) return { kind: 'deceptive', message: deceptive.message };
  if (normaliseChatText(text).trim() === '') return { kind: 'empty' };
  const bare = matchBareIdentifier(text);
  if (bare && bare.kind !== 'okta-login') return { kind: 'user', identifier: bare.identifier, identifierKind: bare.kind };
  const analysis = analyseErrorText(text);
  if (analysis) {
    const { parsedError, user } = analysis;
    return { kind: 'error-text', parsedError, identifier: user?.identifier ?? null, identifierKind: user?.kind ?? null };
  }
  if (bare) return { kind: 'user', identifier: bare.identifier, identifierKind: bare.kind };
  // A sentence that names exactly one person ("can you check jane@contoso.com?"): chat users write like that.
  const named = [...new Set(findEmails(normaliseChatText(text)).map((e) => e.value))];
  if (named.length === 1 && named[0]) return { kind: 'user', identifier: named[0], identifierKind: 'upn' };
  return { kind: 'unrecognised' };
}
