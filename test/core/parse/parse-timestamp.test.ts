import { parseTimestamp } from '../../../src/core/parse/parse-timestamp.ts';

describe('parseTimestamp', () => {
  it.each([
    ['RFC 1123 (Okta, HTTP Date)', 'Fri, 06 Jan 2023 04:18:19 GMT', '2023-01-06T04:18:19.000Z'],
    ['RFC 1123 followed by more text', "Fri, 06 Jan 2023 04:18:19 GMT' method=POST", '2023-01-06T04:18:19.000Z'],
    ['RFC 1123 without weekday or zone', '6 Jan 2023 04:18:19', '2023-01-06T04:18:19.000Z'],
    ['RFC 1123 with a numeric offset', 'Fri, 06 Jan 2023 06:18:19 +0200', '2023-01-06T04:18:19.000Z'],
    ['RFC 1123, lower case', 'fri, 06 jan 2023 04:18:19 gmt', '2023-01-06T04:18:19.000Z'],
    ['ISO without zone (Graph innerError.date) is UTC', '2023-01-06T04:18:19', '2023-01-06T04:18:19.000Z'],
    ['ISO with Z and milliseconds', '2023-01-06T04:18:19.123Z', '2023-01-06T04:18:19.123Z'],
    ['ISO with 7 fraction digits (.NET)', '2023-01-06T04:18:19.1234567Z', '2023-01-06T04:18:19.123Z'],
    ['ISO with an offset', '2023-01-06T09:48:19+05:30', '2023-01-06T04:18:19.000Z'],
    ['ISO with a space separator', '2023-01-06 04:18:19', '2023-01-06T04:18:19.000Z'],
    ['ISO without seconds', '2023-01-06T04:18Z', '2023-01-06T04:18:00.000Z'],
  ])('%s', (_name, input, expected) => {
    expect(parseTimestamp(input)).toBe(expected);
  });

  it.each([
    ['an impossible date', '2023-02-30T04:18:19'],
    ['an impossible hour', '2023-01-06T25:18:19'],
    ['an unknown month', 'Fri, 06 Foo 2023 04:18:19 GMT'],
    ['a date without a time', '2023-01-06'],
    ['text before the date', "timestamp='Fri, 06 Jan 2023 04:18:19 GMT'"],
    ['nothing', ''],
  ])('null for %s', (_name, input) => {
    expect(parseTimestamp(input)).toBeNull();
  });
});
