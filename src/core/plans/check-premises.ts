// Before a plan first runs, the live state is read again: if what the plan was built on no longer holds (the user,
// their licenses and where they come from, what Okta holds, provisioning, usage location), the plan is refused,
// saying what changed. Times, sync states and new push failures do not change what the plan does, so they are ignored.
import type { Diagnosis, DiagnosisReport, GroupKind, Verdict } from '../model/diagnosis.ts';
import type { Plan } from '../model/plan.ts';
import { listPhrase } from '../diagnosis/prose.ts';
import { oktaValueNames } from '../licensing/okta-value-names.ts';
import { productName } from '../licensing/product-catalog.ts';

export type PremiseCheck = { readonly kind: 'hold' } | { readonly kind: 'changed'; readonly changes: string[] };

const CONFLICT: ReadonlySet<Verdict> = new Set(['group-inherited-license-conflict', 'dual-managed-license']);
const GRANTING: ReadonlySet<string> = new Set(['Active', 'ActiveWithError']);

const VERDICT_WORDS: Record<Verdict, string> = {
  'user-not-identified': 'no user identified',
  'user-not-found': 'the user does not exist in Entra ID',
  'not-managed-by-okta': 'Okta does not push the user to Office 365',
  'okta-provisioning-disabled': "Okta's provisioning of the app is off",
  'group-inherited-license-conflict': "Okta's pushes fail on a group-inherited license",
  'dual-managed-license': 'Okta and a group both grant a license',
  'other-license-error': 'a license error not caused by Okta',
  'no-conflict': 'no conflict',
};

interface Sources {
  readonly product: string;
  /** 'direct' or a group id. */
  readonly keys: ReadonlySet<string>;
}

function licenseSources(report: DiagnosisReport): Map<string, Sources> {
  const map = new Map<string, { product: string; keys: Set<string> }>();
  for (const row of report.licenses) {
    if (!GRANTING.has(row.state)) continue;
    const entry = map.get(row.skuId) ?? { product: row.productName, keys: new Set<string>() };
    map.set(row.skuId, entry);
    entry.keys.add(row.group === null ? 'direct' : row.group.id.toLowerCase());
  }
  return map;
}

const groupNames = (a: DiagnosisReport, b: DiagnosisReport): Map<string, string> =>
  new Map([...a.licenses, ...b.licenses].flatMap((r) => (r.group ? [[r.group.id.toLowerCase(), r.group.displayName] as const] : [])));

function fromPhrase(keys: ReadonlySet<string>, names: ReadonlyMap<string, string>): string {
  return listPhrase([...keys].sort().map((k) => (k === 'direct' ? 'directly' : `from '${names.get(k) ?? k}'`)));
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));
const valueSet = (values: readonly string[]): Set<string> => new Set(values.map((v) => v.trim().toLowerCase()));
const shown = (values: readonly string[]): string => (values.length === 0 ? 'none' : values.join(', '));

function licenseChanges(old: DiagnosisReport, now: DiagnosisReport, name: string): string[] {
  const before = licenseSources(old);
  const after = licenseSources(now);
  const names = groupNames(old, now);
  const changes: string[] = [];
  for (const [sku, was] of before) {
    const is = after.get(sku);
    if (!is) changes.push(`${name} no longer has ${was.product}`);
    else if (!sameSet(was.keys, is.keys)) changes.push(`${is.product} now comes ${fromPhrase(is.keys, names)} (was ${fromPhrase(was.keys, names)})`);
  }
  for (const [sku, is] of after) if (!before.has(sku)) changes.push(`${name} now has ${is.product} (${fromPhrase(is.keys, names)})`);
  const conflicts = (r: DiagnosisReport) => r.conflicts.map((c) => productName(c.skuId, c.skuPartNumber));
  if (!sameSet(valueSet(conflicts(old)), valueSet(conflicts(now)))) {
    changes.push(`the conflicting licenses are now ${shown(conflicts(now))} (were ${shown(conflicts(old))})`);
  }
  return changes;
}

