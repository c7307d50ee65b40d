// The last step of every plan: wait until Okta's sync state, its System Log and Graph's license states agree
// with the plan's "after".
import { listPhrase } from '../diagnosis/prose.ts';
import { productOf } from './license-lines.ts';
import type { StepDraft } from './number-steps.ts';
import type { PlanSubject } from './plan-subject.ts';

/** What the verify step expects. */
export interface VerifyExpectations {
  readonly expectNoGroupPathFor: readonly string[];
  readonly expectLicenses: readonly string[];
  readonly expectOktaPush: boolean;
  readonly expectProvisioningDisabled: boolean;
  readonly expectProvisioningEnabled?: boolean;
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

/** The verify step for the expectations. */
export function verifyStep(s: PlanSubject, e: VerifyExpectations): StepDraft {
  const reads = [
    ...(e.expectProvisioningDisabled || e.expectProvisioningEnabled === true ? [`GET /api/v1/apps/${s.app.id}/connections/default`] : []),
    ...(e.expectOktaPush ? [`GET /api/v1/apps/${s.app.id}/users/${s.oktaUserId} (syncState)`, `GET /api/v1/logs (push failures for ${s.name})`] : []),
    `GET /v1.0/users/${s.user.id} (licenseAssignmentStates)`,
  ];
  const fallback = e.expectOktaPush
    ? " If Okta has not pushed in time, the plan ends needing a manual step: retry the failed task in Okta Admin Console > Dashboard > Tasks, and a later Re-check completes it."
    : '';
  return {
    action: { kind: 'verify', userId: s.user.id, appId: s.app.id, oktaUserId: s.oktaUserId, ...e },
    automatic: true,
    title: e.expectProvisioningDisabled
      ? `Check that provisioning of ${s.app.label} is off and ${s.name} keeps the same licenses`
      : e.expectProvisioningEnabled === true
        ? `Check that provisioning of ${s.app.label} is on and ${s.name} keeps the licenses`
        : `Check that Okta and Entra ID agree on ${s.name}'s licenses`,
    precondition: 'The steps before are done.',
    effect: `Reads ${reads.join(', ')} until they agree or the time limit passes; changes nothing.`,
    verification: `${checks(s, e).join('; ')}.${fallback}`,
  };
}
