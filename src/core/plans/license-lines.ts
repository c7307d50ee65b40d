// The user's licenses as a plan shows them, before and after: one line per SKU with every source that grants it.
import type { DiagnosisReport } from '../model/diagnosis.ts';
import type { AssignedLicense, SubscribedSku } from '../model/entra.ts';
import type { OktaLicenseValue } from '../model/okta.ts';
import type { LicenseLine, LicenseSource } from '../model/plan.ts';
import { oktaDesiredLicenses } from '../licensing/okta-license-values.ts';
import { productName, skuPartNumber } from '../licensing/product-catalog.ts';

// A group path in state Error grants nothing (CONTRACT.md "Inherits a license").
const GRANTING: ReadonlySet<string> = new Set(['Active', 'ActiveWithError']);

/** The product's display name for a SKU, through the tenant's part number. */
export function productOf(skuId: string, skus: readonly SubscribedSku[]): string {
  return productName(skuId, skuPartNumber(skuId, skus));
}

/** A line for one SKU. */
export function licenseLine(skuId: string, sources: readonly LicenseSource[], heldByOkta: boolean, skus: readonly SubscribedSku[]): LicenseLine {
  const part = skuPartNumber(skuId, skus);
  return { skuId: skuId.toLowerCase(), skuPartNumber: part, productName: productName(skuId, part), sources, heldByOkta };
}

/** Lines by product name (then SKU id), as the diagnosis lists licenses. */
export function sortLines(lines: readonly LicenseLine[]): LicenseLine[] {
  return [...lines].sort((a, b) => a.productName.localeCompare(b.productName, 'en') || a.skuId.localeCompare(b.skuId, 'en'));
}

/** The license set Okta's values stand for, by lower-case SKU id. */
export function oktaLicenseSet(values: readonly string[], skus: readonly SubscribedSku[], offered?: readonly OktaLicenseValue[] | null): Map<string, AssignedLicense> {
  return new Map(oktaDesiredLicenses(values, skus, offered).licenses.map((l) => [l.skuId.toLowerCase(), l]));
}

/** Every license the user has now (a path in state Active or ActiveWithError), direct source first. */
export function currentLicenseLines(report: DiagnosisReport, oktaHeld: ReadonlySet<string>, skus: readonly SubscribedSku[]): LicenseLine[] {
  const sources = new Map<string, LicenseSource[]>();
  for (const row of report.licenses) {
    if (!GRANTING.has(row.state)) continue;
    const list = sources.get(row.skuId) ?? [];
    sources.set(row.skuId, list);
    if (row.group === null) {
      if (!list.some((s) => s.kind === 'direct')) list.unshift({ kind: 'direct' });
    } else if (!list.some((s) => s.kind === 'group' && s.groupId === row.group?.id)) {
      list.push({ kind: 'group', groupId: row.group.id, groupName: row.group.displayName, groupKind: row.group.kind });
    }
  }
  return sortLines([...sources].map(([skuId, list]) => licenseLine(skuId, list, oktaHeld.has(skuId), skus)));
}

/** True when the line has a direct source. */
export const hasDirect = (line: LicenseLine): boolean => line.sources.some((s) => s.kind === 'direct');

/** The group sources of a line. */
export function groupSources(line: LicenseLine): Array<Extract<LicenseSource, { kind: 'group' }>> {
  return line.sources.flatMap((s) => (s.kind === 'group' ? [s] : []));
}
