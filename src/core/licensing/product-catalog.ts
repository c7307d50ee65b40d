// Friendly names for SKUs, from Microsoft's product table (generated into product-table.ts).
import type { SubscribedSku } from '../model/entra.ts';
import { PRODUCT_TABLE } from './product-table.ts';

interface Product {
  readonly skuPartNumber: string;
  readonly productName: string;
}

// Built once; Graph spells GUIDs in lower case, but callers may not.
const BY_SKU_ID: ReadonlyMap<string, Product> = new Map(
  PRODUCT_TABLE.map(([skuId, part, name]) => [skuId.toLowerCase(), { skuPartNumber: part, productName: name }]),
);

// Part numbers are unique in Microsoft's table; Okta spells them in any case.
const BY_PART: ReadonlyMap<string, string> = new Map(PRODUCT_TABLE.map(([, part, name]) => [part.toLowerCase(), name]));

/** The product's display name for a SKU part number ("ENTERPRISEPACK" → "Office 365 E3"), or null when unknown. */
export function productNameOfPart(part: string, subscribedSkus: readonly SubscribedSku[] = []): string | null {
  const key = part.trim().toLowerCase();
  const subscribed = subscribedSkus.find((s) => s.skuPartNumber.toLowerCase() === key);
  const known = subscribed ? BY_SKU_ID.get(subscribed.skuId.toLowerCase())?.productName : undefined;
  return known ?? BY_PART.get(key) ?? null;
}

/** The product's display name ("Microsoft 365 E3"); for an unknown SKU the part number when given, else the id. */
export function productName(skuId: string, skuPartNumber?: string): string {
  const known = BY_SKU_ID.get(skuId.toLowerCase());
  if (known) return known.productName;
  return skuPartNumber !== undefined && skuPartNumber.trim() !== '' ? skuPartNumber : skuId;
}

/** The SKU part number ("SPE_E3"): the tenant's subscribed SKUs first, then Microsoft's table, else the id. */
export function skuPartNumber(skuId: string, subscribedSkus: readonly SubscribedSku[] = []): string {
  const id = skuId.toLowerCase();
  const subscribed = subscribedSkus.find((s) => s.skuId.toLowerCase() === id);
  if (subscribed && subscribed.skuPartNumber !== '') return subscribed.skuPartNumber;
  return BY_SKU_ID.get(id)?.skuPartNumber ?? skuId;
}
