// The view of a diagnosis: verdict line, license rows, Okta status, explanation, a button per resolution path.
import { APPROVALS_REQUIRED } from '../diagnosis/remedies.ts';
import { verdictHeadline } from '../diagnosis/verdict-headline.ts';
import type { DiagnosisReport, LicenseRow, Verdict } from '../model/diagnosis.ts';
import { approvalsLabel, PATH_LABELS } from './path-labels.ts';
import type { DiagnosisView, LicenseRowView, Tone } from './view-model.ts';
import { oktaValueNames } from '../licensing/okta-value-names.ts';

const TONE: Record<Verdict, Tone> = {
  'user-not-identified': 'neutral',
  'user-not-found': 'warning',
  'not-managed-by-okta': 'neutral',
  'okta-provisioning-disabled': 'warning',
  'group-inherited-license-conflict': 'attention',
  'dual-managed-license': 'warning',
  'other-license-error': 'warning',
  'no-conflict': 'good',
};

function row(l: LicenseRow): LicenseRowView {
  const via = l.group ? `group: ${l.group.displayName}${l.group.kind === 'assigned' ? '' : ` (${l.group.kind})`}` : 'direct';
  const state = l.error ? `${l.state} (${l.error})` : l.state;
  return { product: l.productName, via, state, tone: l.error || l.state === 'Error' ? 'attention' : l.state === 'Active' ? 'good' : 'warning' };
}

function oktaLine(report: DiagnosisReport): string | null {
  const o = report.okta;
  if (!o) return null;
  const held = o.managedLicenses.length > 0 ? `holds ${oktaValueNames(o.managedLicenses).join(', ')}` : 'holds no licenses';
  const parts = [`provisioning ${o.provisioning}`, `sync ${o.syncState ?? 'unknown'}`, `${o.scope === 'GROUP' ? 'assigned through an Okta group' : 'assigned directly'}`, held];
  if (o.lastPushFailure) parts.push(`last push failed ${o.lastPushFailure.at.slice(0, 16).replace('T', ' ')} UTC`);
  return `Okta: ${parts.join(' · ')}`;
}

/** Provisioning is off (perhaps by KB path 2 or 3): turning it back on is a plan with approvals like any other. */
function undoPath(): DiagnosisView['paths'][number] {
  return {
    path: 'okta-provisioning-on',
    label: PATH_LABELS['okta-provisioning-on'].button,
    available: true,
    note: 'Okta provisions and licenses every user of the app again; where Okta lacks a license a group gives, the conflict returns',
    approvals: `app scope · ${approvalsLabel(APPROVALS_REQUIRED.app)}`,
  };
}

/** The chat view of a diagnosis report. */
export function diagnosisView(report: DiagnosisReport): DiagnosisView {
  return {
    headline: verdictHeadline(report),
    verdict: report.verdict,
    tone: TONE[report.verdict],
    subject: report.user ? `${report.user.displayName} · ${report.user.userPrincipalName}` : null,
    licenses: report.licenses.map(row),
    okta: oktaLine(report),
    explanation: report.explanation,
    paths: [
      ...report.remedies.map((r) => ({
        path: r.id,
        label: PATH_LABELS[r.id].button,
        available: r.available,
        note: r.reason ?? null,
        approvals: `${r.scope} scope · ${approvalsLabel(r.approvalsRequired)}`,
      })),
      ...(report.verdict === 'okta-provisioning-disabled' && report.user ? [undoPath()] : []),
    ],
    recheckQuery: report.user?.userPrincipalName ?? report.query,
    sandbox: report.sandbox,
  };
}
