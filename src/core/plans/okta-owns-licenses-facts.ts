// KB path 1 worked out before it is put into steps and words: what Okta must hold, which licenses stay, which
// groups the user leaves, and where service would lapse or a license would be lost.
import type { GroupRef } from '../model/diagnosis.ts';
import type { AssignedLicense } from '../model/entra.ts';
import type { LicenseLine, PlanOptions } from '../model/plan.ts';
import { offeredValueFor } from '../licensing/offered-license-values.ts';
import { oktaDesiredLicenses } from '../licensing/okta-license-values.ts';
import { currentLicenseLines, groupSources, hasDirect, licenseLine, oktaLicenseSet, sortLines } from './license-lines.ts';
import type { PlanSubject } from './plan-subject.ts';

/** A group that licenses the user, with the SKUs it grants them. */
export interface LicensingGroup {
  readonly ref: GroupRef;
  readonly skuIds: readonly string[];
}

export interface OktaOwnsFacts {
  readonly subject: PlanSubject;
  readonly options: PlanOptions;
  /** The app user's licenses attribute. */
  readonly attribute: string;
  readonly scope: 'USER' | 'GROUP';
  readonly before: readonly LicenseLine[];
  /** Lines of `before` that some group grants. */
  readonly inherited: readonly LicenseLine[];
  /** Every group that grants the user a license, by name; the plan takes each of them out of the picture. */
  readonly groups: readonly LicensingGroup[];
  /** Lines of `before` that Okta's current values lack (Okta's push would remove them). */
  readonly missing: readonly LicenseLine[];
  /** Part numbers added to what Okta holds (empty when the requester declines completing Okta's licenses). */
  readonly addValues: readonly string[];
  /** Okta's values once the plan is done. */
  readonly finalValues: readonly string[];
  /** The license set those values stand for, by SKU id. */
  readonly oktaFinal: ReadonlyMap<string, AssignedLicense>;
  readonly after: readonly LicenseLine[];
  readonly removed: readonly LicenseLine[];
  /** Inherited SKUs that get a direct assignment before their group path goes. */
  readonly directSkus: readonly string[];
  /** Inherited SKUs Okta keeps but that are not assigned directly first: the user is briefly without them. */
  readonly gapSkus: readonly string[];
  /** Okta values (final) that match no subscribed SKU. */
  readonly unmatched: readonly string[];
  /** Licenses Okta must hold that the app's Licenses list does not offer (the plan cannot be made then). */
  readonly notOffered: readonly LicenseLine[];
}

function licensingGroups(inherited: readonly LicenseLine[]): LicensingGroup[] {
  const byId = new Map<string, { ref: GroupRef; skuIds: string[] }>();
  for (const line of inherited) {
    for (const g of groupSources(line)) {
      const entry = byId.get(g.groupId) ?? { ref: { id: g.groupId, displayName: g.groupName, kind: g.groupKind }, skuIds: [] };
      byId.set(g.groupId, entry);
      if (!entry.skuIds.includes(line.skuId)) entry.skuIds.push(line.skuId);
    }
  }
  return [...byId.values()].sort((a, b) => a.ref.displayName.localeCompare(b.ref.displayName, 'en') || a.ref.id.localeCompare(b.ref.id, 'en'));
}

/** Path 1's facts for the subject and options; `attribute` is the app user's licenses attribute. */
export function oktaOwnsFacts(s: PlanSubject, options: PlanOptions, attribute: string): OktaOwnsFacts {
  const offered = s.licenseSchema?.licenseValues ?? null;
  const oktaNow = oktaLicenseSet(s.oktaValues, s.skus, offered);
  const before = currentLicenseLines(s.diagnosis.report, new Set(oktaNow.keys()), s.skus);
  const inherited = before.filter((l) => groupSources(l).length > 0);
  const missing = before.filter((l) => !oktaNow.has(l.skuId));
  // Only values from the app's list are written (Okta refuses others); without a list, the part number.
  const valueOf = (l: LicenseLine): string | null => {
    const sku = s.skus.find((k) => k.skuId.toLowerCase() === l.skuId);
    return offered === null ? l.skuPartNumber : sku ? offeredValueFor(sku, offered) : null;
  };
  const toAdd = options.completeOktaLicenses ? missing : [];
  const notOffered = toAdd.filter((l) => valueOf(l) === null);
  const addValues = [...new Set(toAdd.flatMap((l) => valueOf(l) ?? []))];
  const finalValues = [...s.oktaValues, ...addValues];
  const oktaFinal = oktaLicenseSet(finalValues, s.skus, offered);
  // Okta becomes the only source: every license afterwards is one Okta's push assigns directly.
  const after = sortLines([...oktaFinal.keys()].map((skuId) => licenseLine(skuId, [{ kind: 'direct' }], true, s.skus)));
  const kept = inherited.filter((l) => oktaFinal.has(l.skuId) && !hasDirect(l)).map((l) => l.skuId);
  return {
    subject: s,
    options,
    attribute,
    scope: s.appUser.scope ?? 'USER',
    before,
    inherited,
    groups: licensingGroups(inherited),
    missing,
    addValues,
    finalValues,
    oktaFinal,
    after,
    removed: before.filter((l) => !oktaFinal.has(l.skuId)),
    directSkus: options.allowServiceGap ? [] : kept,
    gapSkus: options.allowServiceGap ? kept : [],
    unmatched: oktaDesiredLicenses(finalValues, s.skus, offered).unmatched,
    notOffered,
  };
}
