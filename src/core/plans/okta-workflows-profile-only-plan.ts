import type { PlanOptions, PlanResult } from '../model/plan.ts';
import type { PlanContext } from './plan-context.ts';
import type { PlanSubject } from './plan-subject.ts';
import { provisioningOffPlan } from './provisioning-off-plan.ts';

/** KB path 3: as path 2, then an Okta Workflows flow pushes the non-license attributes (or the checklist to build it). */
export function oktaWorkflowsProfileOnlyPlan(s: PlanSubject, options: PlanOptions, context: PlanContext): PlanResult {
  return provisioningOffPlan(s, 'okta-workflows-profile-only', options, context);
}
