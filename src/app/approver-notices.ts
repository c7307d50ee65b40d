// The approver's side: who to tell when a request needs approval (the approvers group's users and the explicit list,
// minus the requester and whoever already approved), and which notices are due — the announcement of a new request
// and its one reminder before it expires — each claimed in the store, so several instances send it once.
import { samePerson } from '../core/approval/same-person.ts';
import type { EntraUser } from '../core/model/entra.ts';
import { approvalsOf, type Actor, type LicenseRequest } from '../core/model/request.ts';
import type { ServiceDeps } from './service-deps.ts';

/** How often the chat surfaces look for due reminders. */
export const REMINDER_INTERVAL_MS = 60_000;

/** Reminders go out this long before expiry at most (a quarter of a short request's life at least). */
const REMINDER_LEAD_MS = 3_600_000;

const asActor = (u: EntraUser): Actor => ({ userPrincipalName: u.userPrincipalName, displayName: u.displayName, entraObjectId: u.id, surface: 'cli', surfaceUserId: null });

/** The approvers to tell about `request`: everyone who may still approve it. */
export async function approversToNotify(deps: ServiceDeps, request: LicenseRequest): Promise<EntraUser[]> {
  const { entra } = deps.diagnose;
  const group = deps.policy.groupId ? await entra.listGroupUsers(deps.policy.groupId) : [];
  const listed = (await Promise.all(deps.policy.approvers.map((upn) => entra.getUser(upn)))).filter((u): u is EntraUser => u !== null);
  const approved = approvalsOf(request).map((d) => d.by);
  const people = new Map<string, EntraUser>();
  for (const u of [...group, ...listed]) {
    const actor = asActor(u);
    if (u.accountEnabled === false || samePerson(actor, request.requestedBy) || approved.some((a) => samePerson(a, actor))) continue;
    people.set(u.id.toLowerCase(), u);
  }
  return [...people.values()];
}

/** When `request`'s reminder is due: an hour before it expires, or a quarter of its life for short-lived ones. */
function reminderAt(request: LicenseRequest): number {
  const end = Date.parse(request.expiresAt);
  const lead = Math.min(REMINDER_LEAD_MS, (end - Date.parse(request.createdAt)) / 4);
  return end - lead;
}

/** Claims the announcement of `requestId` on `channel`: true the first time, on whichever instance. */
export function claimAnnouncement(deps: Pick<ServiceDeps, 'claims' | 'clock'>, channel: string, requestId: string): Promise<boolean> {
  return deps.claims.claimNotice(`new:${channel}:${requestId}`, new Date(deps.clock.now()).toISOString());
}

/**
 * The notices due on `channel` (slack, teams), each claimed so it is sent once: announcements of pending requests no
 * instance announced yet (created by the command line, or on an instance that stopped), and reminders before expiry.
 */
export async function dueNotices(deps: Pick<ServiceDeps, 'requests' | 'claims' | 'clock'>, channel: string): Promise<Array<{ request: LicenseRequest; kind: 'new' | 'reminder' }>> {
  const now = deps.clock.now();
  const due: Array<{ request: LicenseRequest; kind: 'new' | 'reminder' }> = [];
  for (const r of await deps.requests.list({ statuses: ['pending'] })) {
    if (now >= Date.parse(r.expiresAt)) continue;
    if (await claimAnnouncement(deps, channel, r.id)) due.push({ request: r, kind: 'new' });
    if (now >= reminderAt(r) && await deps.claims.claimNotice(`reminder:${channel}:${r.id}`, new Date(now).toISOString())) due.push({ request: r, kind: 'reminder' });
  }
  return due;
}
