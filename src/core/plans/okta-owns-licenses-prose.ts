// The words of KB path 1's plan: the service note each group step carries, the warnings, the alternatives and
// the approver's summary. All of it is read from OktaOwnsFacts, so the texts cannot disagree with the steps.
import type { LicenseLine } from '../model/plan.ts';
import { listPhrase } from '../diagnosis/prose.ts';
import { oktaValueNames } from '../licensing/okta-value-names.ts';
import { APPROVALS_REQUIRED } from '../paths/approvals-required.ts';
import { productOf } from './license-lines.ts';
import type { LicensingGroup, OktaOwnsFacts } from './okta-owns-licenses-facts.ts';

const itThem = (n: number): string => (n === 1 ? 'it' : 'them');
const quoted = (names: readonly string[]): string => listPhrase(names.map((n) => `'${n}'`));
const products = (f: OktaOwnsFacts, skuIds: readonly string[]): string => listPhrase(skuIds.map((id) => productOf(id, f.subject.skus)));
const approvals = (n: number): string => `${n} approval${n === 1 ? '' : 's'}`;
const lineProducts = (lines: readonly LicenseLine[]): string => listPhrase(lines.map((l) => l.productName));

/** Whether the user still has each SKU the group grants while and after it goes, in one sentence. */
export function serviceNote(f: OktaOwnsFacts, group: LicensingGroup): string {
  const name = f.subject.name;
  const keeps: string[] = [];
  const gap: string[] = [];
  const loses: string[] = [];
  for (const skuId of group.skuIds) {
    const line = f.before.find((l) => l.skuId === skuId);
    const direct = line?.sources.some((s) => s.kind === 'direct') === true || f.directSkus.includes(skuId);
    if (direct && f.oktaFinal.has(skuId)) keeps.push(skuId);
    else if (f.oktaFinal.has(skuId)) gap.push(skuId);
    else loses.push(skuId);
  }
  const parts = [
    ...(keeps.length > 0 ? [`${name} keeps ${products(f, keeps)} through a direct assignment, so service does not lapse`] : []),
    ...(gap.length > 0 ? [`${name} is without ${products(f, gap)} from this step until Okta's push assigns ${itThem(gap.length)} directly`] : []),
    ...(loses.length > 0 ? [`${name} loses ${products(f, loses)}: Okta does not hold ${itThem(loses.length)}`] : []),
  ];
  return `${parts.join('; ')}.`;
}

function oktaGroupWarning(f: OktaOwnsFacts, oktaGroupName: string | null): string[] {
  if (f.scope !== 'GROUP') return [];
  const name = f.subject.name;
  if (f.addValues.length === 0 || oktaGroupName === null) {
    return [`Okta gives ${name} licenses through an Okta group assignment (scope GROUP): the re-push keeps it group-scoped.`];
  }
  return [
    `Okta gives ${name} licenses through the Okta group assignment '${oktaGroupName}': adding ${listPhrase(oktaValueNames(f.addValues, f.subject.skus))} there gives ` +
      `${itThem(f.addValues.length)} to every member of '${oktaGroupName}', and an Okta administrator must make that change by hand.`,
  ];
}

function groupWarnings(f: OktaOwnsFacts, memberCount: number | null): string[] {
  const name = f.subject.name;
  if (f.options.removeLicenseFromGroup) {
    return f.groups.map((g) =>
      `Removing ${products(f, g.skuIds)} from '${g.ref.displayName}' affects all ${memberCount ?? 'its'} members of the group, not only ${name}: ` +
      `members with no other source lose ${itThem(g.skuIds.length)} (Exchange Online keeps a mailbox's data for about 30 days after its license goes).`);
  }
  const names = f.groups.map((g) => g.ref.displayName);
  return [
    `Leaving ${quoted(names)} may also remove other access ${names.length === 1 ? 'the group grants' : 'these groups grant'} ${name}: ` +
      'Teams and SharePoint membership, app assignments, Conditional Access policies that target it. Check before approving.',
  ];
}

function licenseWarnings(f: OktaOwnsFacts): string[] {
  const name = f.subject.name;
  const warnings: string[] = [];
  if (f.gapSkus.length > 0) {
    warnings.push(
      `Service gap: ${name} is without ${products(f, f.gapSkus)} between leaving the group-based license and Okta's push ` +
        "(usually minutes; longer if Okta does not push until the task is retried in Okta Admin Console > Dashboard > Tasks).",
    );
  }
  if (f.removed.length > 0) {
    warnings.push(
      `${name} loses ${lineProducts(f.removed)}: Okta does not hold ${itThem(f.removed.length)}` +
        `${f.options.completeOktaLicenses ? '' : " (completing Okta's licenses was declined)"}, and no group grants ${itThem(f.removed.length)} afterwards. ` +
        'Requesting this plan needs an explicit acknowledgement.',
    );
  }
  const gained = f.after.filter((l) => !f.before.some((b) => b.skuId === l.skuId));
  if (gained.length > 0) warnings.push(`Okta's push also gives ${name} ${lineProducts(gained)}, which ${name} does not have now (a seat each).`);
  const partial = f.after.filter((l) => (f.oktaFinal.get(l.skuId)?.disabledPlans.length ?? 0) > 0 && f.before.some((b) => b.skuId === l.skuId));
  if (partial.length > 0) warnings.push(`Okta's values enable only some service plans of ${lineProducts(partial)}: the others are turned off for ${name}.`);
  if (f.unmatched.length > 0) {
    warnings.push(`Okta holds ${f.unmatched.join(', ')} for ${name}, which match${f.unmatched.length === 1 ? 'es' : ''} no subscription of the tenant: Okta's push may fail until it is corrected in Okta.`);
  }
  return warnings;
}

