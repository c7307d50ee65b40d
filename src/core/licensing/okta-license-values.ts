// Okta's Office 365 licenses attribute, and the Graph license set it stands for. The sandbox's Okta push and
// the resolution plans use the same reading, so what Okta "holds" means one thing everywhere.
import type { AssignedLicense, SubscribedSku } from '../model/entra.ts';
import type { OktaAppUser, OktaLicenseSchema, OktaLicenseValue } from '../model/okta.ts';
import { offeredAliases } from './offered-license-values.ts';

/** Variable name assumed when the app user schema was not read (the name Okta's Office 365 app uses by default). */
export const DEFAULT_LICENSES_ATTRIBUTE = 'licenses';

/** The license set Okta's values stand for, and the values that name no subscribed SKU (or no plan of it). */
export interface OktaDesiredLicenses {
  readonly licenses: AssignedLicense[];
  readonly unmatched: string[];
}

/**
 * The values of the app user's licenses attribute, as Okta spells them: an array of strings, a single string
 * as one value, nothing when absent or null. Blank values name nothing and are left out.
 */
export function oktaLicenseValues(appUser: OktaAppUser, schema: OktaLicenseSchema | null): string[] {
  const attribute = schema === null ? DEFAULT_LICENSES_ATTRIBUTE : schema.licensesAttribute;
  if (attribute === null) return [];
  const raw = appUser.profile[attribute];
  const values = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : [];
  return values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

interface Wanted {
  readonly sku: SubscribedSku;
  whole: boolean;
  readonly plans: Set<string>;
}

/**
 * Matches Okta license values to subscribed SKUs by part number, case-insensitively. `SPE_E3` wants the whole
 * SKU; `SPE_E3:EXCHANGE_S_ENTERPRISE` wants one plan of it, so a SKU named only through plan values is wanted
 * with every other plan disabled. Values matching no SKU (or no plan of it) are returned in `unmatched`. An offered
 * value whose title names a SKU (`offered`, from the app's schema) stands for that SKU.
 */
export function oktaDesiredLicenses(values: readonly string[], skus: readonly SubscribedSku[], offered?: readonly OktaLicenseValue[] | null): OktaDesiredLicenses {
  const aliases = offeredAliases(offered, skus);
  const byPart = new Map<string, SubscribedSku>();
  for (const sku of skus) {
    const key = sku.skuPartNumber.trim().toLowerCase();
    if (!byPart.has(key)) byPart.set(key, sku);
  }
  const wanted = new Map<string, Wanted>();
  const unmatched: string[] = [];
  for (const value of values) {
    const text = aliases.get(value.trim().toLowerCase()) ?? value.trim();
    if (text === '') continue;
    const sep = text.indexOf(':');
    const part = (sep < 0 ? text : text.slice(0, sep)).trim().toLowerCase();
    const planName = sep < 0 ? '' : text.slice(sep + 1).trim().toLowerCase();
    const sku = byPart.get(part);
    const plan = sku && planName !== '' ? sku.servicePlans.find((p) => p.servicePlanName.toLowerCase() === planName) : undefined;
    if (!sku || (planName !== '' && !plan)) {
      if (!unmatched.includes(value)) unmatched.push(value);
      continue;
    }
    const key = sku.skuId.toLowerCase();
    const entry = wanted.get(key) ?? { sku, whole: false, plans: new Set<string>() };
    wanted.set(key, entry);
    if (plan) entry.plans.add(plan.servicePlanId.toLowerCase());
    else entry.whole = true;
  }
  const licenses = [...wanted.entries()].map(([skuId, w]): AssignedLicense => ({
    skuId,
    disabledPlans: w.whole
      ? []
      : w.sku.servicePlans.map((p) => p.servicePlanId.toLowerCase()).filter((id) => !w.plans.has(id)),
  }));
  return { licenses, unmatched };
}
