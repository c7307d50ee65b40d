import fc from 'fast-check';
import type { QueryParse } from '../../../src/core/model/parsed-error.ts';
import { MAX_QUERY_BYTES } from '../../../src/core/model/parsed-error.ts';
import { parseQuery } from '../../../src/core/parse/parse-query.ts';
import {
  GRAPH_POWERSHELL_7_ERROR,
  GRAPH_POWERSHELL_ERROR,
  KB_ERROR,
  KB_EXCEPTION,
  OBJECT_ID,
  graphEnvelope,
  kbErrorFor,
  wrapEvery,
} from './error-text-fixtures.ts';

const user = (identifier: string, identifierKind: 'upn' | 'object-id' | 'okta-login'): QueryParse => ({
  kind: 'user',
  identifier,
  identifierKind,
});
const UNRECOGNISED: QueryParse = { kind: 'unrecognised' };
const EMPTY: QueryParse = { kind: 'empty' };
const BINARY: QueryParse = { kind: 'binary' };

/** An error-text result, checked on the fields that decide what the bot does next. */
const errorText = (
  identifier: string | null,
  identifierKind: 'upn' | 'object-id' | null,
  source: string,
  classification: string,
): Record<string, unknown> => ({ kind: 'error-text', identifier, identifierKind, parsedError: { source, classification } });

const GUID_UPPER = OBJECT_ID.toUpperCase();

