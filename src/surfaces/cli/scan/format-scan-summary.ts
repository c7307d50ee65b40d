// The text report of a scan: counts by verdict and the licensing groups behind conflicts.
import type { ScanSummary } from '../../../core/model/scan.ts';

const LABELS: Readonly<Record<string, string>> = {
  'group-inherited-license-conflict': 'conflict: Okta removes a group license (fails now or on the next push)',
  'dual-managed-license': 'licensed by Okta and a group (next change in Okta fails)',
  'other-license-error': 'other license error',
  'okta-provisioning-disabled': 'Okta provisioning off',
  'not-managed-by-okta': 'not managed by Okta',
  'user-not-found': 'in Okta, not in Entra ID',
  'user-not-identified': 'not identified',
  'no-conflict': 'no conflict',
};

/** Several lines ending with a line break. */
export function formatScanSummary(summary: ScanSummary, scannedAt: string): string {
  const lines = [
    `Scan of ${summary.oktaAppUsers} Office 365 app users in Okta and ${summary.entraUsers} users in Entra ID (${scannedAt}).`,
    '',
  ];
  const counts = Object.entries(summary.byVerdict).filter(([, n]) => n > 0);
  const width = Math.max(...counts.map(([, n]) => String(n).length), 1);
  for (const [verdict, n] of counts) lines.push(`  ${String(n).padStart(width)}  ${LABELS[verdict] ?? verdict}`);
  if (summary.byGroup.length > 0) {
    lines.push('', 'Licensing groups behind the conflicts:');
    for (const g of summary.byGroup) lines.push(`  ${String(g.users).padStart(width)}  ${g.displayName} (${g.kind}; ${g.skus.join(', ')})`);
  }
  lines.push('', 'Every user: license-doctor scan --json or --csv [--out FILE].');
  return `${lines.join('\n')}\n`;
}
