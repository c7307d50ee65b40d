// Step kind: the user leaves an assigned-membership cloud group, with `/$ref` so only the membership goes.
import type { DiagnosisInput, GroupRef } from '../model/diagnosis.ts';
import type { StepDraft } from '../plans/number-steps.ts';
import type { PlanSubject } from '../plans/plan-subject.ts';
import { licensePaths, requestIds, same } from './live-state.ts';
import { draft, type StepKind } from './step-kind.ts';

/** DELETE /groups/{groupId}/members/{userId}/$ref (cloud-only, assigned-membership, non-mail-enabled, non-role-assignable groups). */
export interface RemoveMemberAction {
  readonly kind: 'graph-remove-group-member';
  readonly groupId: string;
  readonly groupName: string;
  readonly userId: string;
}

declare module '../model/plan.ts' {
  interface StepActions {
    readonly 'graph-remove-group-member': RemoveMemberAction;
  }
}

/** No license path of the live user comes from the group any more (a membership removal, by Graph or by hand). */
export const noPathFromGroup = (groupId: string, live: DiagnosisInput): boolean =>
  live.entra.user !== null && !licensePaths(live).some((p) => same(p.assignedByGroup, groupId));

/** How a membership removal (by Graph or by hand) is observed. */
export function membershipGoneCheck(s: PlanSubject, groupName: string): string {
  return (
    `GET /v1.0/users/${s.user.id}: no licenseAssignmentStates entry from the group '${groupName}' any more ` +
    '(Entra ID applies group-based licensing changes after a short delay; Re-check picks it up).'
  );
}

export const removeMember: StepKind<RemoveMemberAction, { readonly subject: PlanSubject; readonly serviceNote: string }> = {
  kind: 'graph-remove-group-member',
  role: 'write',
  vendor: 'graph',
  readBack: 'poll',
  describe: (a, { subject: s, serviceNote }) => ({
    title: `Remove ${s.name} from the group '${a.groupName}'`,
    precondition:
      `'${a.groupName}' is a cloud-only group with assigned membership (not dynamic, synced from on-premises AD, mail-enabled or ` +
      `role-assignable), so Graph can change its members. ${serviceNote}`,
    effect: `DELETE /v1.0/groups/${a.groupId}/members/${a.userId}/$ref (removes the membership only, never the user).`,
    verification: membershipGoneCheck(s, a.groupName),
  }),
  isDone: (a, live) => noPathFromGroup(a.groupId, live),
  // Group-based licensing drops the inherited path only after Entra processes the change, so membership itself
  // (not the license path) tells the executor whether the removal happened.
  confirmDone: async (a, { ports }) => {
    const memberOf = await ports.entra.checkMemberGroups(a.userId, [a.groupId]);
    return !memberOf.some((id) => same(id, a.groupId));
  },
  writes: (a) => [{ method: 'DELETE', path: `/v1.0/groups/${a.groupId}/members/${a.userId}/$ref` }],
  perform: async (a, { ports }) => {
    const r = await ports.entra.removeGroupMember(a.groupId, a.userId);
    return { vendorRequestIds: requestIds(r), detail: `removed from ${a.groupName}` };
  },
};

/** Takes the user out of an assigned-membership cloud group, with `/$ref` so only the membership goes. */
export function removeMemberStep(s: PlanSubject, group: GroupRef, serviceNote: string): StepDraft {
  return draft(removeMember, { kind: 'graph-remove-group-member', groupId: group.id, groupName: group.displayName, userId: s.user.id }, { subject: s, serviceNote });
}