const rows: ReadonlyArray<readonly [string, string, Record<string, unknown>]> = [
  // Error text
  ['the KB text, <username> placeholder', KB_ERROR, errorText(null, null, 'okta-push', 'group-inherited-license')],
  ['the KB text with a real UPN', kbErrorFor('Jane.Doe@Contoso.com'), errorText('jane.doe@contoso.com', 'upn', 'okta-push', 'group-inherited-license')],
  ['the KB text wrapped at 53 columns', wrapEvery(kbErrorFor('jane@contoso.com'), 53), errorText('jane@contoso.com', 'upn', 'okta-push', 'group-inherited-license')],
  [
    'the KB text HTML-escaped (Teams)',
    `<p>${kbErrorFor('jane@contoso.com').replace(/"/g, '&quot;').replace(/'/g, '&#39;')}</p>`,
    errorText('jane@contoso.com', 'upn', 'okta-push', 'group-inherited-license'),
  ],
  [
    'the KB text in a Slack code fence with a mailto link',
    '```' + KB_ERROR.replace('<username>', '<mailto:jane@contoso.com|jane@contoso.com>') + '```',
    errorText('jane@contoso.com', 'upn', 'okta-push', 'group-inherited-license'),
  ],
  ['a Graph JSON envelope', JSON.stringify(graphEnvelope(), null, 2), errorText(null, null, 'graph-json', 'group-inherited-license')],
  ['the exception name alone', KB_EXCEPTION, errorText(null, null, 'ms-exception', 'group-inherited-license')],
  ['the exception short name (one token)', 'InvalidOperationOnGroupInheritedLicenseException', errorText(null, null, 'ms-exception', 'group-inherited-license')],
  ['a Graph PowerShell error', GRAPH_POWERSHELL_ERROR, errorText('jane.doe@contoso.com', 'upn', 'other', 'group-inherited-license')],
  ['a PowerShell error naming an object id', GRAPH_POWERSHELL_7_ERROR, errorText(OBJECT_ID, 'object-id', 'other', 'group-inherited-license')],
  ['CountViolation (one token)', 'CountViolation', errorText(null, null, 'other', 'no-available-licenses')],
  ['Authorization_RequestDenied in prose', 'Okta gets Authorization_RequestDenied for bob@contoso.com', errorText('bob@contoso.com', 'upn', 'other', 'insufficient-privileges')],
  // Bare identifiers
  ['a UPN', 'jane@contoso.com', user('jane@contoso.com', 'upn')],
  ['an email, upper case', 'Jane.Doe@CONTOSO.COM', user('jane.doe@contoso.com', 'upn')],
  ["a UPN with an apostrophe (Entra allows it)", "o'brien@contoso.onmicrosoft.com", user("o'brien@contoso.onmicrosoft.com", 'upn')],
  ['a UPN in quotes and whitespace', '  "jane@contoso.com"\n', user('jane@contoso.com', 'upn')],
  ['a UPN in backticks', '`jane@contoso.com`', user('jane@contoso.com', 'upn')],
  ['a UPN in angle brackets', '<jane@contoso.com>', user('jane@contoso.com', 'upn')],
  ['a UPN in Slack bold', '*jane@contoso.com*', user('jane@contoso.com', 'upn')],
  ['a UPN quoted in Slack', '> jane@contoso.com', user('jane@contoso.com', 'upn')],
  ['a Slack mailto link', '<mailto:jane@contoso.com|jane@contoso.com>', user('jane@contoso.com', 'upn')],
  ['a Slack mention then a UPN', '<@U024BE7LH> jane@contoso.com', user('jane@contoso.com', 'upn')],
  ['a Teams mailto anchor', '<p><a href="mailto:jane@contoso.com">jane@contoso.com</a></p>', user('jane@contoso.com', 'upn')],
  ['a Teams mention then a UPN', '<at>License Doctor</at> jane@contoso.com', user('jane@contoso.com', 'upn')],
  ['a GUID', OBJECT_ID, user(OBJECT_ID, 'object-id')],
  ['a GUID, upper case, in braces', `{${GUID_UPPER}}`, user(OBJECT_ID, 'object-id')],
  ['an Okta short login', 'jdoe', user('jdoe', 'okta-login')],
  ['an Okta short login with a dot, quoted', "'j.doe'", user('j.doe', 'okta-login')],
  // Nothing usable
  ['empty', '', EMPTY],
  ['whitespace', ' \n\t \r\n ', EMPTY],
  ['an empty Teams paragraph', '<p>&nbsp;</p>', EMPTY],
  ['prose', 'hello, can you help?', UNRECOGNISED],
  ['random prose', 'the quick brown fox jumps over the lazy dog', UNRECOGNISED],
  ['a NUL byte', 'jane@contoso.com\u0000', BINARY],
  ['control characters', 'abc\u0001\u0002\u0003\u0004def', BINARY],
  ['invalid UTF-8 read as text', '\uFFFD\uFFFDPNG\uFFFD\uFFFD\u001A\uFFFD', BINARY],
  // Injection attempts never become identifiers
  ["OData injection", "jane' or 1 eq 1", UNRECOGNISED],
  // Only the clean address is taken: the rest of the text cannot reach a request.
  ['OData injection after a UPN', "jane@contoso.com' or 1 eq 1", { kind: 'user', identifier: 'jane@contoso.com', identifierKind: 'upn' }],
  ['a question naming one user', 'hi! can you check <mailto:Jane.Doe@contoso.com|Jane.Doe@contoso.com> please?', { kind: 'user', identifier: 'jane.doe@contoso.com', identifierKind: 'upn' }],
  ['a question naming two users', 'is jane@contoso.com or joe@contoso.com affected?', UNRECOGNISED],
  ['path traversal', '../../users', UNRECOGNISED],
  ['path traversal with a query', '../../users?$top=999', UNRECOGNISED],
  ['a UPN followed by a path', 'a@b.com/../../x', UNRECOGNISED],
  ['a UPN followed by a query', 'a@b.com?$top=1', UNRECOGNISED],
  ['$metadata', '$metadata', UNRECOGNISED],
  ['dots alone', '..', UNRECOGNISED],
  ['a URL-encoded quote', 'jane%27%20or%201%20eq%201', UNRECOGNISED],
];

