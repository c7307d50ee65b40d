// Diagnosis + resolution path -> plan. The checks every path shares live here; each path is built in its own file.
import type { Diagnosis, DiagnosisReport, PathId, Verdict } from '../model/diagnosis.ts';
import { DEFAULT_PLAN_OPTIONS, type PlanOptions, type PlanResult } from '../model/plan.ts';
import { entraOwnsLicensesPlan } from './entra-owns-licenses-plan.ts';
import { oktaOwnsLicensesPlan } from './okta-owns-licenses-plan.ts';
import { oktaWorkflowsProfileOnlyPlan } from './okta-workflows-profile-only-plan.ts';
import type { PlanContext } from './plan-context.ts';
import { provisioningOnPlan } from './provisioning-on-plan.ts';
import { planSubject } from './plan-subject.ts';

const notApplicable = (reason: string): PlanResult => ({ kind: 'not-applicable', reason });

function noConflictReason(report: DiagnosisReport, verdict: Exclude<Verdict, 'group-inherited-license-conflict' | 'dual-managed-license'>): string {
  const name = report.user?.displayName ?? 'this user';
  switch (verdict) {
    case 'user-not-identified':
      return 'No user was identified, so there is nothing to plan: give a user principal name, an email or an Okta login.';
    case 'user-not-found':
      return 'There is no such user in Entra ID, so there is nothing to plan.';
    case 'not-managed-by-okta':
      return `Okta does not push ${name} to Office 365, so Okta and Entra ID do not compete for ${name}'s licenses: there is nothing to resolve.`;
    case 'okta-provisioning-disabled':
      return `Okta's provisioning of the Office 365 app is off, so Okta pushes nothing for ${name} now: there is no conflict to resolve.`;
    case 'other-license-error':
      return `${name}'s license problem does not come from Okta: fix it in Entra ID (see the diagnosis); no resolution path applies.`;
    case 'no-conflict':
      return `Okta and Entra ID do not conflict over ${name}'s licenses: there is nothing to resolve.`;
  }
}

/** The path-1 options that differ from the defaults, in words (they make no sense for the app-scoped paths). */
function pathOneOptions(options: PlanOptions): string[] {
  return [
    ...(options.completeOktaLicenses === DEFAULT_PLAN_OPTIONS.completeOktaLicenses ? [] : ['completeOktaLicenses']),
    ...(options.allowServiceGap === DEFAULT_PLAN_OPTIONS.allowServiceGap ? [] : ['allowServiceGap']),
    ...(options.removeLicenseFromGroup === DEFAULT_PLAN_OPTIONS.removeLicenseFromGroup ? [] : ['removeLicenseFromGroup']),
  ];
}

/**
 * The plan for `path` from `diagnosis`, or `not-applicable` with the reason: no conflict to resolve, provisioning
 * already off (paths 2 and 3), Okta cannot own licenses or no usage location (path 1), or options that do not fit.
 */
export function buildPlan(diagnosis: Diagnosis, path: PathId, options: PlanOptions, context: PlanContext): PlanResult {
  const { report } = diagnosis;
  if (path !== 'okta-owns-licenses') {
    const odd = pathOneOptions(options);
    if (odd.length > 0) return notApplicable(`${odd.join(', ')} only apply to okta-owns-licenses; ${path} changes the whole app and has no such variants.`);
  }
  // The undo needs no conflict: only provisioning that is off, and a diagnosis that names the app.
  if (path === 'okta-provisioning-on') return provisioningOnPlan(diagnosis, options, context);
  if (path !== 'okta-owns-licenses') {
    if (report.okta?.provisioning === 'disabled') {
      const label = diagnosis.input.okta?.app?.label ?? 'the Office 365 app';
      return notApplicable(`Provisioning of ${label} is already off in Okta: there is nothing to turn off.`);
    }
  }
  const verdict = report.verdict;
  if (verdict !== 'group-inherited-license-conflict' && verdict !== 'dual-managed-license') return notApplicable(noConflictReason(report, verdict));
  const subject = planSubject(diagnosis);
  if (subject === null) return notApplicable('The diagnosis lacks the user or their Office 365 assignment in Okta; diagnose again.');
  switch (path) {
    case 'okta-owns-licenses':
      return oktaOwnsLicensesPlan(subject, options, context);
    case 'entra-owns-licenses':
      return entraOwnsLicensesPlan(subject, options, context);
    case 'okta-workflows-profile-only':
      return oktaWorkflowsProfileOnlyPlan(subject, options, context);
  }
}
