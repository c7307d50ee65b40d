import { relativeTime, utcMinute } from '../../../src/core/diagnosis/relative-time.ts';

const NOW = '2026-05-07T12:00:00.000Z';
const before = (ms: number): string => new Date(Date.parse(NOW) - ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('relativeTime', () => {
  test.each([
    ['the same moment', before(0), 'just now'],
    ['20 seconds', before(20_000), 'just now'],
    ['one minute', before(MIN), '1 minute ago'],
    ['five minutes', before(5 * MIN), '5 minutes ago'],
    ['59 minutes 40 seconds rounds to an hour', before(59 * MIN + 40_000), '1 hour ago'],
    ['two hours', before(2 * HOUR), '2 hours ago'],
    ['1 h 50 min', before(HOUR + 50 * MIN), '2 hours ago'],
    ['47 hours', before(47 * HOUR), '47 hours ago'],
    ['three days', before(72 * HOUR), '3 days ago'],
    ['in the future (clock skew)', before(-5 * MIN), 'just now'],
    ['an unreadable time', 'not a date', 'at not a date'],
  ])('%s', (_case, iso, expected) => {
    expect(relativeTime(iso, NOW)).toBe(expected);
  });

  test('an unreadable reference time quotes the moment', () => {
    expect(relativeTime(NOW, 'nope')).toBe(`at ${NOW}`);
  });
});

describe('utcMinute', () => {
  test.each([
    ['UTC', '2026-05-07T08:00:59.999Z', '2026-05-07 08:00 UTC'],
    ['an offset', '2026-05-07T10:30:00+02:00', '2026-05-07 08:30 UTC'],
    ['unreadable', 'soon', 'soon'],
  ])('%s', (_case, iso, expected) => {
    expect(utcMinute(iso)).toBe(expected);
  });
});
