// Step kind: the last step of every plan. It changes nothing: it waits until Okta's sync state, its System Log and
// Graph's license states agree with the plan's "after" (src/app/verify-plan.ts does the waiting).
import { listPhrase } from '../diagnosis/prose.ts';
import type { DiagnosisInput } from '../model/diagnosis.ts';
import { productOf } from '../plans/license-lines.ts';
import type { StepDraft } from '../plans/number-steps.ts';
import type { PlanSubject } from '../plans/plan-subject.ts';
import { GRANTING, licensePaths, provisioningOff, provisioningOn, pushedSince, same } from './live-state.ts';
import { draft, type StepKind } from './step-kind.ts';

/** What the verify step expects. */
export interface VerifyExpectations {
  /** SKUs that must no longer come from any group. */
  readonly expectNoGroupPathFor: readonly string[];
  /** SKUs the user must have afterwards. */
  readonly expectLicenses: readonly string[];
  /** A successful Okta push (SYNCHRONIZED, no newer failure) is part of success. */
  readonly expectOktaPush: boolean;
  /** Okta's provisioning connection must be off (paths 2 and 3). */
  readonly expectProvisioningDisabled: boolean;
  /** Okta's provisioning connection must be on (the undo of paths 2 and 3). */
  readonly expectProvisioningEnabled?: boolean;
}

/** Wait until Okta's sync state, the System Log and Graph's license states agree with the plan's "after". */
export interface VerifyAction extends VerifyExpectations {
  readonly kind: 'verify';
  readonly userId: string;
  readonly appId: string;
  readonly oktaUserId: string;
}

declare module '../model/plan.ts' {
  interface StepActions {
    readonly verify: VerifyAction;
  }
}

function checks(s: PlanSubject, e: VerifyExpectations): string[] {
  const products = (ids: readonly string[]) => listPhrase(ids.map((id) => productOf(id, s.skus)));
  return [
    ...(e.expectProvisioningDisabled ? [`provisioning of ${s.app.label} is DISABLED`] : []),
    ...(e.expectProvisioningEnabled === true ? [`provisioning of ${s.app.label} is ENABLED`] : []),
    ...(e.expectOktaPush ? [`Okta's latest push for ${s.name} succeeded (SYNCHRONIZED, no newer failure)`] : []),
    ...(e.expectNoGroupPathFor.length > 0 ? [`no Entra ID group grants ${s.name} ${products(e.expectNoGroupPathFor)}`] : []),
    e.expectLicenses.length > 0 ? `${s.name} has ${products(e.expectLicenses)}` : `${s.name} is expected to have no licenses`,
  ];
}

function verified(a: VerifyAction, live: DiagnosisInput, since: string): boolean {
  if (live.entra.user === null) return false;
  const granting = licensePaths(live).filter((p) => GRANTING.has(p.state));
  const noGroupPath = a.expectNoGroupPathFor.every((sku) => !granting.some((p) => p.assignedByGroup !== null && same(p.skuId, sku)));
  const hasAll = a.expectLicenses.every((sku) => granting.some((p) => same(p.skuId, sku)));
  return noGroupPath && hasAll && (!a.expectOktaPush || pushedSince(live, since)) && (!a.expectProvisioningDisabled || provisioningOff(live))
    && (a.expectProvisioningEnabled !== true || provisioningOn(live));
}

export const verify: StepKind<VerifyAction, PlanSubject> = {
  kind: 'verify',
  role: 'verify',
  vendor: null,
  readBack: 'none',
  describe: (a, s) => {
    const reads = [
      ...(a.expectProvisioningDisabled || a.expectProvisioningEnabled === true ? [`GET /api/v1/apps/${a.appId}/connections/default`] : []),
      ...(a.expectOktaPush ? [`GET /api/v1/apps/${a.appId}/users/${a.oktaUserId} (syncState)`, `GET /api/v1/logs (push failures for ${s.name})`] : []),
      `GET /v1.0/users/${a.userId} (licenseAssignmentStates)`,
    ];
    const fallback = a.expectOktaPush
      ? " If Okta has not pushed in time, the plan ends needing a manual step: retry the failed task in Okta Admin Console > Dashboard > Tasks, and a later Re-check completes it."
      : '';
    return {
      title: a.expectProvisioningDisabled
        ? `Check that provisioning of ${s.app.label} is off and ${s.name} keeps the same licenses`
        : a.expectProvisioningEnabled === true
          ? `Check that provisioning of ${s.app.label} is on and ${s.name} keeps the licenses`
          : `Check that Okta and Entra ID agree on ${s.name}'s licenses`,
      precondition: 'The steps before are done.',
      effect: `Reads ${reads.join(', ')} until they agree or the time limit passes; changes nothing.`,
      verification: `${checks(s, a).join('; ')}.${fallback}`,
    };
  },
  isDone: verified,
  noGroupPathFor: (a) => a.expectNoGroupPathFor,
};

/** The verify step for the expectations. */
export function verifyStep(s: PlanSubject, e: VerifyExpectations): StepDraft {
  return draft(verify, { kind: 'verify', userId: s.user.id, appId: s.app.id, oktaUserId: s.oktaUserId, ...e }, s);
}
