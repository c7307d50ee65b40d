// Five-field cron expressions (minute hour day-of-month month day-of-week), as crontab(5) reads them, matched against
// UTC minutes. Fields take `*`, numbers, ranges `a-b`, steps `*/n` and `a-b/n`, lists `a,b`, month and day names
// (JAN-DEC, SUN-SAT; 7 is Sunday too). When both day fields are restricted, a day matches if either does (Vixie cron).
// Pure: no clock, no I/O.

export interface CronSchedule {
  readonly source: string;
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly daysOfMonth: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly daysOfWeek: ReadonlySet<number>;
  /** Whether the day-of-month / day-of-week field was `*` (unrestricted). */
  readonly anyDayOfMonth: boolean;
  readonly anyDayOfWeek: boolean;
}

export type CronParse = { readonly ok: true; readonly schedule: CronSchedule } | { readonly ok: false; readonly problem: string };

interface FieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES },
  // 7 is accepted for Sunday and folded onto 0.
  { name: 'day of week', min: 0, max: 7, names: DAY_NAMES },
];

class CronProblem extends Error {}

function value(text: string, spec: FieldSpec): number {
  const named = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return spec.name === 'month' ? named + 1 : named;
  if (!/^\d{1,2}$/.test(text)) throw new CronProblem(`"${text}" is not a ${spec.name} (${spec.min}-${spec.max}${spec.names ? ` or ${spec.names[0]}-${spec.names.at(-1)}` : ''})`);
  const n = Number(text);
  if (n < spec.min || n > spec.max) throw new CronProblem(`${spec.name} ${n} is outside ${spec.min}-${spec.max}`);
  return n;
}

function field(text: string, spec: FieldSpec): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^([^/]+)(?:\/(\d{1,2}))?$/.exec(part);
    if (!match?.[1]) throw new CronProblem(`"${part}" is not a valid ${spec.name} field`);
    const step = match[2] === undefined ? 1 : Number(match[2]);
    if (step < 1) throw new CronProblem(`the step in "${part}" must be at least 1`);
    const range = match[1];
    let from: number;
    let to: number;
    if (range === '*') {
      from = spec.min;
      to = spec.name === 'day of week' ? 6 : spec.max;
    } else if (range.includes('-')) {
      const [a, b, extra] = range.split('-');
      if (a === undefined || b === undefined || extra !== undefined) throw new CronProblem(`"${range}" is not a range`);
      from = value(a, spec);
      to = value(b, spec);
      if (from > to) throw new CronProblem(`the range "${range}" runs backwards`);
    } else {
      from = value(range, spec);
      // "5/15" means from 5 to the end, every 15.
      to = match[2] === undefined ? from : spec.max;
    }
    for (let n = from; n <= to; n += step) out.add(spec.name === 'day of week' && n === 7 ? 0 : n);
  }
  return out;
}

/** Parses a five-field cron expression; `problem` says what is wrong in words. */
export function parseCron(expression: string): CronParse {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5 || parts[0] === '') {
    return { ok: false, problem: `a cron expression has 5 fields (minute hour day-of-month month day-of-week), e.g. "0 6 * * 1-5"; "${expression.trim()}" has ${parts[0] === '' ? 0 : parts.length}` };
  }
  try {
    const [minutes, hours, daysOfMonth, months, daysOfWeek] = FIELDS.map((spec, i) => field(parts[i] ?? '', spec));
    if (!minutes || !hours || !daysOfMonth || !months || !daysOfWeek) throw new CronProblem('missing field');
    return {
      ok: true,
      schedule: {
        source: parts.join(' '), minutes, hours, daysOfMonth, months, daysOfWeek,
        anyDayOfMonth: parts[2] === '*' || parts[2] === '*/1', anyDayOfWeek: parts[4] === '*' || parts[4] === '*/1',
      },
    };
  } catch (err) {
    if (err instanceof CronProblem) return { ok: false, problem: err.message };
    throw err;
  }
}

/** Whether the schedule is due in the UTC minute that contains `atMs`. */
export function cronMatches(schedule: CronSchedule, atMs: number): boolean {
  const at = new Date(atMs);
  if (!schedule.minutes.has(at.getUTCMinutes()) || !schedule.hours.has(at.getUTCHours()) || !schedule.months.has(at.getUTCMonth() + 1)) return false;
  const dom = schedule.daysOfMonth.has(at.getUTCDate());
  const dow = schedule.daysOfWeek.has(at.getUTCDay());
  if (schedule.anyDayOfMonth && schedule.anyDayOfWeek) return true;
  if (schedule.anyDayOfMonth) return dow;
  if (schedule.anyDayOfWeek) return dom;
  return dom || dow;
}
