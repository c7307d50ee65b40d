// Step kind, manual: the user leaves a licensing group whose membership Graph cannot change (reference/graph.md §1.3);
// the step says exactly what to change, and where, for each kind of group.
import type { GroupKind, GroupRef } from '../model/diagnosis.ts';
import type { EntraGroup } from '../model/entra.ts';
import type { StepDraft } from '../plans/number-steps.ts';
import type { PlanSubject } from '../plans/plan-subject.ts';
import { membershipGoneCheck, noPathFromGroup } from './graph-remove-group-member.ts';
import { draft, type StepKind } from './step-kind.ts';

/** Manual: the user's membership of a group Graph cannot change (dynamic, on-premises synced, mail-enabled, role-assignable). */
export interface ManualMembershipAction {
  readonly kind: 'manual-group-membership';
  readonly groupId: string;
  readonly groupName: string;
  readonly groupKind: GroupKind;
  readonly userId: string;
}

declare module '../model/plan.ts' {
  interface StepActions {
    readonly 'manual-group-membership': ManualMembershipAction;
  }
}

/** A PowerShell single-quoted string body: quotes are doubled. */
const ps = (text: string): string => text.replace(/'/g, "''");

interface Instruction {
  readonly title: string;
  readonly why: string;
  readonly where: string;
}

function dynamic(s: PlanSubject, g: string, group: EntraGroup | undefined): Instruction {
  const rule = group?.membershipRule ?? null;
  const attribute = rule === null ? undefined : /\buser\.(\w+)/.exec(rule)?.[1];
  const tested = attribute === undefined ? `the attribute of ${s.name} that the rule tests` : `${s.name}'s ${attribute}, which the rule tests`;
  return {
    title: `Take ${s.name} out of the dynamic group '${g}'`,
    why: `'${g}' is dynamic: Entra ID picks its members by rule, so nobody can remove ${s.name} from it directly.`,
    where:
      `In the Microsoft Entra admin center > Groups > All groups > '${g}' > Dynamic membership rules, change the rule` +
      `${rule === null ? '' : ` (now: ${rule})`} so it no longer matches ${s.name}; or change ${tested} ` +
      `(Entra admin center > Users > ${s.name} > Properties). If Okta pushes that attribute, change it in Okta or its source instead, ` +
      "or Okta's next push sets it back.",
  };
}

function instruction(s: PlanSubject, ref: GroupRef, group: EntraGroup | undefined): Instruction {
  const g = ref.displayName;
  switch (ref.kind) {
    case 'dynamic':
      return dynamic(s, g, group);
    case 'on-premises-synced':
      return {
        title: `Remove ${s.name} from '${g}' in on-premises Active Directory`,
        why: `'${g}' is synced from on-premises Active Directory: Entra ID refuses changes to its members.`,
        where:
          `In on-premises Active Directory (Active Directory Users and Computers > '${g}' > Members), or in PowerShell: ` +
          `Remove-ADGroupMember -Identity '${ps(g)}' -Members (Get-ADUser -Filter "UserPrincipalName -eq '${ps(s.userPrincipalName)}'"); ` +
          'then wait for Microsoft Entra Connect to sync (every 30 minutes by default; Start-ADSyncSyncCycle -PolicyType Delta runs it now).',
      };
    case 'mail-enabled':
      return {
        title: `Remove ${s.name} from '${g}' in Exchange Online`,
        why: `'${g}' is a mail-enabled security group: Graph cannot change its members, Exchange Online can.`,
        where:
          `Exchange admin center > Recipients > Groups > '${g}' > Members: remove ${s.userPrincipalName}; or in Exchange Online PowerShell: ` +
          `Remove-DistributionGroupMember -Identity '${ps(g)}' -Member ${s.userPrincipalName} -BypassSecurityGroupManagerCheck`,
      };
    case 'role-assignable':
      return {
        title: `A Privileged Role Administrator removes ${s.name} from '${g}'`,
        why:
          `'${g}' can be assigned Entra ID roles: changing its members needs a Privileged Role Administrator, and License Doctor's app ` +
          'deliberately lacks RoleManagement.ReadWrite.Directory.',
        where:
          `Microsoft Entra admin center > Groups > All groups > '${g}' > Members: a Privileged Role Administrator removes ` +
          `${s.userPrincipalName}. ${s.name} also loses the roles the group grants.`,
      };
    case 'assigned':
      return {
        title: `Remove ${s.name} from '${g}'`,
        why: `'${g}' has assigned membership.`,
        where: `Microsoft Entra admin center > Groups > All groups > '${g}' > Members: remove ${s.userPrincipalName}.`,
      };
  }
}

interface Facts {
  readonly subject: PlanSubject;
  readonly ref: GroupRef;
  readonly group: EntraGroup | undefined;
  readonly serviceNote: string;
}

export const manualMembership: StepKind<ManualMembershipAction, Facts> = {
  kind: 'manual-group-membership',
  role: 'manual',
  vendor: null,
  readBack: 'none',
  describe: (_a, { subject: s, ref, group, serviceNote }) => {
    const i = instruction(s, ref, group);
    return { title: i.title, precondition: `${i.why} ${serviceNote}`, effect: i.where, verification: membershipGoneCheck(s, ref.displayName) };
  },
  isDone: (a, live) => noPathFromGroup(a.groupId, live),
};

/** The manual step that takes the user out of a dynamic, synced, mail-enabled or role-assignable licensing group. */
export function manualMembershipStep(s: PlanSubject, ref: GroupRef, group: EntraGroup | undefined, serviceNote: string): StepDraft {
  const action: ManualMembershipAction = { kind: 'manual-group-membership', groupId: ref.id, groupName: ref.displayName, groupKind: ref.kind, userId: s.user.id };
  return draft(manualMembership, action, { subject: s, ref, group, serviceNote });
}
