// The human report of `license-doctor diagnose`: verdict line, license table, Okta status, explanation, paths.
import type { DiagnosisReport, LicenseRow, Verdict } from '../../core/model/diagnosis.ts';
import { verdictHeadline } from '../../core/diagnosis/verdict-headline.ts';
import type { Style } from './style.ts';
import { wrapText } from './wrap-text.ts';
import { oktaValueNames } from '../../core/licensing/okta-value-names.ts';

const SEVERITY: Record<Verdict, 'bad' | 'warn' | 'ok' | 'info'> = {
  'user-not-identified': 'info',
  'user-not-found': 'info',
  'not-managed-by-okta': 'info',
  'okta-provisioning-disabled': 'warn',
  'group-inherited-license-conflict': 'bad',
  'dual-managed-license': 'warn',
  'other-license-error': 'warn',
  'no-conflict': 'ok',
};

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

/** Formats a diagnosis for a terminal (about 80 columns). */
export function formatDiagnosis(report: DiagnosisReport, style: Style): string {
  const out: string[] = [];
  const sev = SEVERITY[report.verdict];
  const mark = sev === 'bad' ? style.red('✖') : sev === 'warn' ? style.yellow('▲') : sev === 'ok' ? style.green('✔') : style.cyan('ℹ');
  out.push(`${mark} ${style.bold(report.verdict)}  ${verdictHeadline(report)}`);
  if (report.user) {
    out.push(style.dim(`  ${report.user.displayName} <${report.user.userPrincipalName}> · Entra ${report.user.entraObjectId}` +
      ` · usage location ${report.user.usageLocation ?? 'none'}${report.user.oktaUserId ? ` · Okta ${report.user.oktaUserId}` : ''}`));
  }
  if (report.licenses.length > 0) {
    out.push('', style.bold('Licenses'));
    out.push(...licenseTable(report.licenses, style));
  }
  if (report.okta) {
    const o = report.okta;
    const held = o.managedLicenses.length > 0 ? oktaValueNames(o.managedLicenses).join(', ') : 'none (a blank assignment removes every license)';
    out.push('', style.bold('Okta'));
    out.push(`  app ${o.appId} · provisioning ${o.provisioning} · app user ${o.appUserStatus ?? '—'} · sync ${o.syncState ?? '—'} · scope ${o.scope ?? '—'}`);
    out.push(`  licenses held: ${held}`);
    if (o.lastPushFailure) out.push(`  last push failure ${o.lastPushFailure.at}: ${truncate(o.lastPushFailure.message, 220)}`);
  }
  out.push('', style.bold('Why'), ...wrapText(report.explanation, 78).map((l) => `  ${l}`));
  if (report.remedies.length > 0) {
    out.push('', style.bold('Resolution paths'));
    report.remedies.forEach((r, i) => {
      const head = `${i + 1}. ${pad(r.id, 28)} ${r.scope} scope, ${r.approvalsRequired} approval${r.approvalsRequired > 1 ? 's' : ''}`;
      out.push(`  ${r.available ? head : style.dim(`${head} (unavailable)`)}`);
      if (r.reason) out.push(...wrapText(r.reason, 72).map((l) => `     ${style.dim(l)}`));
    });
    out.push(style.dim(`  Preview one: license-doctor plan ${quoteArg(report.user?.userPrincipalName ?? report.query)} --path <path-id>`));
  }
  if (report.verdict === 'okta-provisioning-disabled' && report.user) {
    // The undo of paths 2 and 3 is a plan with approvals like any other.
    out.push('', style.dim(`  To turn Okta's provisioning back on: license-doctor plan ${quoteArg(report.user.userPrincipalName)} --path okta-provisioning-on`));
  }
  if (report.parsedError) {
    const p = report.parsedError;
    const bits = [p.source, p.classification, p.httpStatus, p.errorCode, p.timestamp, p.requestId && `request-id ${p.requestId}`].filter(Boolean);
    out.push('', style.dim(`Pasted error: ${bits.join(' · ')}`));
  }
  return out.join('\n');
}

function licenseTable(rows: readonly LicenseRow[], style: Style): string[] {
  // Product names only: the part numbers are in --json, for scripts and admins.
  const product = rows.map((r) => r.productName);
  const via = rows.map((r) => (r.group ? `group ${r.group.displayName} [${r.group.kind}]` : 'direct'));
  const w1 = Math.min(44, Math.max(...product.map((p) => p.length)));
  const w2 = Math.min(48, Math.max(...via.map((p) => p.length)));
  return rows.map((r, i) => {
    const state = r.error ? `${r.state} · ${r.error}` : r.state;
    const colored = r.state === 'Active' && !r.error ? state : style.yellow(state);
    return `  ${pad(truncate(product[i] ?? '', w1), w1)}  ${pad(truncate(via[i] ?? '', w2), w2)}  ${colored}`;
  });
}

const truncate = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);
const quoteArg = (s: string) => (/^[\w@.+-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
