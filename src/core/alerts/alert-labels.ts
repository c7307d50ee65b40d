// How an alert's cause is named to people.
import type { Alert } from '../model/alert.ts';
import type { Verdict } from '../model/diagnosis.ts';

const WHAT: Partial<Record<Verdict, string>> = {
  'group-inherited-license-conflict': 'Okta pushes fail',
  'dual-managed-license': 'Licensed by Okta and a group',
  'other-license-error': 'License assignment errors',
  'okta-provisioning-disabled': 'Okta provisioning is off',
  'user-not-found': 'Okta pushes users missing from Entra ID',
};

/** The product name of the cause's SKU as the alert's diagnoses show it, else its part number. */
function productOf(alert: Alert): string | null {
  const sku = alert.cause.sku;
  if (!sku) return null;
  for (const m of alert.members) {
    const row = m.report.licenses.find((l) => l.skuId === sku.id);
    if (row) return row.productName;
  }
  return sku.partNumber;
}

/** The alert's headline: what fails, and the license and group behind it. */
export function alertLabels(alert: Alert): { readonly headline: string } {
  const what = WHAT[alert.cause.verdict] ?? 'Okta pushes fail';
  const product = productOf(alert);
  const group = alert.cause.group?.displayName ?? null;
  const why = product && group ? `${product} comes from group ${group}` : product ?? (group ? `group ${group}` : null);
  return { headline: why ? `${what}: ${why}` : what };
}
