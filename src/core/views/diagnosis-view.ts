// The view of a diagnosis: verdict line, license rows, Okta status, explanation, a button per resolution path.
import { verdictHeadline } from '../diagnosis/verdict-headline.ts';
import type { DiagnosisReport, LicenseRow, Remedy, Verdict } from '../model/diagnosis.ts';
import { allPaths, pathModule } from '../paths/path-registry.ts';
import { approvalsLabel } from './path-labels.ts';
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

/** A path's button: the report's remedies, then what paths offer beyond them (the undo, while provisioning is off). */
function pathButton(r: Remedy): DiagnosisView['paths'][number] {
  return {
    path: r.id,
    label: pathModule(r.id).labels.button,
    available: r.available,
    note: r.reason ?? null,
    approvals: `${r.scope} scope · ${approvalsLabel(r.approvalsRequired)}`,
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
      ...report.remedies.map(pathButton),
      ...allPaths().flatMap((p) => {
        const offer = p.viewOffer?.(report);
        return offer ? [pathButton({ id: p.id, ...offer })] : [];
      }),
    ],
    recheckQuery: report.user?.userPrincipalName ?? report.query,
    sandbox: report.sandbox,
  };
}
