// Plan steps that License Doctor performs through Microsoft Graph, with texts an approver can check: what must hold,
// the exact call, and how the effect is observed.
import type { GroupRef } from '../model/diagnosis.ts';
import type { AssignedLicense } from '../model/entra.ts';
import { listPhrase } from '../diagnosis/prose.ts';
import { productOf } from './license-lines.ts';
import type { StepDraft } from './number-steps.ts';
import type { PlanSubject } from './plan-subject.ts';

/** "every service plan enabled" or "these plans turned off: A, B". */
function plansPhrase(s: PlanSubject, license: AssignedLicense): string {
  if (license.disabledPlans.length === 0) return 'every service plan enabled';
  const sku = s.skus.find((k) => k.skuId.toLowerCase() === license.skuId.toLowerCase());
  const names = license.disabledPlans.map((id) => sku?.servicePlans.find((p) => p.servicePlanId.toLowerCase() === id.toLowerCase())?.servicePlanName ?? id);
  return `these service plans turned off, as Okta wants: ${names.join(', ')}`;
}

/** Gives the user the SKU directly, with the plans Okta wants, so service never lapses when the group path goes. */
export function directLicenseStep(s: PlanSubject, license: AssignedLicense, fromGroups: readonly string[]): StepDraft {
  const product = productOf(license.skuId, s.skus);
  const body = JSON.stringify({ addLicenses: [{ skuId: license.skuId, disabledPlans: license.disabledPlans }], removeLicenses: [] });
  return {
    action: { kind: 'graph-assign-direct-license', userId: s.user.id, license },
    automatic: true,
    title: `Give ${s.name} ${product} directly`,
    precondition:
      `${s.name} has a usage location (${s.user.usageLocation ?? 'none'}) and gets ${product} from ${listPhrase(fromGroups.map((g) => `'${g}'`))}; ` +
      'a direct assignment of the same license uses no extra seat.',
    effect: `POST /v1.0/users/${s.user.id}/assignLicense with ${body} (${plansPhrase(s, license)}).`,
    verification:
      `GET /v1.0/users/${s.user.id}: licenseAssignmentStates has a direct entry (assignedByGroup null) for ${product}. ` +
      'If Graph refuses a direct assignment of a license that is also inherited, the plan stops here, before anything is removed; ' +
      'the variant that accepts a short gap in service can be requested instead.',
  };
}

/** Takes the user out of an assigned-membership cloud group, with `/$ref` so only the membership goes. */
export function removeMemberStep(s: PlanSubject, group: GroupRef, serviceNote: string): StepDraft {
  return {
    action: { kind: 'graph-remove-group-member', groupId: group.id, groupName: group.displayName, userId: s.user.id },
    automatic: true,
    title: `Remove ${s.name} from the group '${group.displayName}'`,
    precondition:
      `'${group.displayName}' is a cloud-only group with assigned membership (not dynamic, synced from on-premises AD, mail-enabled or ` +
      `role-assignable), so Graph can change its members. ${serviceNote}`,
    effect: `DELETE /v1.0/groups/${group.id}/members/${s.user.id}/$ref (removes the membership only, never the user).`,
    verification: membershipGoneCheck(s, group.displayName),
  };
}

/** How a membership removal (by Graph or by hand) is observed. */
export function membershipGoneCheck(s: PlanSubject, groupName: string): string {
  return (
    `GET /v1.0/users/${s.user.id}: no licenseAssignmentStates entry from the group '${groupName}' any more ` +
    '(Entra ID applies group-based licensing changes after a short delay; Re-check picks it up).'
  );
}

/** Removes SKUs from the group itself: every member loses that path (the group-scoped variant). */
export function removeGroupLicenseStep(s: PlanSubject, group: GroupRef, skuIds: readonly string[], memberCount: number, serviceNote: string): StepDraft {
  const products = listPhrase(skuIds.map((id) => productOf(id, s.skus)));
  const body = JSON.stringify({ addLicenses: [], removeLicenses: skuIds });
  return {
    action: { kind: 'graph-remove-group-license', groupId: group.id, groupName: group.displayName, skuIds },
    automatic: true,
    title: `Remove ${products} from the group '${group.displayName}' itself`,
    precondition:
      `All ${memberCount} member${memberCount === 1 ? '' : 's'} of '${group.displayName}' lose ${products} from this group; ` +
      `members with no other source of ${skuIds.length === 1 ? 'it' : 'them'} lose the license. ${serviceNote}`,
    effect: `POST /v1.0/groups/${group.id}/assignLicense with ${body} (Graph answers 202 Accepted and updates every member in the background).`,
    verification:
      `GET /v1.0/groups/${group.id}: assignedLicenses no longer list ${products}, and ${s.name}'s licenseAssignmentStates have no entry ` +
      `from '${group.displayName}' for ${skuIds.length === 1 ? 'it' : 'them'}.`,
  };
}
