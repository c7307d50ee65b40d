// The text report of a scan: counts by verdict and the licensing groups behind conflicts.
import type { ScanSummary } from '../../../core/model/scan.ts';
import { SCAN_VERDICT_LABELS } from '../../../core/views/scan-view.ts';

/** Several lines ending with a line break. */
export function formatScanSummary(summary: ScanSummary, scannedAt: string): string {
  const lines = [
    `Scan of ${summary.oktaAppUsers} Office 365 app users in Okta and ${summary.entraUsers} users in Entra ID (${scannedAt}).`,
    '',
  ];
  const counts = Object.entries(summary.byVerdict).filter(([, n]) => n > 0);
  const width = Math.max(...counts.map(([, n]) => String(n).length), 1);
  for (const [verdict, n] of counts) lines.push(`  ${String(n).padStart(width)}  ${SCAN_VERDICT_LABELS[verdict as keyof typeof SCAN_VERDICT_LABELS] ?? verdict}`);
  if (summary.byGroup.length > 0) {
    lines.push('', 'Licensing groups behind the conflicts:');
    for (const g of summary.byGroup) lines.push(`  ${String(g.users).padStart(width)}  ${g.displayName} (${g.kind}; ${g.skus.join(', ')})`);
  }
  lines.push('', 'Every user: license-doctor scan --json or --csv [--out FILE].');
  return `${lines.join('\n')}\n`;
}
