// Times in policy messages: short when the reader sees them the same day.
import { utcMinute } from '../diagnosis/relative-time.ts';

/** "10:42 UTC" when `iso` falls on the same UTC day as `now`, else "2026-05-07 10:42 UTC" (the text as given if unreadable). */
export function utcTime(iso: string, now?: string): string {
  const full = utcMinute(iso);
  if (now === undefined) return full;
  const today = utcMinute(now);
  return full.slice(0, 10) === today.slice(0, 10) && full.endsWith(' UTC') ? full.slice(11) : full;
}
