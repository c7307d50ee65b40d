// Which user an error text is about. Okta names the target by its Office 365 user name (the UPN) right
// after "Office 365 user"; PowerShell echoes -UserId / -UserPrincipalName; a Graph URL carries
// /users/{id}; a LogEvent has debugData.userName. Failing those, the one mail address in the text is the
// user, or with several, the one written right after "user". The KB's literal "<username>" names nobody.
import type { UserIdentifierKind } from '../model/parsed-error.ts';
import { findEmails } from './find-emails.ts';
import { firstByRule } from './find-near-anchor.ts';
import { isGuid, isUserPrincipalName } from './identifier-patterns.ts';

/** The user an error text names. */
export interface ErrorTextUser {
  /** Lower-cased UPN or object id. */
  readonly identifier: string;
  readonly kind: Extract<UserIdentifierKind, 'upn' | 'object-id'>;
}

type Read = (window: string) => ErrorTextUser | undefined;

const TOKEN = '["\'(<{]?([^\\s,;"\'()<>{}]{1,320})';

function reader(pattern: RegExp, accept: 'upn' | 'upn-or-guid' | 'guid'): Read {
  return (window) => {
    const value = pattern.exec(window)?.[1];
    if (value === undefined) return undefined;
    if (accept !== 'guid' && isUserPrincipalName(value)) return { identifier: value.toLowerCase(), kind: 'upn' };
    if (accept !== 'upn' && isGuid(value)) return { identifier: value.toLowerCase(), kind: 'object-id' };
    return undefined;
  };
}

const OFFICE_365_USER = /office 365 user/gi;

const RULES: ReadonlyArray<{ readonly anchor: RegExp; readonly read: Read }> = [
  // Okta's text puts a comma right after the name; requiring it first rejects a name cut by a line break.
  { anchor: OFFICE_365_USER, read: reader(new RegExp(`^office 365 user:? ${TOKEN}["')>]? ?,`, 'i'), 'upn') },
  { anchor: OFFICE_365_USER, read: reader(new RegExp(`^office 365 user:? ${TOKEN}`, 'i'), 'upn') },
  {
    anchor: /(?<![\w])-?"?(?:userid|userprincipalname|username)\b/gi,
    read: reader(new RegExp(`^-?"?(?:userId|userPrincipalName|userName)"? ?[=:]? ?${TOKEN}`, 'i'), 'upn-or-guid'),
  },
  { anchor: /\/users\//gi, read: reader(/^\/users\/["'(]?([^\s/?#"'()]{1,320})/i, 'upn-or-guid') },
  { anchor: /object[-_ ]?id/gi, read: reader(new RegExp(`^object[-_ ]?id"? ?[=:]? ?${TOKEN}`, 'i'), 'guid') },
];

/** The mail address in `text`: the only one, or of several the first written right after "user". */
function soleOrNamedEmail(text: string): ErrorTextUser | null {
  const emails = findEmails(text);
  const distinct = [...new Set(emails.map((email) => email.value))];
  if (distinct.length === 1 && distinct[0] !== undefined) return { identifier: distinct[0], kind: 'upn' };
  const named = emails.find((email) => /\buser:? ?["'(<]?$/i.test(text.slice(Math.max(0, email.index - 12), email.index)));
  return named ? { identifier: named.value, kind: 'upn' } : null;
}

/** The user named by an error text's readings (see TextVariants), or null. */
export function findErrorUser(texts: readonly string[]): ErrorTextUser | null {
  const named = firstByRule(texts, RULES);
  if (named !== undefined) return named;
  // Only the first reading: joining lines could glue a word onto an address.
  const [first] = texts;
  return first === undefined ? null : soleOrNamedEmail(first);
}
