// The license values Okta's Office 365 app offers (its schema's list), matched to the tenant's SKUs. Okta refuses
// a value outside the list, so License Doctor writes only values from it: the one whose value is the SKU's part
// number, else the one whose title names the SKU (part number or product name) — an opaque value then stands for it.
import type { SubscribedSku } from '../model/entra.ts';
import type { OktaLicenseValue } from '../model/okta.ts';
import { productName } from './product-catalog.ts';

const norm = (s: string) => s.trim().toLowerCase();
const partOf = (value: string) => norm(value.split(':')[0] ?? value);

function titleNames(title: string | null, sku: SubscribedSku): boolean {
  if (title === null) return false;
  const t = norm(title);
  return t === norm(sku.skuPartNumber) || t === norm(productName(sku.skuId, sku.skuPartNumber));
}

/** The offered value that grants the whole SKU, or null when the app does not offer it. */
export function offeredValueFor(sku: SubscribedSku, offered: readonly OktaLicenseValue[]): string | null {
  const byValue = offered.find((o) => !o.value.includes(':') && norm(o.value) === norm(sku.skuPartNumber));
  if (byValue) return byValue.value;
  return offered.find((o) => titleNames(o.title, sku))?.value ?? null;
}

/**
 * Offered values that are not part numbers but whose title names a subscribed SKU, by lower-case value, mapped to
 * that SKU's part number: Okta values are otherwise matched to SKUs by part number (CONTRACT.md).
 */
export function offeredAliases(offered: readonly OktaLicenseValue[] | null | undefined, skus: readonly SubscribedSku[]): Map<string, string> {
  const aliases = new Map<string, string>();
  const parts = new Set(skus.map((s) => norm(s.skuPartNumber)));
  for (const o of offered ?? []) {
    if (parts.has(partOf(o.value))) continue;
    const sku = skus.find((s) => titleNames(o.title, s));
    if (sku) aliases.set(norm(o.value), sku.skuPartNumber);
  }
  return aliases;
}

/** How a plan names a license the app does not offer, with the fix, or null when every one is offered. */
export function notOfferedMessage(appLabel: string, products: readonly string[]): string | null {
  if (products.length === 0) return null;
  const names = products.join(', ');
  const one = products.length === 1;
  return (
    `${appLabel} in Okta does not offer ${names} in its Licenses list, so Okta cannot hold ${one ? 'it' : 'them'}. ` +
    `In Okta Admin Console > Applications > ${appLabel} > Provisioning, choose "Refresh application data" (Okta then reads the ` +
    `tenant's licenses again), then diagnose again; if ${one ? 'it is' : 'they are'} still missing, the Microsoft 365 tenant Okta connects to does not have ${one ? 'this license' : 'these licenses'}.`
  );
}
