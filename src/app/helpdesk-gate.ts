// Who may use License Doctor at all: members (transitive) of HELPDESK_GROUP_ID may diagnose, preview plans and file
// requests, from any surface. Asked of Graph and remembered for a minute per person, so a burst of diagnoses costs
// one membership check while a removal from the group still takes effect within the minute. Approvers are checked
// separately, live, on every decision (approvers.ts).
import { LicenseDoctorError } from '../core/errors.ts';
import type { Actor, Surface } from '../core/model/request.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { EntraDirectory } from '../core/ports/entra-directory.ts';
import { resolveActor } from './resolve-actor.ts';

/** Who is asking, as a surface knows them. */
export interface Asker {
  readonly upnOrId: string;
  readonly surface: Surface;
  readonly surfaceUserId?: string | null;
}

/** Who was let in, as the audit log records them. */
export interface Admitted {
  readonly who: string;
  readonly entraObjectId: string | null;
}

const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

type Verdict = { readonly allowed: true; readonly actor: Actor } | { readonly allowed: false; readonly actor: Actor };

export class HelpdeskGate {
  private readonly cache = new Map<string, { readonly at: number; readonly verdict: Promise<Verdict> }>();
  private readonly entra: EntraDirectory;
  private readonly groupId: string | null;
  private readonly clock: Clock;

  constructor(entra: EntraDirectory, groupId: string | null, clock: Clock) {
    this.entra = entra;
    this.groupId = groupId;
    this.clock = clock;
  }

  /** Lets `asker` in, or throws a policy error saying why not and what to do. Without a group everyone is let in. */
  async admit(asker: Asker): Promise<Admitted> {
    if (!this.groupId) return { who: asker.upnOrId.trim().toLowerCase(), entraObjectId: null };
    const verdict = await this.verdict(asker, this.groupId);
    if (!verdict.allowed) {
      throw new LicenseDoctorError('policy', `${verdict.actor.displayName ?? verdict.actor.userPrincipalName} is not in the helpdesk group License Doctor serves, so it does not diagnose, plan or request for them. Ask your administrator to add you to that group (HELPDESK_GROUP_ID).`, { actor: verdict.actor.userPrincipalName });
    }
    return { who: verdict.actor.userPrincipalName, entraObjectId: verdict.actor.entraObjectId };
  }

  private verdict(asker: Asker, groupId: string): Promise<Verdict> {
    const key = `${asker.surface}:${asker.upnOrId.trim().toLowerCase()}`;
    const now = this.clock.now();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < TTL_MS) return hit.verdict;
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    const verdict = (async (): Promise<Verdict> => {
      const actor = await resolveActor(this.entra, asker);
      const memberOf = actor.entraObjectId ? await this.entra.checkMemberGroups(actor.entraObjectId, [groupId]) : [];
      return { allowed: memberOf.some((id) => id.toLowerCase() === groupId), actor };
    })();
    this.cache.set(key, { at: now, verdict });
    // A failed check (Graph unreachable, unknown person) is not remembered: the next attempt asks again.
    verdict.catch(() => {
      if (this.cache.get(key)?.verdict === verdict) this.cache.delete(key);
    });
    return verdict;
  }
}
