// The manual step for a licensing group whose membership Graph cannot change (reference/graph.md §1.3): it says
// exactly what to change, and where, for each kind of group.
import type { GroupRef } from '../model/diagnosis.ts';
import type { EntraGroup } from '../model/entra.ts';
import { membershipGoneCheck } from './graph-steps.ts';
import type { StepDraft } from './number-steps.ts';
import type { PlanSubject } from './plan-subject.ts';

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

/** The manual step that takes the user out of a dynamic, synced, mail-enabled or role-assignable licensing group. */
export function manualMembershipStep(s: PlanSubject, ref: GroupRef, group: EntraGroup | undefined, serviceNote: string): StepDraft {
  const i = instruction(s, ref, group);
  return {
    action: { kind: 'manual-group-membership', groupId: ref.id, groupName: ref.displayName, groupKind: ref.kind, userId: s.user.id },
    automatic: false,
    title: i.title,
    precondition: `${i.why} ${serviceNote}`,
    effect: i.where,
    verification: membershipGoneCheck(s, ref.displayName),
  };
}
