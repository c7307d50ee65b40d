// Whether a step's effect is already in the live state: the executor's idempotency check before each step, the
// re-check of manual steps, and the verify step's poll. Only what the live state shows counts.
import type { DiagnosisInput } from '../model/diagnosis.ts';
import type { LicenseAssignmentState } from '../model/entra.ts';
import type { PlanStep, PlanStepAction } from '../model/plan.ts';
import { oktaLicenseValues } from '../licensing/okta-license-values.ts';

export type StepState = 'done' | 'not-done';

const GRANTING: ReadonlySet<string> = new Set(['Active', 'ActiveWithError']);
const same = (a: string | null, b: string): boolean => a !== null && a.toLowerCase() === b.toLowerCase();
const norm = (v: string): string => v.trim().toLowerCase();

/** True when `iso` is a valid time strictly after `since`. */
function isAfter(iso: string | null, since: string): boolean {
  const t = iso === null ? Number.NaN : Date.parse(iso);
  const s = Date.parse(since);
  return !Number.isNaN(t) && !Number.isNaN(s) && t > s;
}

/** Okta's values of `attribute` for the live app user include every one of `wanted` (case-insensitive). */
function oktaHolds(live: DiagnosisInput, attribute: string, wanted: readonly string[]): boolean {
  const appUser = live.okta?.appUser ?? null;
  if (appUser === null) return false;
  const held = new Set(oktaLicenseValues(appUser, { licensesAttribute: attribute, rolesAttribute: null }).map(norm));
  return wanted.every((v) => held.has(norm(v)));
}

/** Okta pushed successfully after `since`: SYNCHRONIZED, a later lastSync, and no push failure after that sync. */
function pushedSince(live: DiagnosisInput, since: string): boolean {
  const appUser = live.okta?.appUser ?? null;
  if (appUser === null || appUser.syncState !== 'SYNCHRONIZED' || !isAfter(appUser.lastSync, since)) return false;
  return !(live.okta?.pushFailures ?? []).some((f) => isAfter(f.published, appUser.lastSync ?? since));
}

const provisioningOff = (live: DiagnosisInput): boolean => live.okta?.provisioning?.connection === 'DISABLED';
const provisioningOn = (live: DiagnosisInput): boolean => live.okta?.provisioning?.connection === 'ENABLED';

function verified(a: Extract<PlanStepAction, { kind: 'verify' }>, live: DiagnosisInput, paths: readonly LicenseAssignmentState[], since: string): boolean {
  const granting = paths.filter((p) => GRANTING.has(p.state));
  const noGroupPath = a.expectNoGroupPathFor.every((sku) => !granting.some((p) => p.assignedByGroup !== null && same(p.skuId, sku)));
  const hasAll = a.expectLicenses.every((sku) => granting.some((p) => same(p.skuId, sku)));
  return noGroupPath && hasAll && (!a.expectOktaPush || pushedSince(live, since)) && (!a.expectProvisioningDisabled || provisioningOff(live))
    && (a.expectProvisioningEnabled !== true || provisioningOn(live));
}

function removalDone(a: Extract<PlanStepAction, { kind: 'graph-remove-group-license' }>, live: DiagnosisInput, paths: readonly LicenseAssignmentState[]): boolean {
  const group = live.entra.groups.find((g) => same(g.id, a.groupId));
  const groupLacks = group !== undefined && a.skuIds.every((sku) => !group.assignedLicenses.some((l) => same(l.skuId, sku)));
  // The live state reads only groups that still license the user: once the change is applied, the path is the evidence.
  const noPath = !paths.some((p) => same(p.assignedByGroup, a.groupId) && a.skuIds.some((sku) => same(p.skuId, sku)));
  return groupLacks || noPath;
}

/**
 * 'done' when the step's effect is present in `live`. `since` (ISO 8601) is when the executor last changed something
 * for the plan (or when execution started): a re-push and the verify step count only an Okta sync after it.
 * Without a live Entra user, nothing about the user's licenses is observable, so Graph steps are 'not-done'.
 * A Workflows invocation leaves nothing observable: it is always 'not-done' (invoking the flow again is harmless).
 */
export function stepState(step: PlanStep, live: DiagnosisInput, since: string): StepState {
  const a = step.action;
  const user = live.entra.user;
  const paths = user?.licenseAssignmentStates ?? [];
  const done = ((): boolean => {
    switch (a.kind) {
      case 'okta-set-user-licenses':
        return oktaHolds(live, a.attribute, a.values);
      case 'manual-okta-group-assignment':
        // A GROUP-scoped app user's values come from the group assignment: the user's values show the change.
        return oktaHolds(live, a.attribute, a.addValues);
      case 'graph-assign-direct-license':
        return paths.some((p) => p.assignedByGroup === null && same(p.skuId, a.license.skuId) && GRANTING.has(p.state));
      case 'graph-remove-group-member':
      case 'manual-group-membership':
        return user !== null && !paths.some((p) => same(p.assignedByGroup, a.groupId));
      case 'graph-remove-group-license':
        return user !== null && removalDone(a, live, paths);
      case 'okta-repush':
        return pushedSince(live, since);
      case 'okta-deactivate-provisioning':
        return provisioningOff(live);
      case 'okta-activate-provisioning':
        return provisioningOn(live);
      case 'workflows-invoke':
        return false;
      case 'manual-build-workflows-flow':
        return live.workflowsConfigured;
      case 'verify':
        return user !== null && verified(a, live, paths, since);
    }
  })();
  return done ? 'done' : 'not-done';
}