function groupChanges(old: Diagnosis, now: Diagnosis): string[] {
  const kinds = (d: Diagnosis) => new Map(d.report.licenses.flatMap((r) => (r.group ? [[r.group.id.toLowerCase(), r.group] as const] : [])));
  const was = kinds(old);
  const changes: string[] = [];
  for (const [id, group] of kinds(now)) {
    const before = was.get(id);
    if (before && before.kind !== group.kind) changes.push(`'${group.displayName}' is now ${kindWords(group.kind)} (was ${kindWords(before.kind)})`);
    const rule = (d: Diagnosis) => d.input.entra.groups.find((g) => g.id.toLowerCase() === id)?.membershipRule ?? null;
    if (before && before.kind === 'dynamic' && group.kind === 'dynamic' && rule(old) !== rule(now)) {
      changes.push(`the membership rule of '${group.displayName}' is now ${rule(now) ?? 'unknown'} (was ${rule(old) ?? 'unknown'})`);
    }
  }
  return changes;
}

function kindWords(kind: GroupKind): string {
  switch (kind) {
    case 'assigned':
      return 'a cloud group with assigned membership';
    case 'dynamic':
      return 'dynamic';
    case 'on-premises-synced':
      return 'synced from on-premises AD';
    case 'mail-enabled':
      return 'mail-enabled';
    case 'role-assignable':
      return 'role-assignable';
  }
}

function oktaChanges(old: Diagnosis, now: Diagnosis, name: string): string[] {
  const a = old.report.okta;
  const b = now.report.okta;
  const changes: string[] = [];
  if (a?.appId !== b?.appId) changes.push(`${name} is now provisioned by ${b ? `the Office 365 app ${b.appId}` : 'no Office 365 app'} in Okta (was ${a?.appId ?? 'none'})`);
  if (old.report.user?.oktaUserId !== now.report.user?.oktaUserId) changes.push(`${name}'s Okta user is a different one now`);
  if (a?.scope !== b?.scope) changes.push(`Okta assigns the app to ${name} with scope ${b?.scope ?? 'none'} now (was ${a?.scope ?? 'none'})`);
  if (a?.provisioning !== b?.provisioning) changes.push(`Okta's provisioning of the app is ${b?.provisioning ?? 'unknown'} now (was ${a?.provisioning ?? 'unknown'})`);
  const was = a?.managedLicenses ?? [];
  const is = b?.managedLicenses ?? [];
  if (!sameSet(valueSet(was), valueSet(is))) {
    const skus = now.input.entra.subscribedSkus;
    changes.push(`Okta's licenses for ${name} are now ${shown(oktaValueNames(is, skus))} (were ${shown(oktaValueNames(was, skus))})`);
  }
  const attribute = (d: Diagnosis) => d.input.okta?.licenseSchema?.licensesAttribute;
  if (attribute(old) !== attribute(now)) changes.push(`the licenses attribute of Okta's app is now ${attribute(now) ?? 'missing'} (was ${attribute(old) ?? 'missing'})`);
  return changes;
}

/** 'hold' when the fresh diagnosis still matches what `plan` was built on; otherwise every change that matters, in words. */
export function checkPremises(plan: Plan, fresh: Diagnosis): PremiseCheck {
  const old = plan.diagnosis;
  const name = old.report.user?.displayName ?? fresh.report.user?.displayName ?? 'the user';
  const changes: string[] = [];
  const [v1, v2] = [old.report.verdict, fresh.report.verdict];
  // The two conflict verdicts differ only by a push failure or by what Okta holds, which is compared below.
  if (v1 !== v2 && !(CONFLICT.has(v1) && CONFLICT.has(v2))) changes.push(`the diagnosis is now "${VERDICT_WORDS[v2]}" (was "${VERDICT_WORDS[v1]}")`);
  // Without the user there is nothing else to compare: every license would read as gone.
  if (fresh.report.user === null) return { kind: 'changed', changes };
  if (old.report.user && fresh.report.user && old.report.user.entraObjectId.toLowerCase() !== fresh.report.user.entraObjectId.toLowerCase()) {
    changes.push(`${name} is a different Entra ID object now`);
  }
  const [loc1, loc2] = [old.report.user?.usageLocation ?? null, fresh.report.user?.usageLocation ?? null];
  if (loc1 !== loc2) changes.push(`${name}'s usage location is now ${loc2 ?? 'not set'} (was ${loc1 ?? 'not set'})`);
  changes.push(...licenseChanges(old.report, fresh.report, name), ...groupChanges(old, fresh), ...oktaChanges(old, fresh, name));
  return changes.length === 0 ? { kind: 'hold' } : { kind: 'changed', changes };
}
