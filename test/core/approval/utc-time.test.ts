import { utcTime } from '../../../src/core/approval/utc-time.ts';

test.each([
  ['same day: time only', '2026-05-07T10:42:31.000Z', '2026-05-07T23:59:00.000Z', '10:42 UTC'],
  ['another day: date and time', '2026-05-07T10:42:00.000Z', '2026-05-08T00:01:00.000Z', '2026-05-07 10:42 UTC'],
  ['no reference: date and time', '2026-05-07T10:42:00.000Z', undefined, '2026-05-07 10:42 UTC'],
  ['offset times are shown in UTC', '2026-05-07T12:42:00+02:00', '2026-05-07T11:00:00.000Z', '10:42 UTC'],
  ['unreadable: as given', 'soon', '2026-05-07T11:00:00.000Z', 'soon'],
])('%s', (_case, iso, now, text) => {
  expect(utcTime(iso, now)).toBe(text);
});
