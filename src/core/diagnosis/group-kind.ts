import type { EntraGroup } from '../model/entra.ts';
import type { GroupKind } from '../model/diagnosis.ts';

/**
 * How the group's membership is managed, which decides who can take a user out of it: on-premises AD (synced),
 * its rule (dynamic), a privileged role (role-assignable), Exchange Online (mail-enabled), or Graph (assigned).
 */
export function groupKind(group: EntraGroup): GroupKind {
  const types = group.groupTypes.map((t) => t.toLowerCase());
  if (group.onPremisesSyncEnabled === true) return 'on-premises-synced';
  if (types.includes('dynamicmembership')) return 'dynamic';
  if (group.isAssignableToRole === true) return 'role-assignable';
  // Microsoft 365 (Unified) groups are mail-enabled too, but Graph manages their members.
  if (group.mailEnabled && !types.includes('unified')) return 'mail-enabled';
  return 'assigned';
}
