// Small wording helpers shared by the explanation, remedies and headline.
import type { GroupRef } from '../model/diagnosis.ts';
import type { EntraGroup } from '../model/entra.ts';

/** "A", "A and B", "A, B and C". */
export function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** The group named so that its kind is clear where the kind changes what can be done. */
export function groupPhrase(ref: GroupRef, group: EntraGroup | undefined): string {
  if (!group) return `an Entra ID group I could not read (id ${ref.id})`;
  const name = `'${ref.displayName}'`;
  switch (ref.kind) {
    case 'assigned':
      return `the Entra ID group ${name}`;
    case 'dynamic':
      return group.membershipRule
        ? `the dynamic Entra ID group ${name} (members by rule: ${group.membershipRule})`
        : `the dynamic Entra ID group ${name}`;
    case 'on-premises-synced':
      return `the Entra ID group ${name}, synced from on-premises Active Directory`;
    case 'mail-enabled':
      return `the mail-enabled security group ${name}`;
    case 'role-assignable':
      return `the role-assignable Entra ID group ${name}`;
  }
}

/** "it" or "them", for one or several licenses. */
export const itOrThem = (n: number): string => (n === 1 ? 'it' : 'them');

/** "all 184 users", "the 1 user", "more than 500 users". */
export const allUsersPhrase = (n: number, more = false): string => (more ? `more than ${n} users` : n === 1 ? 'the 1 user' : `all ${n} users`);
