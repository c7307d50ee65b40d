const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * How long before `now` the moment `iso` was, for a sentence: "just now", "5 minutes ago", "2 hours ago",
 * "3 days ago". Times after `now` (clock skew) read "just now"; an unreadable time is quoted as given.
 */
export function relativeTime(iso: string, now: string): string {
  const then = Date.parse(iso);
  const ref = Date.parse(now);
  if (Number.isNaN(then) || Number.isNaN(ref)) return `at ${iso}`;
  const ms = ref - then;
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`;
  const hours = Math.round(ms / HOUR);
  if (hours < 48) return `${plural(hours, 'hour')} ago`;
  return `${plural(Math.round(ms / DAY), 'day')} ago`;
}

/** The moment to the minute in UTC ("2026-05-07 08:00 UTC"), or the text as given when it is not a time. */
export function utcMinute(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
