// KB paths 2 and 3: Entra ID keeps the licenses and Okta's provisioning of the Office 365 app is turned off, for every
// assigned user. Path 3 adds an Okta Workflows flow for the non-license attributes (or the checklist to build one).
import type { LicenseLine, Plan, PlanOptions, PlanResult } from '../model/plan.ts';
import { allUsersPhrase, listPhrase } from '../diagnosis/prose.ts';
import { APPROVALS_REQUIRED } from '../paths/approvals-required.ts';
import { currentLicenseLines, oktaLicenseSet } from './license-lines.ts';
import { numberSteps } from './number-steps.ts';
import { deactivateProvisioningStep } from '../steps/okta-deactivate-provisioning.ts';
import type { PlanContext } from './plan-context.ts';
import type { PlanSubject } from './plan-subject.ts';
import { verifyStep } from '../steps/verify.ts';
import { buildWorkflowsFlowStep } from '../steps/manual-build-workflows-flow.ts';
import { workflowsInvokeStep } from '../steps/workflows-invoke.ts';

type AppPath = 'entra-owns-licenses' | 'okta-workflows-profile-only';

function withSources(lines: readonly LicenseLine[]): string {
  if (lines.length === 0) return 'none';
  return listPhrase(lines.map((l) => {
    const from = l.sources.map((s) => (s.kind === 'direct' ? 'directly' : `from '${s.groupName}'`));
    return `${l.productName} (${listPhrase(from)})`;
  }));
}

function warnings(s: PlanSubject, path: AppPath, n: number, more: boolean, workflows: boolean): string[] {
  const app = s.app.label;
  const radius = path === 'okta-workflows-profile-only' && workflows
    ? 'new hires are not created and deactivations are not pushed; profile attributes are pushed only by the Okta Workflows flow'
    : 'new hires are not created, profile changes and deactivations are not pushed';
  return [
    `Okta stops provisioning ${allUsersPhrase(n, more)} of ${app}: ${radius}. Someone deactivated in Okta keeps an enabled Microsoft 365 account until it is disabled in Entra ID.`,
    'Licenses stay as they are: Okta no longer assigns or removes any, so Entra ID group-based licensing must grant every license users need from now on, new hires included.',
    `Turning provisioning back on (POST /api/v1/apps/${s.app.id}/connections/default/lifecycle/activate) makes Okta push licenses again, and the conflict returns unless Okta's licenses match.`,
    ...(path === 'okta-workflows-profile-only' && !workflows
      ? ['No Okta Workflows flow is configured: building one needs an Okta Workflows subscription, and until it runs, profile attributes are not pushed.']
      : []),
    ...(s.user.usageLocation
      ? []
      : [`${s.name} has no usage location: group-based licensing uses the tenant's country, but any direct license for ${s.name} fails until one is set.`]),
  ];
}

function alternatives(s: PlanSubject): string[] {
  return [
    `Instead of turning provisioning off, select "User Attributes Only" in Okta Admin Console > Applications > ${s.app.label} > Provisioning > To App: ` +
      "Okta stops managing licenses and roles but keeps creating, updating and deactivating users. It is not in Okta's API, so a person sets it; " +
      'License Doctor cannot read that setting, so a later diagnosis may still report the conflict.',
  ];
}

function summary(s: PlanSubject, path: AppPath, n: number, more: boolean, workflows: boolean, before: readonly LicenseLine[]): string {
  const flow = path !== 'okta-workflows-profile-only'
    ? ''
    : workflows
      ? ` Then the configured Okta Workflows flow pushes ${s.name}'s non-license attributes.`
      : ' Then an Okta Workflows flow must be built to push non-license attributes (the checklist is included; it needs an Okta Workflows subscription), so the plan cannot finish on its own.';
  return (
    `Make Entra ID the only source of licenses: turn off provisioning of ${s.app.label} in Okta, so Okta stops pushing licenses. ` +
    `This reaches ${allUsersPhrase(n, more)} assigned to the app, not only ${s.name}: Okta no longer creates, updates or deactivates their Office 365 accounts.${flow} ` +
    `${s.name}'s licenses stay as they are: ${withSources(before)}. It needs ${APPROVALS_REQUIRED.app} approvals.`
  );
}

/** Builds path 2 or 3 for the subject; `not-applicable` when the app's assigned users could not be counted. */
export function provisioningOffPlan(s: PlanSubject, path: AppPath, options: PlanOptions, context: PlanContext): PlanResult {
  const n = context.appAssignedUsers;
  if (n === null) {
    return { kind: 'not-applicable', reason: `License Doctor could not count the users assigned to ${s.app.label}, and an approver must see how many people turning off provisioning reaches.` };
  }
  const more = context.appAssignedUsersMore ?? false;
  const workflows = context.workflowsConfigured;
  const before = currentLicenseLines(s.diagnosis.report, new Set(oktaLicenseSet(s.oktaValues, s.skus, s.licenseSchema?.licenseValues).keys()), s.skus);
  const flowStep = path === 'okta-workflows-profile-only' ? [workflows ? workflowsInvokeStep(s) : buildWorkflowsFlowStep(s)] : [];
  const steps = numberSteps([
    deactivateProvisioningStep(s, n, more),
    ...flowStep,
    verifyStep(s, { expectNoGroupPathFor: [], expectLicenses: before.map((l) => l.skuId), expectOktaPush: false, expectProvisioningDisabled: true }),
  ]);
  const plan: Plan = {
    path,
    scope: 'app',
    options,
    approvalsRequired: APPROVALS_REQUIRED.app,
    blastRadius: { kind: 'app', appId: s.app.id, appLabel: s.app.label, assignedUsers: n, ...(more ? { assignedUsersMore: true } : {}) },
    before,
    after: before,
    removedLicenses: [],
    steps,
    needsManualSteps: steps.some((st) => !st.automatic),
    warnings: warnings(s, path, n, more, workflows),
    alternatives: alternatives(s),
    summary: summary(s, path, n, more, workflows, before),
    diagnosis: s.diagnosis,
  };
  return { kind: 'plan', plan };
}
