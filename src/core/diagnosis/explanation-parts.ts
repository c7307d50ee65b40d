// Sentences that several verdicts' explanations share.
import { productName, skuPartNumber } from '../licensing/product-catalog.ts';
import type { Findings } from './findings.ts';
import { licenseErrorSentence } from './license-error-sentence.ts';
import { findGroup } from './license-rows.ts';
import { groupPhrase, listPhrase } from './prose.ts';

/** The product name of a SKU, as the rows name it. */
export function productOf(f: Findings, skuId: string): string {
  return f.rows.find((r) => r.skuId === skuId)?.productName ?? productName(skuId, skuPartNumber(skuId, f.input.entra.subscribedSkus));
}

/** The groups a SKU is inherited from, named with their kind: "the Entra ID group 'X' and ...". */
export function groupsPhrase(f: Findings, skuId: string): string {
  return listPhrase((f.inherited.get(skuId) ?? []).map((g) => groupPhrase(g, findGroup(g.id, f.input.entra.groups))));
}

/** "Microsoft 365 E3 from the Entra ID group 'X'" for each inherited SKU given. */
export function sourcesPhrase(f: Findings, skuIds: readonly string[]): string {
  return listPhrase(skuIds.map((sku) => `${productOf(f, sku)} from ${groupsPhrase(f, sku)}`));
}

/** "Adele Vance gets Office 365 E3 directly and Microsoft 365 E3 from the Entra ID group 'X'." */
export function licensesSummary(f: Findings): string {
  const direct = [...new Set(f.rows.filter((r) => r.group === null && r.state !== 'Error').map((r) => r.productName))];
  const parts = [...(direct.length > 0 ? [`${listPhrase(direct)} directly`] : []), ...(f.inherited.size > 0 ? [sourcesPhrase(f, [...f.inherited.keys()])] : [])];
  return parts.length > 0 ? `${f.name} gets ${listPhrase(parts)}.` : `${f.name} has no active licenses in Entra ID.`;
}

/**
 * What Okta's values stand for, after "Okta holds": "only Office 365 E3", or for a blank set "no licenses —
 * a blank assignment means 'remove everything'" (`blank`: the phrase ends in an aside).
 */
export function oktaHoldsPhrase(f: Findings): { readonly text: string; readonly blank: boolean } {
  const held = f.oktaSet.licenses.map((l) => {
    const name = productOf(f, l.skuId);
    return l.disabledPlans.length > 0 ? `${name} (only some of its plans)` : name;
  });
  if (held.length > 0) return { text: `only ${listPhrase(held)}`, blank: false };
  const none = f.oktaSet.unmatched.length > 0 ? 'no license of this tenant' : 'no licenses';
  return { text: `${none} — a blank assignment means 'remove everything'`, blank: true };
}

/** "Okta holds 'FOO', which matches no license of the tenant." or nothing. */
export function unmatchedSentences(f: Findings): string[] {
  const values = f.oktaSet.unmatched.map((v) => `'${v}'`);
  if (values.length === 0) return [];
  return [`Okta holds ${listPhrase(values)}, which ${values.length === 1 ? 'matches' : 'match'} no license of the tenant.`];
}

/** License errors that are not the verdict's subject, in one "Separately, ..." sentence. */
export function otherErrorSentences(f: Findings): string[] {
  const errors = f.rows.filter((r) => r.error !== null || r.state === 'Error');
  const first = errors[0];
  if (first === undefined) return [];
  const user = f.input.entra.user;
  const ctx = { name: f.name, usageLocation: user?.usageLocation ?? null, groups: f.input.entra.groups, skus: f.input.entra.subscribedSkus };
  const sentence = licenseErrorSentence(first, ctx);
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more license error${errors.length > 2 ? 's' : ''})` : '';
  return [`Separately: ${sentence.slice(0, -1)}${more}.`];
}

/** Direct licenses Okta's set lacks: Okta's next push removes them without any error, which nobody may expect. */
export function directRemovalSentences(f: Findings): string[] {
  if (f.input.okta?.appUser == null || f.okta?.provisioning === 'disabled') return [];
  const held = new Set(f.oktaSet.licenses.map((l) => l.skuId));
  const skus = [...new Set(f.rows.filter((r) => r.group === null && r.state !== 'Error' && !held.has(r.skuId) && !f.inherited.has(r.skuId)).map((r) => r.skuId))];
  if (skus.length === 0) return [];
  const products = listPhrase(skus.map((sku) => productOf(f, sku)));
  const it = skus.length === 1 ? 'it' : 'them';
  return [`Note: Okta does not hold ${products}, which ${f.name} has directly, so Okta's next push will remove ${it}.`];
}