function failingGroupWarnings(f: OktaOwnsFacts): string[] {
  const handled = new Set(f.groups.map((g) => g.ref.id));
  return f.subject.diagnosis.report.licenses
    .filter((r) => r.group !== null && r.state === 'Error' && !handled.has(r.group.id))
    .map((r) =>
      `'${r.group?.displayName ?? ''}' would also grant ${r.productName} but fails (${r.error ?? 'Error'}); ` +
      'if that starts working, a group path returns and so does the conflict.');
}

/** Warnings for the approver: other access, the Okta group, gaps, losses, gains, Okta values that match nothing. */
export function oktaOwnsWarnings(f: OktaOwnsFacts, oktaGroupName: string | null, memberCount: number | null): string[] {
  return [...oktaGroupWarning(f, oktaGroupName), ...groupWarnings(f, memberCount), ...licenseWarnings(f), ...failingGroupWarnings(f)];
}

/** What a person can do instead. */
export function oktaOwnsAlternatives(f: OktaOwnsFacts): string[] {
  const only = f.groups.length === 1 ? f.groups[0] : undefined;
  if (f.options.removeLicenseFromGroup || only === undefined) return [];
  return [
    `Remove ${products(f, only.skuIds)} from the group '${only.ref.displayName}' itself instead of taking ${f.subject.name} out of it: ` +
      `every member of the group is affected, so it needs ${approvals(APPROVALS_REQUIRED.group)}.`,
  ];
}

function oktaSentence(f: OktaOwnsFacts, oktaGroupName: string | null): string {
  const name = f.subject.name;
  const holds = f.subject.oktaValues.length === 0 ? 'nothing today, so its next push would remove every license' : `${listPhrase(oktaValueNames(f.subject.oktaValues, f.subject.skus))} today`;
  if (f.addValues.length === 0) {
    return f.missing.length === 0 ? `Okta already holds every license ${name} has.` : `Okta's licenses for ${name} stay as they are (Okta holds ${holds}).`;
  }
  const added = lineProducts(f.missing);
  return f.scope === 'GROUP' && oktaGroupName !== null
    ? `An Okta administrator adds ${added} to the Okta group assignment '${oktaGroupName}', which reaches every member of that group.`
    : `Okta's licenses for ${name} gain ${added} (Okta holds ${holds}).`;
}

function changeSentence(f: OktaOwnsFacts, memberCount: number | null): string {
  const name = f.subject.name;
  const first = f.directSkus.length > 0 ? `${name} gets ${products(f, f.directSkus)} directly first, so service never lapses; then ` : '';
  const gap = f.gapSkus.length > 0 ? `Without a direct assignment first, ${name} is briefly without ${products(f, f.gapSkus)}: ` : '';
  const manual = f.groups.filter((g) => g.ref.kind !== 'assigned').length;
  const groups = f.options.removeLicenseFromGroup
    ? f.groups.map((g) => `${products(f, g.skuIds)} is removed from the group '${g.ref.displayName}' itself, for all ${memberCount ?? 'its'} members`).join('; ')
    : `${name} leaves ${quoted(f.groups.map((g) => g.ref.displayName))}${manual > 0 ? ` (${manual === f.groups.length ? 'by hand' : `${manual} of them by hand`})` : ''}`;
  return `${gap}${first}${groups}. Okta then pushes again and License Doctor checks that Okta and Entra ID agree.`;
}

/** The approver's paragraph. */
export function oktaOwnsSummary(f: OktaOwnsFacts, oktaGroupName: string | null, memberCount: number | null, manualSteps: number): string {
  const name = f.subject.name;
  const afterwards = f.after.length > 0 ? `Afterwards ${name} has ${lineProducts(f.after)}, all assigned by Okta.` : `Afterwards ${name} has no licenses.`;
  const lost = f.removed.length > 0 ? ` ${name} loses ${lineProducts(f.removed)}.` : '';
  const viaOktaGroup = f.scope === 'GROUP' && f.addValues.length > 0 && oktaGroupName !== null;
  const reach = f.options.removeLicenseFromGroup
    ? `It changes a group: all ${memberCount ?? 'its'} members are affected; ${approvals(APPROVALS_REQUIRED.group)}.`
    : viaOktaGroup
      ? `License Doctor's own changes affect only ${name}; ${approvals(APPROVALS_REQUIRED.user)}.`
      : `Only ${name} is affected; ${approvals(APPROVALS_REQUIRED.user)}.`;
  const manual = manualSteps > 0 ? ` ${manualSteps} step${manualSteps === 1 ? '' : 's'} must be done by hand, so the plan cannot finish on its own; a Re-check completes it.` : '';
  return `Make Okta the only source of ${name}'s licenses. ${oktaSentence(f, oktaGroupName)} ${changeSentence(f, memberCount)} ${afterwards}${lost} ${reach}${manual}`;
}
