// Turns "who is acting" (a UPN from --as, a Slack user's email, a Teams user's object id) into an Actor, through Entra.
import { LicenseDoctorError } from '../core/errors.ts';
import type { Actor, CliIdentity, Surface } from '../core/model/request.ts';
import type { EntraDirectory } from '../core/ports/entra-directory.ts';

/** The Entra user behind an identity; refuses (policy) a person who is not a user of the tenant. */
export async function resolveActor(
  entra: EntraDirectory,
  who: { readonly upnOrId: string; readonly surface: Surface; readonly surfaceUserId?: string | null; readonly cli?: CliIdentity },
): Promise<Actor> {
  const id = who.upnOrId.trim();
  const user = (await entra.getUser(id)) ?? (id.includes('@') ? await entra.findUserByMail(id) : null);
  if (!user) {
    throw new LicenseDoctorError('policy', `${id} is not a user of this Entra ID tenant, so License Doctor cannot check what they may do.`, { actor: id });
  }
  return {
    userPrincipalName: user.userPrincipalName.toLowerCase(),
    displayName: user.displayName,
    entraObjectId: user.id,
    surface: who.surface,
    surfaceUserId: who.surfaceUserId ?? null,
    ...(who.cli ? { cli: who.cli } : {}),
  };
}
