// Okta license values as people read them. Okta stores SKU part numbers ("ENTERPRISEPACK", or "SPE_E3:PLAN" for one
// service plan); cards, messages and plan summaries name the product instead, and keep a part number only when no
// product name is known for it (an admin must then recognise the value as Okta spells it).
import type { SubscribedSku } from '../model/entra.ts';
import { productNameOfPart } from './product-catalog.ts';

/** "Office 365 E3" for ENTERPRISEPACK; "Microsoft 365 E3 (only its EXCHANGE_S_ENTERPRISE plan)" for SPE_E3:EXCHANGE_S_ENTERPRISE. */
export function oktaValueName(value: string, subscribedSkus: readonly SubscribedSku[] = []): string {
  const text = value.trim();
  const sep = text.indexOf(':');
  const part = sep < 0 ? text : text.slice(0, sep).trim();
  const name = productNameOfPart(part, subscribedSkus);
  if (name === null) return text;
  return sep < 0 ? name : `${name} (only its ${text.slice(sep + 1).trim()} plan)`;
}

/** Each value's name, once each (several plan values of one SKU read as separate entries). */
export function oktaValueNames(values: readonly string[], subscribedSkus: readonly SubscribedSku[] = []): string[] {
  return [...new Set(values.map((v) => oktaValueName(v, subscribedSkus)))];
}
