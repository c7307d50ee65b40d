// The structured reading of a pasted error, as `parsedError` in CONTRACT.md.

export type ErrorSource = 'okta-push' | 'graph-json' | 'ms-exception' | 'other';

export type ErrorClassification =
  | 'group-inherited-license'
  | 'usage-location-missing'
  | 'no-available-licenses'
  | 'insufficient-privileges'
  | 'dependency-violation'
  | 'unknown';

/** Fields extracted from pasted error text; each optional field is present only when found. */
export interface ParsedError {
  readonly source: ErrorSource;
  readonly classification: ErrorClassification;
  readonly httpStatus?: number;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly userPrincipalName?: string;
  /** ISO 8601, UTC, e.g. 2023-01-06T04:18:19.000Z */
  readonly timestamp?: string;
  readonly method?: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
}

/** What a helpdesk agent's input turned out to be. */
export type QueryParse =
  /** Nothing but whitespace. */
  | { readonly kind: 'empty' }
  /** Longer than the 64 KiB the contract accepts. */
  | { readonly kind: 'too-long'; readonly bytes: number }
  /** Control characters or invalid text: not something a person typed or pasted. */
  | { readonly kind: 'binary' }
  /** A bare user identifier: UPN or email, Entra object id (GUID), or an Okta login. */
  | { readonly kind: 'user'; readonly identifier: string; readonly identifierKind: UserIdentifierKind }
  /** Error text; `identifier` is the user it names, when it names one. */
  | {
      readonly kind: 'error-text';
      readonly parsedError: ParsedError;
      readonly identifier: string | null;
      readonly identifierKind: UserIdentifierKind | null;
    }
  /** Words that are neither a user nor a recognisable error. */
  | { readonly kind: 'unrecognised' }
  /** An address that is not what it looks like (mixed scripts, invisible characters, a link whose label is not its target). */
  | { readonly kind: 'deceptive'; readonly message: string };

export type UserIdentifierKind = 'upn' | 'object-id' | 'okta-login';

/** The most input the contract accepts (64 KiB of UTF-8). */
export const MAX_QUERY_BYTES = 64 * 1024;
