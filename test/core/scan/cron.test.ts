// The five-field cron matcher behind SCAN_SCHEDULE: crontab(5) syntax, UTC minutes, Vixie cron's day rule.
import { cronMatches, parseCron, type CronSchedule } from '../../../src/core/scan/cron.ts';

const schedule = (expr: string): CronSchedule => {
  const parsed = parseCron(expr);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.schedule;
};
const at = (iso: string) => Date.parse(iso);
/** The UTC minutes of one week starting Monday 2026-11-30 that match. */
const weekMatches = (expr: string): string[] => {
  const s = schedule(expr);
  const out: string[] = [];
  for (let t = at('2026-11-30T00:00:00Z'); t < at('2026-12-07T00:00:00Z'); t += 60_000) if (cronMatches(s, t)) out.push(new Date(t).toISOString().slice(0, 16));
  return out;
};

test.each([
  ['* * * * *', 7 * 24 * 60],
  ['0 * * * *', 7 * 24],
  ['*/15 * * * *', 7 * 24 * 4],
  ['0 6 * * 1-5', 5],
  ['30 2 * * SUN', 1],
  ['30 2 * * 7', 1],
  ['0 0,12 * * *', 14],
  ['5-10/5 9 * * mon', 2],
  ['0 9 1 * *', 1],
])('%s matches %i minutes of a week', (expr, count) => {
  expect(weekMatches(expr)).toHaveLength(count);
});

test('exact minutes, in UTC', () => {
  expect(weekMatches('0 6 * * 1-5')).toEqual(['2026-11-30T06:00', '2026-12-01T06:00', '2026-12-02T06:00', '2026-12-03T06:00', '2026-12-04T06:00']);
  expect(weekMatches('5/20 23 * DEC SAT')).toEqual(['2026-12-05T23:05', '2026-12-05T23:25', '2026-12-05T23:45']);
  // Any second of the minute is that minute.
  expect(cronMatches(schedule('0 6 * * *'), at('2026-12-03T06:00:59.999Z'))).toBe(true);
  expect(cronMatches(schedule('0 6 * * *'), at('2026-12-03T06:01:00Z'))).toBe(false);
});

test('both day fields restricted: either one matches (Vixie cron); one restricted: only it', () => {
  // The 1st of December 2026 is a Tuesday; Fridays are the 4th.
  expect(weekMatches('0 8 1 * FRI')).toEqual(['2026-12-01T08:00', '2026-12-04T08:00']);
  expect(weekMatches('0 8 1 * *')).toEqual(['2026-12-01T08:00']);
  expect(weekMatches('0 8 * * FRI')).toEqual(['2026-12-04T08:00']);
  expect(cronMatches(schedule('0 0 29 2 *'), at('2028-02-29T00:00:00Z'))).toBe(true);
});

test.each([
  ['', /has 0/],
  ['* * * *', /5 fields .* has 4/],
  ['* * * * * *', /has 6/],
  ['60 * * * *', /minute 60 is outside 0-59/],
  ['* 24 * * *', /hour 24 is outside 0-23/],
  ['* * 0 * *', /day of month 0 is outside 1-31/],
  ['* * * 13 *', /month 13 is outside 1-12/],
  ['* * * * 8', /day of week 8 is outside 0-7/],
  ['*/0 * * * *', /step .* at least 1/],
  ['10-5 * * * *', /runs backwards/],
  ['a * * * *', /"a" is not a minute/],
  ['* * * FOO *', /"FOO" is not a month \(1-12 or JAN-DEC\)/],
  ['1,,2 * * * *', /not a valid minute field/],
  ['@daily', /5 fields/],
])('"%s" is refused, saying why', (expr, problem) => {
  const parsed = parseCron(expr);
  expect(parsed.ok).toBe(false);
  if (!parsed.ok) expect(parsed.problem).toMatch(problem);
});
