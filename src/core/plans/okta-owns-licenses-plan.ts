// KB path 1, "Okta owns the licenses": complete what Okta holds, keep the user licensed directly, take every
// group-based path away, re-push from Okta and verify. Variants: accept a short gap in service (when Graph refuses
// a direct assignment of an inherited license), or remove the license from the group itself (scope group).
import type { Plan, PlanOptions, PlanResult } from '../model/plan.ts';
import { findGroup } from '../diagnosis/license-rows.ts';
import { APPROVALS_REQUIRED } from '../paths/approvals-required.ts';
import { notOfferedMessage } from '../licensing/offered-license-values.ts';
import { DEFAULT_LICENSES_ATTRIBUTE } from '../licensing/okta-license-values.ts';
import { oktaValueNames } from '../licensing/okta-value-names.ts';
import { listPhrase } from '../diagnosis/prose.ts';
import { directLicenseStep } from '../steps/graph-assign-direct-license.ts';
import { removeGroupLicenseStep } from '../steps/graph-remove-group-license.ts';
import { removeMemberStep } from '../steps/graph-remove-group-member.ts';
import { manualMembershipStep } from '../steps/manual-group-membership.ts';
import { numberSteps, type StepDraft } from './number-steps.ts';
import { oktaOwnsFacts, type OktaOwnsFacts } from './okta-owns-licenses-facts.ts';
import { oktaOwnsAlternatives, oktaOwnsSummary, oktaOwnsWarnings, serviceNote } from './okta-owns-licenses-prose.ts';
import { oktaGroupAssignmentStep } from '../steps/manual-okta-group-assignment.ts';
import { repushStep } from '../steps/okta-repush.ts';
import { setOktaLicensesStep } from '../steps/okta-set-user-licenses.ts';
import type { PlanContext } from './plan-context.ts';
import type { PlanSubject } from './plan-subject.ts';
import { verifyStep } from '../steps/verify.ts';

const notApplicable = (reason: string): PlanResult => ({ kind: 'not-applicable', reason });

/** A count from a record keyed by group id, whatever the case of the GUID. */
function countFor(counts: Readonly<Record<string, number>>, id: string): number | null {
  const key = Object.keys(counts).find((k) => k.toLowerCase() === id.toLowerCase());
  const n = key === undefined ? undefined : counts[key];
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
}

function oktaStep(f: OktaOwnsFacts, assignment: PlanContext['oktaGroupAssignment']): StepDraft[] {
  if (f.addValues.length === 0) return [];
  const products = f.missing.map((l) => l.productName);
  if (f.scope === 'USER') return [setOktaLicensesStep(f.subject, f.attribute, f.finalValues, products)];
  return assignment === null ? [] : [oktaGroupAssignmentStep(f.subject, assignment, f.attribute, f.addValues, products)];
}

function groupSteps(f: OktaOwnsFacts, memberCount: number | null): StepDraft[] {
  return f.groups.map((g) => {
    const note = serviceNote(f, g);
    if (f.options.removeLicenseFromGroup) return removeGroupLicenseStep(f.subject, g.ref, g.skuIds, memberCount ?? 0, note);
    if (g.ref.kind === 'assigned') return removeMemberStep(f.subject, g.ref, note);
    return manualMembershipStep(f.subject, g.ref, findGroup(g.ref.id, f.subject.diagnosis.input.entra.groups), note);
  });
}

function steps(f: OktaOwnsFacts, context: PlanContext, memberCount: number | null): StepDraft[] {
  const s = f.subject;
  const direct = f.directSkus.flatMap((skuId) => {
    const license = f.oktaFinal.get(skuId);
    const line = f.before.find((l) => l.skuId === skuId);
    const groups = line?.sources.flatMap((src) => (src.kind === 'group' ? [src.groupName] : [])) ?? [];
    return license ? [directLicenseStep(s, license, groups)] : [];
  });
  return [
    ...oktaStep(f, context.oktaGroupAssignment),
    ...direct,
    ...groupSteps(f, memberCount),
    repushStep(s, f.scope),
    verifyStep(s, {
      expectNoGroupPathFor: f.inherited.map((l) => l.skuId),
      expectLicenses: f.after.map((l) => l.skuId),
      expectOktaPush: true,
      expectProvisioningDisabled: false,
    }),
  ];
}

