import type { DiagnosisReport } from '../model/diagnosis.ts';
import { productName } from '../licensing/product-catalog.ts';
import { listPhrase } from './prose.ts';

const MAX_QUERY_CHARS = 60;

function shortQuery(report: DiagnosisReport): string {
  const q = report.parsedError?.userPrincipalName ?? report.query.trim().replace(/\s+/g, ' ');
  return q.length > MAX_QUERY_CHARS ? `${q.slice(0, MAX_QUERY_CHARS - 1).trimEnd()}…` : q;
}

/** One line for a chat message: who, and what the verdict means ("Adele Vance: Okta and an Entra ID group both manage ..."). */
export function verdictHeadline(report: DiagnosisReport): string {
  const name = report.user?.displayName ?? shortQuery(report);
  const products = listPhrase(report.conflicts.map((c) => productName(c.skuId, c.skuPartNumber)));
  switch (report.verdict) {
    case 'user-not-identified':
      return "The error names no user — ask for the user's UPN";
    case 'user-not-found':
      return `No user '${shortQuery(report)}' in Entra ID — check the spelling`;
    case 'not-managed-by-okta':
      return `${name}: not provisioned by Okta's Office 365 app — Okta cannot cause this error`;
    case 'okta-provisioning-disabled':
      return `${name}: Okta's Office 365 provisioning is off — Okta pushes nothing now`;
    case 'group-inherited-license-conflict':
      return `${name}: Okta and an Entra ID group both manage ${products} — Okta's pushes fail`;
    case 'dual-managed-license':
      return `${name}: Okta and an Entra ID group both grant ${products} — license changes in Okta will fail`;
    case 'other-license-error': {
      const failing = report.licenses.filter((r) => r.error !== null || r.state === 'Error').map((r) => r.productName);
      return `${name}: a license error on ${listPhrase([...new Set(failing)])} — not caused by Okta`;
    }
    case 'no-conflict':
      return `${name}: no license conflict — nothing to fix`;
  }
}
