// Whether KB path 1 ("Okta owns the licenses") can be taken for the diagnosed user, and what limits it.
import type { Findings } from '../diagnosis/findings.ts';
import { findGroup } from '../diagnosis/license-rows.ts';
import { notOfferedMessage, offeredValueFor } from '../licensing/offered-license-values.ts';
import { productName } from '../licensing/product-catalog.ts';
import type { GroupRef, Remedy } from '../model/diagnosis.ts';
import { APPROVALS_REQUIRED } from './approvals-required.ts';
import { appLabel } from './path-helpers.ts';

function manualStep(g: GroupRef, f: Findings): string | null {
  const name = `'${g.displayName}'`;
  switch (g.kind) {
    case 'assigned':
      return null;
    case 'dynamic': {
      const rule = findGroup(g.id, f.input.entra.groups)?.membershipRule ?? null;
      const attribute = rule === null ? undefined : /\buser\.(\w+)/.exec(rule)?.[1];
      const tested = attribute === undefined ? 'the attribute it tests' : `${f.name}'s ${attribute}`;
      return `${name} is dynamic${rule ? ` (${rule})` : ''}: change its rule, or ${tested}, by hand`;
    }
    case 'on-premises-synced':
      return `${name} is synced from on-premises AD: remove ${f.name} from it there`;
    case 'mail-enabled':
      return `${name} is mail-enabled: remove ${f.name} from it in Exchange Online`;
    case 'role-assignable':
      return `${name} is role-assignable: removing ${f.name} needs a Privileged Role Administrator`;
  }
}

export function oktaOwnsLicensesRemedy(f: Findings): Remedy {
  // Okta's licenses for a GROUP-scoped user come from the Okta group assignment: that is what must change. License
  // Doctor does not change it (it reaches every member of the Okta group): the plan names it as a manual step, and
  // what the bot itself changes still concerns this one user — so the scope stays `user`.
  const viaOktaGroup = f.okta?.scope === 'GROUP' && f.missing.length > 0;
  const base = { id: 'okta-owns-licenses', scope: 'user', approvalsRequired: APPROVALS_REQUIRED.user } as const;
  if (f.input.okta?.licenseSchema?.licensesAttribute === null) {
    return { ...base, available: false, reason: "Okta's Office 365 app has no licenses attribute, so Okta cannot own licenses" };
  }
  if (!f.input.entra.user?.usageLocation) {
    return { ...base, available: false, reason: `Set a usage location for ${f.name} first: a direct license needs one` };
  }
  const offered = f.input.okta?.licenseSchema?.licenseValues ?? null;
  if (offered !== null) {
    const skus = f.input.entra.subscribedSkus;
    const notOffered = f.missing.flatMap((id) => {
      const sku = skus.find((s) => s.skuId.toLowerCase() === id.toLowerCase());
      return sku && offeredValueFor(sku, offered) !== null ? [] : [`${productName(id, sku?.skuPartNumber)} (${sku?.skuPartNumber ?? id})`];
    });
    const message = notOfferedMessage(appLabel(f), notOffered);
    if (message !== null) return { ...base, available: false, reason: message };
  }
  const groups = new Map(f.conflicts.flatMap((c) => c.groups).map((g) => [g.id, g]));
  const manual = [...groups.values()].map((g) => manualStep(g, f)).filter((s): s is string => s !== null);
  const notes = [
    ...(viaOktaGroup ? ["Okta grants these licenses through an Okta group assignment: an Okta admin must add the missing licenses to that group assignment (it affects all its members)"] : []),
    ...manual,
  ];
  if (notes.length === 0) return { ...base, available: true };
  return { ...base, available: true, reason: `${notes.join('; ')}${manual.length > 0 ? ' — the plan ends with these manual steps' : ''}` };
}
