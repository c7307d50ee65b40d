// Properties of parseErrorText: it never throws, it finds the KB error anywhere in noise, and it stays
// linear on hostile megabyte inputs (the timeouts below are the guard against catastrophic backtracking).
import fc from 'fast-check';
import { parseErrorText } from '../../../src/core/parse/parse-error-text.ts';
import { kbErrorFor } from './error-text-fixtures.ts';

describe('parseErrorText properties', () => {
  it('never throws, on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const parsed = parseErrorText(text);
        expect(parsed === null || typeof parsed.source === 'string').toBe(true);
      }),
    );
  });

  const upn = fc.stringMatching(/^[a-z][a-z0-9]{0,9}(\.[a-z0-9]{1,8})?@[a-z]{2,10}\.(com|org|onmicrosoft\.com)$/);
  const noiseLines = fc.array(fc.string({ maxLength: 60 }), { maxLength: 12 });

  it('finds the UPN and classification of the KB text embedded anywhere in noise', () => {
    fc.assert(
      fc.property(noiseLines, noiseLines, upn, (before, after, user) => {
        const text = [...before, kbErrorFor(user), ...after].join('\n');
        const parsed = parseErrorText(text);
        expect(parsed?.userPrincipalName).toBe(user);
        expect(parsed?.classification).toBe('group-inherited-license');
      }),
    );
  });
});

// The guard against catastrophic backtracking: each input is a megabyte and must parse within the timeout.
describe('parseErrorText on adversarial 1 MB inputs', () => {
  const MB = 1 << 20;
  const repeatTo = (unit: string): string => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  const GUARD_MS = 4000;

  it.each([
    ['errorMessage="', 'other'],
    ['a@', null],
    ['a.', null],
    [' ', null],
    ['"', null],
    ["'", null],
    ['{"error":', 'graph-json'],
    ['Exception', null],
    ['\\', null],
    ['<p ', null],
    ['&quot;', null],
    ['Office 365 user ', null],
    ['Set-MgUserLicense : ', 'other'],
    ['\n   ', null],
    ['2023-01-06 04:18:19 ERROR [t] > ', null],
  ])(
    '%j repeated',
    (unit, source) => {
      expect(parseErrorText(repeatTo(unit))?.source ?? null).toBe(source);
    },
    GUARD_MS,
  );

  it(
    'random mixes of hostile fragments',
    () => {
      const fragment = fc.constantFrom(
        'errorMessage="',
        'a@',
        'a.',
        ' ',
        '"',
        "'",
        '{"error":',
        'request-id=',
        'timestamp=\'',
        'Office 365 user ',
        '<mailto:',
        '&#',
        '\\"',
        '\n',
        'A',
        '-',
      );
      fc.assert(
        fc.property(fc.array(fragment, { minLength: 1, maxLength: 12 }), (fragments) => {
          const parsed = parseErrorText(repeatTo(fragments.join('')));
          expect(parsed === null || typeof parsed.classification === 'string').toBe(true);
        }),
        { numRuns: 6 },
      );
    },
    GUARD_MS * 2,
  );

  it(
    'the KB text at the end of a megabyte of noise is still read',
    () => {
      const parsed = parseErrorText(`${repeatTo('a@b. "x" ')}\n${kbErrorFor('jane.doe@contoso.com')}`);
      expect(parsed?.classification).toBe('group-inherited-license');
      expect(parsed?.userPrincipalName).toBe('jane.doe@contoso.com');
    },
    GUARD_MS,
  );
});
