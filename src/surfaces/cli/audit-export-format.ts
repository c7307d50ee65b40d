// The audit log for a SIEM: one JSON object per line, or CSV (RFC 4180) with a header row. CSV cells that a
// spreadsheet would run as a formula (= + - @ at the start) get a leading apostrophe, since actors and data come from
// people.
import type { AuditEntry } from '../../core/model/journal.ts';

export type AuditExportFormat = 'jsonl' | 'csv';

const COLUMNS = ['seq', 'at', 'action', 'actor', 'actorDetail', 'requestId', 'data', 'prevHash', 'hash', 'requestHash', 'mac'] as const;

/** The CSV header row (with its line break). */
export const AUDIT_CSV_HEADER = `${COLUMNS.join(',')}\r\n`;

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One entry as a line of the format (with its line break). */
export function formatAuditEntry(entry: AuditEntry, format: AuditExportFormat): string {
  if (format === 'jsonl') {
    const { seq, at, action, actor, actorDetail, requestId, data, prevHash, hash, requestHash, mac } = entry;
    return `${JSON.stringify({ seq, at, action, actor, actorDetail, requestId, data, prevHash, hash, requestHash, mac })}\n`;
  }
  return `${COLUMNS.map((c) => csvCell(entry[c])).join(',')}\r\n`;
}
