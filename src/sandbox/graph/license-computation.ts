// What Graph reports about a user's licenses, computed from the sandbox state: one licenseAssignmentState per
// direct license and per (licensed group the user is a direct member of) x SKU, `licensePathErrors`
// overriding a group path's state, and assignedLicenses with one entry per SKU the user really has.
import { findByKey } from '../member-index.ts';
import type { SandboxEntraUser, SandboxState } from '../state.ts';
import { sameId } from './group-membership.ts';
import { appliedInheritedPaths, licensePathKey } from './licensing-queue.ts';

/** `licenseAssignmentState` as Graph serialises it (Graph sends the string "None" when there is no error). */
export interface GraphLicenseAssignmentState {
  readonly assignedByGroup: string | null;
  readonly disabledPlans: string[];
  readonly error: string;
  readonly lastUpdatedDateTime: string;
  readonly skuId: string;
  readonly state: string;
}

/** `assignedLicense` as Graph serialises it. */
export interface GraphAssignedLicense {
  readonly disabledPlans: string[];
  readonly skuId: string;
}

const DAY_MS = 86_400_000;

let fallbackCache = { day: Number.NaN, text: '' };

// Seeded paths have no recorded time: report a stable day long enough ago to read as "assigned earlier".
function fallbackTime(now: Date): string {
  const day = Math.floor(now.getTime() / DAY_MS);
  if (fallbackCache.day !== day) fallbackCache = { day, text: graphDateTime(new Date(day * DAY_MS - 90 * DAY_MS)) };
  return fallbackCache.text;
}

/** DateTimeOffset as Graph writes it for license paths: seconds, `Z`. */
const graphDateTime = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

function stamp(state: SandboxState, key: string, now: Date): string {
  const recorded = state.graph.licensePathUpdatedAt?.[key];
  return recorded !== undefined && Date.parse(recorded) <= now.getTime() ? graphDateTime(new Date(recorded)) : fallbackTime(now);
}

/** The user's license paths as Graph returns them in `licenseAssignmentStates`. */
export function licenseAssignmentStates(state: SandboxState, user: SandboxEntraUser, now: Date): GraphLicenseAssignmentState[] {
  const direct = user.directLicenses.map((l) => ({
    assignedByGroup: null,
    disabledPlans: [...l.disabledPlans],
    error: 'None',
    lastUpdatedDateTime: stamp(state, licensePathKey(user.id, null, l.skuId), now),
    skuId: l.skuId.toLowerCase(),
    state: 'Active',
  }));
  const inherited = appliedInheritedPaths(state, user.id, now).map((p) => {
    const override = findByKey(state.graph.licensePathErrors, `${user.id}|${p.groupId}|${p.skuId}`, (e) => `${e.userId}|${e.groupId}|${e.skuId}`);
    return {
      assignedByGroup: p.groupId,
      disabledPlans: [...p.disabledPlans],
      error: override?.error ?? 'None',
      lastUpdatedDateTime: stamp(state, licensePathKey(user.id, p.groupId, p.skuId), now),
      skuId: p.skuId,
      state: override?.state ?? 'Active',
    };
  });
  return [...direct, ...inherited];
}

/** A path that really puts the license on the user (a path in state Error grants nothing). */
export const grantsLicense = (s: { readonly state: string }): boolean => s.state === 'Active' || s.state === 'ActiveWithError';

/** `assignedLicenses`: one entry per SKU with a granting path; a plan is disabled only if every path disables it. */
export function assignedLicensesFrom(states: readonly GraphLicenseAssignmentState[]): GraphAssignedLicense[] {
  const bySku = new Map<string, string[][]>();
  for (const s of states.filter(grantsLicense)) bySku.set(s.skuId, [...(bySku.get(s.skuId) ?? []), s.disabledPlans]);
  return [...bySku].map(([skuId, lists]) => ({
    disabledPlans: (lists[0] ?? []).filter((plan) => lists.every((l) => l.includes(plan))),
    skuId,
  }));
}

/** Seats in use of every SKU at once (one pass over the users, for `/subscribedSkus` of a large tenant). */
export function consumedUnitsBySku(state: SandboxState, now: Date): Map<string, number> {
  const counts = new Map<string, number>();
  for (const u of state.graph.users) {
    const skus = new Set(licenseAssignmentStates(state, u, now).filter(grantsLicense).map((s) => s.skuId.toLowerCase()));
    for (const sku of skus) counts.set(sku, (counts.get(sku) ?? 0) + 1);
  }
  return counts;
}

/** Seats of a SKU in use: users with at least one granting path for it (a user counts once). */
export function consumedUnits(state: SandboxState, skuId: string, now: Date): number {
  return state.graph.users.filter((u) => licenseAssignmentStates(state, u, now).some((s) => grantsLicense(s) && sameId(s.skuId, skuId))).length;
}
