// The undo of KB paths 2 and 3: turn Okta's provisioning of the Office 365 app back on. A plan with approvals like any
// other (it reaches every assigned user): Okta pushes licenses again, so the conflict can return, and a license Okta
// does not hold that the user has directly is removed at Okta's next push — the plan says so for the diagnosed user.
import { APPROVALS_REQUIRED } from '../paths/approvals-required.ts';
import { allUsersPhrase, listPhrase } from '../diagnosis/prose.ts';
import type { Diagnosis } from '../model/diagnosis.ts';
import type { LicenseLine, Plan, PlanOptions, PlanResult } from '../model/plan.ts';
import { currentLicenseLines, oktaLicenseSet } from './license-lines.ts';
import { numberSteps } from './number-steps.ts';
import { activateProvisioningStep } from '../steps/okta-activate-provisioning.ts';
import type { PlanContext } from './plan-context.ts';
import { planSubject, type PlanSubject } from './plan-subject.ts';
import { verifyStep } from '../steps/verify.ts';

const notApplicable = (reason: string): PlanResult => ({ kind: 'not-applicable', reason });

/** A license Okta's next push removes: the user has it only directly and Okta's set lacks it (inherited ones stay). */
const lostAtNextPush = (l: LicenseLine): boolean => !l.heldByOkta && l.sources.every((s) => s.kind === 'direct');

function warnings(s: PlanSubject, n: number, lost: readonly LicenseLine[]): string[] {
  return [
    `Okta provisions ${allUsersPhrase(n)} of ${s.app.label} again: new hires are created, profile changes and deactivations are pushed, and so are licenses.`,
    "For anyone whose Okta license set lacks a license an Entra ID group gives them, Okta's pushes fail again with \"User license is inherited from a group membership\": diagnose them afterwards.",
    ...(lost.length > 0
      ? [`Okta does not hold ${listPhrase(lost.map((l) => l.productName))} for ${s.name}, who has ${lost.length === 1 ? 'it' : 'them'} directly: Okta's next push for ${s.name} removes ${lost.length === 1 ? 'it' : 'them'}.`]
      : []),
  ];
}

/** The plan that turns provisioning back on, or why it does not apply (provisioning not off, app or count unknown). */
export function provisioningOnPlan(diagnosis: Diagnosis, options: PlanOptions, context: PlanContext): PlanResult {
  const { report } = diagnosis;
  const s = planSubject(diagnosis);
  if (s === null) return notApplicable("Diagnose someone assigned to Okta's Office 365 app: turning provisioning back on needs to know the app.");
  if (report.okta?.provisioning !== 'disabled') {
    return notApplicable(report.okta?.provisioning === 'enabled'
      ? `Provisioning of ${s.app.label} is already on in Okta: there is nothing to turn back on.`
      : `License Doctor could not read whether provisioning of ${s.app.label} is on; check it in Okta before asking to turn it on.`);
  }
  const n = context.appAssignedUsers;
  if (n === null) return notApplicable(`License Doctor could not count the users assigned to ${s.app.label}, and an approver must see how many people turning provisioning back on reaches.`);
  const before = currentLicenseLines(report, new Set(oktaLicenseSet(s.oktaValues, s.skus).keys()), s.skus);
  const lost = before.filter(lostAtNextPush);
  const after = before.filter((l) => !lostAtNextPush(l));
  const steps = numberSteps([
    activateProvisioningStep(s, n),
    verifyStep(s, { expectNoGroupPathFor: [], expectLicenses: after.map((l) => l.skuId), expectOktaPush: false, expectProvisioningDisabled: false, expectProvisioningEnabled: true }),
  ]);
  const plan: Plan = {
    path: 'okta-provisioning-on',
    scope: 'app',
    options,
    approvalsRequired: APPROVALS_REQUIRED.app,
    blastRadius: { kind: 'app', appId: s.app.id, appLabel: s.app.label, assignedUsers: n },
    before,
    after,
    removedLicenses: lost,
    steps,
    needsManualSteps: false,
    warnings: warnings(s, n, lost),
    alternatives: [],
    summary:
      `Turn provisioning of ${s.app.label} back on in Okta, undoing "Entra ID owns the licenses": Okta creates, updates, deactivates and ` +
      `licenses the Office 365 accounts of ${allUsersPhrase(n)} assigned to the app again. It needs ${APPROVALS_REQUIRED.app} approvals.`,
    diagnosis,
  };
  return { kind: 'plan', plan };
}
