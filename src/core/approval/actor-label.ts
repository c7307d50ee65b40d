// How a person is named in policy messages and status lines.
import type { Actor } from '../model/request.ts';

/** "Patti Fernandez (patti.fernandez@contoso.com)", or the UPN alone when there is no display name. */
export function actorLabel(actor: Actor): string {
  const name = actor.displayName?.trim();
  return name ? `${name} (${actor.userPrincipalName})` : actor.userPrincipalName;
}

/** "Patti Fernandez", or the UPN when there is no display name (for one-line status text). */
export function actorName(actor: Actor): string {
  return actor.displayName?.trim() || actor.userPrincipalName;
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}
