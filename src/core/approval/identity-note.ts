// How sure License Doctor is of who acted: chat platforms vouch for their users; the command line only for the OS
// account that ran it, unless the operator signed in with Entra ID (`--login`).
import type { Actor, CliIdentity } from '../model/request.ts';

const SIGN_IN: Readonly<Record<NonNullable<CliIdentity['signIn']>, string>> = {
  'azure-cli': 'Azure CLI',
  'device-code': 'device code',
};

/** "identity asserted, not verified", or "verified by Entra ID sign-in (Azure CLI)", for the audit log. */
export function identityAssurance(identity: CliIdentity): string {
  return identity.signIn === null ? 'identity asserted, not verified' : `verified by Entra ID sign-in (${SIGN_IN[identity.signIn]})`;
}

/** "via CLI, OS user ops; identity asserted, not verified" for a command-line actor; null for chat users. */
export function identityNote(actor: Actor): string | null {
  if (actor.surface !== 'cli') return null;
  const identity = actor.cli ?? { osUser: actor.surfaceUserId ?? 'unknown', signIn: null };
  return `via CLI, OS user ${identity.osUser}; ${identityAssurance(identity)}`;
}

/** What the audit log records about a command-line actor (empty for chat users). */
export function identityAudit(actor: Actor): Readonly<Record<string, string>> {
  if (actor.surface !== 'cli') return {};
  const identity = actor.cli ?? { osUser: actor.surfaceUserId ?? 'unknown', signIn: null };
  return { via: 'cli', osUser: identity.osUser, identity: identityAssurance(identity) };
}
