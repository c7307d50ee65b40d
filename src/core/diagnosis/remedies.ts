// The three resolution paths of Okta's KB article, with whether each can be taken for this user and what limits it.
import type { GroupRef, Remedy } from '../model/diagnosis.ts';
import type { Findings } from './findings.ts';
import { notOfferedMessage, offeredValueFor } from '../licensing/offered-license-values.ts';
import { productName } from '../licensing/product-catalog.ts';
import { findGroup } from './license-rows.ts';

/** Approvals per scope: a change for one user needs one approver; a change that reaches many users needs two. */
export const APPROVALS_REQUIRED = { user: 1, group: 2, app: 2 } as const;

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

function oktaOwnsLicenses(f: Findings): Remedy {
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

function appLabel(f: Findings): string {
  return f.input.okta?.app?.label ?? 'the Office 365 app';
}

function entraOwnsLicenses(f: Findings): Remedy {
  const base = { id: 'entra-owns-licenses', scope: 'app', approvalsRequired: APPROVALS_REQUIRED.app } as const;
  if (f.okta?.provisioning === 'disabled') return { ...base, available: false, reason: `Provisioning of ${appLabel(f)} is already off` };
  return {
    ...base,
    available: true,
    reason: `Turns off provisioning for every user of ${appLabel(f)}; Okta's "User Attributes Only" setting (Provisioning > To App) is the manual alternative`,
  };
}

function workflowsProfileOnly(f: Findings): Remedy {
  const base = { id: 'okta-workflows-profile-only', scope: 'app', approvalsRequired: APPROVALS_REQUIRED.app, available: true } as const;
  const radius = `Turns off provisioning for every user of ${appLabel(f)}; an Okta Workflows flow then pushes their profile attributes`;
  return f.input.workflowsConfigured
    ? { ...base, reason: radius }
    : { ...base, reason: `${radius}. Needs an Okta Workflows subscription and a flow: the plan includes the checklist to build it` };
}

/** The resolution paths, in KB_PATH_IDS order, for the two conflict verdicts; none otherwise (nothing to resolve). */
export function remedies(f: Findings): Remedy[] {
  if (f.verdict !== 'group-inherited-license-conflict' && f.verdict !== 'dual-managed-license') return [];
  return [oktaOwnsLicenses(f), entraOwnsLicenses(f), workflowsProfileOnly(f)];
}