describe('parseQuery', () => {
  it.each(rows)('%s', (_name, input, expected) => {
    expect(parseQuery(input)).toMatchObject(expected);
  });

  it('reports too-long input with its size in UTF-8 bytes, measured before parsing', () => {
    const text = 'é'.repeat(MAX_QUERY_BYTES / 2 + 1);
    expect(parseQuery(text)).toEqual({ kind: 'too-long', bytes: MAX_QUERY_BYTES + 2 });
  });

  it('accepts input of exactly the maximum size', () => {
    expect(parseQuery(`${' '.repeat(MAX_QUERY_BYTES - 'jdoe'.length)}jdoe`)).toEqual(user('jdoe', 'okta-login'));
  });

  it('gives a user-less error text a null identifier, not an empty one', () => {
    expect(parseQuery(KB_ERROR)).toMatchObject({ kind: 'error-text', identifier: null, identifierKind: null });
  });
});

describe('parseQuery properties', () => {
  const KINDS = ['empty', 'too-long', 'binary', 'user', 'error-text', 'unrecognised'];

  it('never throws, on full unicode, control characters and lone surrogates', () => {
    const control = fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code));
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: fc.oneof(control, fc.constantFrom('@', '.', '"', '<', '>', '&', '\\', 'a', ' ')), maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        expect(KINDS).toContain(parseQuery(text).kind);
      }),
      { numRuns: 300 },
    );
  });

  const identifier = fc.oneof(
    fc.stringMatching(/^[a-z][a-z0-9]{0,9}([._-][a-z0-9]{1,8})?@[a-z]{2,10}\.(com|org|co\.uk|onmicrosoft\.com)$/),
    fc.uuid(),
    fc.stringMatching(/^[a-z][a-z0-9]{0,7}(\.[a-z]{1,8})?$/),
  );
  const decoration = fc.array(fc.constantFrom(' ', '\n', '\t', '"', "'", '`', '“', '”', '‘', '’'), { maxLength: 4 }).map((parts) => parts.join(''));

  it('reads the same identifier whatever whitespace and quotes surround it', () => {
    fc.assert(
      fc.property(identifier, decoration, decoration, (id, left, right) => {
        const plain = parseQuery(id);
        expect(plain.kind).toBe('user');
        expect(parseQuery(`${left}${id}${right}`)).toEqual(plain);
      }),
    );
  });

  it('reads the same user from error text whatever whitespace and quotes surround it', () => {
    const upn = fc.stringMatching(/^[a-z][a-z0-9]{0,9}@[a-z]{2,10}\.com$/);
    fc.assert(
      fc.property(upn, decoration, decoration, (id, left, right) => {
        const parsed = parseQuery(`${left}${kbErrorFor(id)}${right}`);
        expect(parsed).toMatchObject({ kind: 'error-text', identifier: id, identifierKind: 'upn' });
      }),
    );
  });
});

// The guard against catastrophic backtracking at the largest accepted size: each case must finish within the timeout.
describe('parseQuery on adversarial input at the size limit', () => {
  const fill = (unit: string, edge = ''): string => {
    const body = unit.repeat(Math.ceil(MAX_QUERY_BYTES / unit.length)).slice(0, MAX_QUERY_BYTES - 2 * edge.length);
    return `${edge}${body}${edge}`;
  };

  it.each([
    ['spaces between two letters', fill(' ', 'a'), 'unrecognised'],
    ['quotes between two letters', fill('"', 'a'), 'unrecognised'],
    ['angle brackets between two letters', fill('<>', 'a'), 'unrecognised'],
    ['one long token', fill('a'), 'unrecognised'],
    ['a long dotted token', fill('a.'), 'unrecognised'],
    ['half addresses', fill('a@'), 'unrecognised'],
    ['half JSON envelopes', fill('{"error":'), 'error-text'],
    ['keys without values', fill('request-id= '), 'unrecognised'],
  ])(
    '%s',
    (_name, text, kind) => {
      expect(parseQuery(text).kind).toBe(kind);
    },
    4000,
  );
});
