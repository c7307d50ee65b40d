// Vendors print the time of an error in two shapes: RFC 1123 in Okta's text ('Fri, 06 Jan 2023 04:18:19
// GMT', the HTTP Date header) and ISO 8601 in Graph's innerError.date ('2023-01-06T04:18:19', no zone,
// which Graph means as UTC). Both become ISO 8601 UTC with milliseconds.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)? ?(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?/i;
const RFC =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6},? +)?(\d{1,2})[ -](Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}[ -](\d{4}) +(\d{2}):(\d{2})(?::(\d{2}))? ?(GMT|UTC|UT|Z|[+-]\d{2}:?\d{2})?/i;

/** Minutes east of UTC for a zone designator; absent means UTC. */
function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || !/^[+-]/.test(zone)) return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0');
  return zone.startsWith('-') ? -minutes : minutes;
}

function toIso(parts: readonly number[], fraction: string | undefined, zone: string | undefined): string | null {
  const [year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN] = parts;
  const ms = Number((fraction ?? '').padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(local);
  // Date.UTC rolls 31 Feb over into March; a date that does not round-trip is not a date.
  const real =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    check.getUTCHours() === hour &&
    check.getUTCMinutes() === minute &&
    check.getUTCSeconds() === second;
  if (!real || year < 1970 || year > 9999) return null;
  return new Date(local - offsetMinutes(zone) * 60_000).toISOString();
}

/** Reads an RFC 1123 or ISO 8601 date-time at the start of `text` as ISO 8601 UTC with milliseconds, or null. */
export function parseTimestamp(text: string): string | null {
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, fraction, zone] = iso;
    return toIso([y, mo, d, h, mi, s ?? '0'].map(Number), fraction, zone);
  }
  const rfc = RFC.exec(text);
  if (rfc) {
    const [, d, mon = '', y, h, mi, s, zone] = rfc;
    const month = MONTHS.indexOf(mon.toLowerCase()) + 1;
    return toIso([Number(y), month, Number(d), Number(h), Number(mi), Number(s ?? '0')], undefined, zone);
  }
  return null;
}
