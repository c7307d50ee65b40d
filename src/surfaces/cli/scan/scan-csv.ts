// `scan --csv`: one row per user with the fields of `scan --json` users (lists joined by "; ").
import type { ScanUserRow } from '../../../core/model/scan.ts';

export const SCAN_CSV_HEADER = 'userPrincipalName,verdict,conflictSkus,groups,syncState,lastPushFailureAt,lastPushFailure';

/** A CSV field: quoted when needed; a leading = + - @ is neutralised so spreadsheets do not run it as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One user as a CSV line (without the line break). */
export function scanCsvRow(row: ScanUserRow): string {
  return [
    row.userPrincipalName,
    row.verdict,
    row.conflictSkus.join('; '),
    row.groups.map((g) => g.displayName).join('; '),
    row.syncState ?? '',
    row.lastPushFailure?.at ?? '',
    row.lastPushFailure?.message ?? '',
  ].map(csvField).join(',');
}
