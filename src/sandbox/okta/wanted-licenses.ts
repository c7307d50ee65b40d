// What Okta's Office 365 app wants a user to have, from the app user's licenses values, and the
// assignLicense change that gets there. A value is a SKU part number (`SPE_E3`: the whole SKU) or
// `PART:PLAN` (that SKU with only the named service plans enabled; several values add plans up).
import type { AssignedLicense } from '../../core/model/entra.ts';
import type { SandboxSku } from '../state.ts';

/** The wanted licenses, or the license value that matches nothing. */
export type WantedLicenses = { ok: true; licenses: AssignedLicense[] } | { ok: false; value: string };

/** The licenses the values stand for, or the first value that matches no subscribed SKU or plan. */
export function wantedLicenses(values: unknown, skus: readonly SandboxSku[]): WantedLicenses {
  // A blank (or missing) Okta license assignment means "no licenses": Okta pushes an empty set.
  const list = Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
  const plansBySku = new Map<SandboxSku, Set<string> | 'all'>();
  for (const value of list) {
    const [part = '', ...planParts] = value.split(':');
    const sku = skus.find((s) => s.skuPartNumber.toLowerCase() === part.trim().toLowerCase());
    if (!sku) return { ok: false, value };
    if (planParts.length === 0) {
      plansBySku.set(sku, 'all');
      continue;
    }
    const planName = planParts.join(':').trim().toLowerCase();
    const plan = sku.servicePlans.find((p) => p.servicePlanName.toLowerCase() === planName);
    if (!plan) return { ok: false, value };
    const current = plansBySku.get(sku);
    if (current === 'all') continue;
    const enabled = current ?? new Set<string>();
    enabled.add(plan.servicePlanId);
    plansBySku.set(sku, enabled);
  }
  const licenses = [...plansBySku].map(([sku, enabled]) => ({
    skuId: sku.skuId,
    disabledPlans: enabled === 'all' ? [] : sku.servicePlans.map((p) => p.servicePlanId).filter((id) => !enabled.has(id)),
  }));
  return { ok: true, licenses };
}

const samePlans = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].map((x) => x.toLowerCase()).sort().join() === [...b].map((x) => x.toLowerCase()).sort().join();

/** The assignLicense body that turns `current` (the user's assignedLicenses) into `wanted`. */
export function licenseChanges(wanted: readonly AssignedLicense[], current: readonly AssignedLicense[]): { addLicenses: AssignedLicense[]; removeLicenses: string[] } {
  const find = (list: readonly AssignedLicense[], skuId: string) => list.find((l) => l.skuId.toLowerCase() === skuId.toLowerCase());
  return {
    addLicenses: wanted.filter((w) => {
      const have = find(current, w.skuId);
      return !have || !samePlans(have.disabledPlans, w.disabledPlans);
    }),
    // Every license Okta does not hold is removed, inherited ones included: that is what fails.
    removeLicenses: current.filter((c) => !find(wanted, c.skuId)).map((c) => c.skuId),
  };
}
