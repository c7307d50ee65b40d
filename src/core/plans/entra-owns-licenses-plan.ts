import type { PlanOptions, PlanResult } from '../model/plan.ts';
import type { PlanContext } from './plan-context.ts';
import type { PlanSubject } from './plan-subject.ts';
import { provisioningOffPlan } from './provisioning-off-plan.ts';

/** KB path 2, "Entra ID owns the licenses": turn off Okta's provisioning of the Office 365 app (scope app). */
export function entraOwnsLicensesPlan(s: PlanSubject, options: PlanOptions, context: PlanContext): PlanResult {
  return provisioningOffPlan(s, 'entra-owns-licenses', options, context);
}
