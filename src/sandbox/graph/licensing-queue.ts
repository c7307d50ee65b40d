// Group-based licensing is asynchronous in Entra ID: after a membership or group license change, a user's
// inherited paths change only later. Each change is kept in the state (`pendingLicensing`) with its effective
// time, so that the delay also holds across processes sharing the state file.
import type { SandboxInheritedPath, SandboxPendingLicensing, SandboxState } from '../state.ts';
import type { SandboxTenant } from '../tenant.ts';
import { desiredInheritedPaths, sameId } from './group-membership.ts';

const at = (iso: string) => Date.parse(iso);

function jobsOf(state: SandboxState, userId: string): SandboxPendingLicensing[] {
  return (state.graph.pendingLicensing ?? []).filter((j) => sameId(j.userId, userId)).sort((a, b) => at(a.effectiveAt) - at(b.effectiveAt));
}

/** The inherited paths group-based licensing has applied to the user by `now`. */
export function appliedInheritedPaths(state: SandboxState, userId: string, now: Date): readonly SandboxInheritedPath[] {
  const jobs = jobsOf(state, userId);
  const t = now.getTime();
  const firstPending = jobs.find((j) => at(j.effectiveAt) > t);
  if (!firstPending) return desiredInheritedPaths(state, userId);
  const lastDone = jobs.filter((j) => at(j.effectiveAt) <= t).at(-1);
  return lastDone ? lastDone.after : firstPending.before;
}

/** Whether a change of this group's license assignment is still being applied to some member. */
export function groupLicensingInProgress(state: SandboxState, groupId: string, now: Date): boolean {
  return (state.graph.pendingLicensing ?? []).some((j) => j.groupId !== undefined && sameId(j.groupId, groupId) && at(j.effectiveAt) > now.getTime());
}

/** Key of a path in `licensePathUpdatedAt` (empty group id: the direct path). */
export const licensePathKey = (userId: string, groupId: string | null, skuId: string): string =>
  `${userId.toLowerCase()}|${(groupId ?? '').toLowerCase()}|${skuId.toLowerCase()}`;

const samePath = (a: SandboxInheritedPath, b: SandboxInheritedPath) =>
  sameId(a.groupId, b.groupId) && sameId(a.skuId, b.skuId) && [...a.disabledPlans].sort().join() === [...b.disabledPlans].sort().join();

const samePaths = (a: readonly SandboxInheritedPath[], b: readonly SandboxInheritedPath[]) =>
  a.length === b.length && a.every((p) => b.some((q) => samePath(p, q)));

/** Drops finished jobs that no longer decide what a user sees. */
function prune(state: SandboxState, now: Date): void {
  const jobs = state.graph.pendingLicensing ?? [];
  const t = now.getTime();
  const keep = jobs.filter((j) => {
    if (at(j.effectiveAt) > t) return true;
    const mine = jobsOf(state, j.userId);
    const pending = mine.some((o) => at(o.effectiveAt) > t);
    const lastDone = mine.filter((o) => at(o.effectiveAt) <= t).at(-1);
    return pending && lastDone === j;
  });
  if (keep.length > 0) state.graph.pendingLicensing = keep;
  else delete state.graph.pendingLicensing;
}

/**
 * Runs `mutate` (a membership, attribute or group license change) and schedules its effect on the inherited
 * paths of `userIds` after `behaviour.groupLicensingDelayMs`. The caller saves the tenant.
 */
export function recordLicensingChange(tenant: SandboxTenant, userIds: readonly string[], mutate: () => void, groupId?: string): void {
  const state = tenant.state;
  const now = tenant.now();
  // Only users hold licenses; a nested group moving in or out changes nothing for group-based licensing.
  const users = userIds.filter((id) => state.graph.users.some((u) => sameId(u.id, id)));
  const before = new Map(users.map((id) => [id, { shown: appliedInheritedPaths(state, id, now), target: jobsOf(state, id).at(-1)?.after }]));
  mutate();
  prune(state, now);
  const delay = tenant.behaviour.groupLicensingDelayMs;
  const effectiveAt = new Date(now.getTime() + Math.max(0, delay)).toISOString();
  const stamps = (state.graph.licensePathUpdatedAt ??= {});
  for (const [userId, was] of before) {
    const after = desiredInheritedPaths(state, userId);
    if (samePaths(after, was.target ?? was.shown)) continue;
    for (const p of after) {
      if (!was.shown.some((q) => samePath(p, q))) stamps[licensePathKey(userId, p.groupId, p.skuId)] = effectiveAt;
    }
    if (delay <= 0) continue;
    const job: SandboxPendingLicensing = { userId, effectiveAt, before: was.shown, after, ...(groupId ? { groupId } : {}) };
    (state.graph.pendingLicensing ??= []).push(job);
  }
}

/** Forgets a deleted user's pending changes. */
export function forgetLicensing(state: SandboxState, userId: string): void {
  const rest = (state.graph.pendingLicensing ?? []).filter((j) => !sameId(j.userId, userId));
  if (rest.length > 0) state.graph.pendingLicensing = rest;
  else delete state.graph.pendingLicensing;
}
