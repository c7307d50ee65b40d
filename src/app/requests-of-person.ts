// Use case: `my requests` — what a person asked for, and the pending requests they may approve (the approvers check is
// the same live one a decision makes, so the list never offers a request they would be refused on).
import { canDecide } from '../core/approval/can-decide.ts';
import { samePerson } from '../core/approval/same-person.ts';
import type { LicenseRequest, Surface } from '../core/model/request.ts';
import { isApprover } from './approvers.ts';
import { resolveActor } from './resolve-actor.ts';
import type { ServiceDeps } from './service-deps.ts';

/** How many of each list a chat shows (the CLI's `requests` lists everything). */
const MY_REQUESTS_LIMIT = 10;
// Requests are listed newest first; a person's recent ones are among the latest few hundred of the whole store.
const SCAN = 500;

/** The person's latest requests and the pending ones waiting for their approval; a stranger is refused (policy). */
export async function requestsOfPerson(
  deps: Pick<ServiceDeps, 'diagnose' | 'requests' | 'policy' | 'clock'>,
  who: { readonly upnOrId: string; readonly surface: Surface; readonly surfaceUserId?: string | null },
): Promise<{ mine: LicenseRequest[]; awaitingMe: LicenseRequest[] }> {
  const actor = await resolveActor(deps.diagnose.entra, who);
  const recent = await deps.requests.list({ limit: SCAN });
  const mine = recent.filter((r) => samePerson(r.requestedBy, actor)).slice(0, MY_REQUESTS_LIMIT);
  const pending = recent.filter((r) => r.status === 'pending' && !samePerson(r.requestedBy, actor));
  if (pending.length === 0 || !(await isApprover(deps.diagnose.entra, deps.policy, actor))) return { mine, awaitingMe: [] };
  const now = new Date(deps.clock.now()).toISOString();
  const awaitingMe = pending.filter((r) => canDecide(r, actor, true, now).allowed).slice(0, MY_REQUESTS_LIMIT);
  return { mine, awaitingMe };
}
