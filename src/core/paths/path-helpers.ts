// What several paths share: the two conflict verdicts (the KB's paths resolve only those), the checks every conflict
// plan makes before its own, and how texts name the Office 365 app.
import type { Diagnosis, DiagnosisInput, DiagnosisReport, Verdict } from '../model/diagnosis.ts';
import type { PlanResult } from '../model/plan.ts';
import { planSubject, type PlanSubject } from '../plans/plan-subject.ts';

type ConflictVerdict = 'group-inherited-license-conflict' | 'dual-managed-license';

export const isConflictVerdict = (verdict: Verdict): verdict is ConflictVerdict =>
  verdict === 'group-inherited-license-conflict' || verdict === 'dual-managed-license';

export const notApplicable = (reason: string): PlanResult => ({ kind: 'not-applicable', reason });

/** "Microsoft Office 365", as Okta labels the app instance, else "the Office 365 app". */
export const appLabel = (from: { readonly input: DiagnosisInput }): string => from.input.okta?.app?.label ?? 'the Office 365 app';

function noConflictReason(report: DiagnosisReport, verdict: Exclude<Verdict, ConflictVerdict>): string {
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

/** The plan `build` makes for a conflict verdict; `not-applicable` saying why when there is no conflict or no subject. */
export function conflictPlan(diagnosis: Diagnosis, build: (subject: PlanSubject) => PlanResult): PlanResult {
  const { report } = diagnosis;
  if (!isConflictVerdict(report.verdict)) return notApplicable(noConflictReason(report, report.verdict));
  const subject = planSubject(diagnosis);
  if (subject === null) return notApplicable('The diagnosis lacks the user or their Office 365 assignment in Okta; diagnose again.');
  return build(subject);
}