/** Why path 1 cannot be planned for this subject and these options, or null when it can. */
function refusal(s: PlanSubject, f: OktaOwnsFacts, context: PlanContext, memberCount: number | null): string | null {
  const notOffered = notOfferedMessage(s.app.label, f.notOffered.map((l) => `${l.productName} (${l.skuPartNumber})`));
  if (notOffered !== null) return notOffered;
  if (f.groups.length === 0) return `No Entra ID group grants ${s.name} a license, so there is no group-based license to take over.`;
  // An unread group's kind is unknown: the plan could not say who can change its membership.
  const unread = f.groups.filter((g) => findGroup(g.ref.id, s.diagnosis.input.entra.groups) === undefined);
  if (unread.length > 0) {
    return (
      `License Doctor could not read the group${unread.length === 1 ? '' : 's'} ${unread.map((g) => g.ref.id).join(', ')} that license${unread.length === 1 ? 's' : ''} ${s.name}, ` +
      "so it cannot tell who can change the membership. Check that its Graph permissions include reading groups (GroupMember.Read.All), then diagnose again."
    );
  }
  if (f.scope === 'GROUP' && f.addValues.length > 0 && context.oktaGroupAssignment === null) {
    return (
      `${s.name} gets ${s.app.label} through an Okta group assignment, and License Doctor could not find which one. In Okta Admin Console > ` +
      `Applications > ${s.app.label} > Assignments, add ${f.addValues.join(', ')} (${listPhrase(oktaValueNames(f.addValues, s.skus))}) to the Licenses of the group that assigns ${s.name}, then diagnose again.`
    );
  }
  if (!f.options.removeLicenseFromGroup) return null;
  const only = f.groups.length === 1 ? f.groups[0] : undefined;
  if (only === undefined) {
    return (
      `Removing the license from the group itself changes one group, and ${s.name} gets licenses from ${f.groups.length} groups ` +
      `(${f.groups.map((g) => `'${g.ref.displayName}'`).join(', ')}): choose the plan that takes ${s.name} out of the groups instead.`
    );
  }
  if (memberCount === null) return `License Doctor could not count the members of '${only.ref.displayName}', and an approver must see how many people a group change reaches.`;
  return null;
}

/** Builds path 1 for the subject; `not-applicable` when Okta cannot own the licenses or an option does not fit. */
export function oktaOwnsLicensesPlan(s: PlanSubject, options: PlanOptions, context: PlanContext): PlanResult {
  const attribute = s.licenseSchema === null ? DEFAULT_LICENSES_ATTRIBUTE : s.licenseSchema.licensesAttribute;
  if (attribute === null) return notApplicable(`${s.app.label}'s user schema in Okta has no licenses attribute, so Okta cannot own ${s.name}'s licenses.`);
  if (!s.user.usageLocation) {
    return notApplicable(
      `${s.name} has no usage location, and a direct license (Okta's or License Doctor's) needs one. Set it in the Microsoft Entra admin center ` +
        `> Users > ${s.name} > Properties (or in Okta, if Okta pushes usageLocation), then diagnose again.`,
    );
  }
  const f = oktaOwnsFacts(s, options, attribute);
  const group = options.removeLicenseFromGroup && f.groups.length === 1 ? f.groups[0] : undefined;
  const memberCount = group ? countFor(context.groupMemberCounts, group.ref.id) : null;
  const refused = refusal(s, f, context, memberCount);
  if (refused !== null) return notApplicable(refused);

  const planSteps = numberSteps(steps(f, context, memberCount));
  const manual = planSteps.filter((st) => !st.automatic).length;
  const oktaGroupName = f.scope === 'GROUP' ? (context.oktaGroupAssignment?.groupName ?? null) : null;
  const scope = group ? 'group' : 'user';
  const plan: Plan = {
    path: 'okta-owns-licenses',
    scope,
    options,
    approvalsRequired: APPROVALS_REQUIRED[scope],
    blastRadius: group
      ? { kind: 'group', groupId: group.ref.id, groupName: group.ref.displayName, memberCount: memberCount ?? 0 }
      : { kind: 'user', userPrincipalName: s.userPrincipalName },
    before: f.before,
    after: f.after,
    removedLicenses: f.removed,
    steps: planSteps,
    needsManualSteps: manual > 0,
    warnings: oktaOwnsWarnings(f, oktaGroupName, memberCount),
    alternatives: oktaOwnsAlternatives(f),
    summary: oktaOwnsSummary(f, oktaGroupName, memberCount, manual),
    diagnosis: s.diagnosis,
  };
  return { kind: 'plan', plan };
}
