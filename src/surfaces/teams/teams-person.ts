// Who acts in Teams: the activity's `from` account. Entra identity is the Entra object id Teams sends as
// `aadObjectId`; every policy check resolves it through Graph.
import type { ChatPerson } from '../chat/chat-person.ts';

/** The `from` of a Teams activity (the fields License Doctor reads). */
export interface TeamsAccount {
  readonly id: string;
  readonly name?: string;
  readonly aadObjectId?: string;
}

/** The person behind `from`, or null when Teams did not say who they are in Entra ID (no aadObjectId). */
export function teamsPerson(from: TeamsAccount | undefined): ChatPerson | null {
  const objectId = from?.aadObjectId?.trim();
  if (!from || !objectId) return null;
  return { surface: 'teams', surfaceUserId: from.id, entraIdentity: objectId, displayName: from.name ?? null };
}

/** What to say when teamsPerson returns null. */
export const UNKNOWN_PERSON_MESSAGE =
  'License Doctor cannot tell who you are: Teams sent no Entra object id with this message. Guests and anonymous users cannot use it.';
