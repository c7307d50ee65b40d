// The rules of alerts that do not spam: which diagnoses are alerted and under which cause (same licensing group and
// SKU, same verdict), when a user counts as resolved, how long an alert gathers failures, and which member's
// diagnosis the card's path buttons act on.
import type { Alert, AlertCause, AlertMember } from '../model/alert.ts';
import type { DiagnosisReport, Verdict } from '../model/diagnosis.ts';

/** Verdicts that are a failure worth an alert; the others (no conflict, not Okta's user...) resolve a user instead. */
const ALERTED: ReadonlySet<Verdict> = new Set<Verdict>([
  'group-inherited-license-conflict', 'dual-managed-license', 'other-license-error', 'okta-provisioning-disabled', 'user-not-found',
]);

/** The cause of a diagnosed failure, or null when the diagnosis shows nothing to alert (the user is fine now). */
export function alertCause(report: DiagnosisReport): AlertCause | null {
  if (!ALERTED.has(report.verdict) || !report.user) return null;
  const conflict = report.conflicts[0];
  const erred = report.licenses.find((l) => l.error !== null && l.group !== null);
  const group = conflict?.groups[0] ?? erred?.group ?? null;
  const sku = conflict ? { id: conflict.skuId, partNumber: conflict.skuPartNumber } : erred ? { id: erred.skuId, partNumber: erred.skuPartNumber } : null;
  return {
    key: [report.verdict, group?.id ?? '-', sku?.id ?? '-'].join('|'),
    verdict: report.verdict,
    group: group ? { id: group.id, displayName: group.displayName } : null,
    sku,
  };
}

/** Whether a later diagnosis of an alerted user shows their failure gone. */
export function showsResolved(report: DiagnosisReport): boolean {
  return report.user !== null && alertCause(report) === null;
}

/** When an alert opened at `openedAtMs` stops gathering failures. */
export function windowEnd(openedAtMs: number, windowMinutes: number): number {
  return openedAtMs + windowMinutes * 60_000;
}

/** The members still failing, in the order they were alerted. */
export function openMembers(alert: Alert): AlertMember[] {
  return alert.members.filter((m) => m.status === 'alerted');
}

/** The member whose diagnosis the card shows and whose paths its buttons open: the first still failing (null: all resolved). */
export function representative(alert: Alert): AlertMember | null {
  return openMembers(alert)[0] ?? null;
}
