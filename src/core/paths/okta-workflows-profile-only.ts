// KB path 3: as path 2, then an Okta Workflows flow pushes the non-license attributes (or the plan carries the
// checklist to build it).
import { OKTA_WRITE, READS } from '../permissions/needs.ts';
import { oktaWorkflowsProfileOnlyPlan } from '../plans/okta-workflows-profile-only-plan.ts';
import { APPROVALS_REQUIRED } from './approvals-required.ts';
import { appLabel, conflictPlan, isConflictVerdict, notApplicable } from './path-helpers.ts';
import type { PathModule } from './path-module.ts';

export const oktaWorkflowsProfileOnly: PathModule = {
  id: 'okta-workflows-profile-only',
  labels: { button: 'Okta Workflows for profiles', title: 'Entra ID owns licenses; Okta Workflows pushes profiles', reference: 'KB path 3' },
  scope: 'app',
  kb: 3,
  options: [],
  execute: { label: 'execute path 3 (Okta Workflows, profile only)', needs: [...READS, OKTA_WRITE] },
  reads: () => ({ appAssignedUsers: true }),
  remedy: (f) => {
    if (!isConflictVerdict(f.verdict)) return null;
    const base = { id: 'okta-workflows-profile-only', scope: 'app', approvalsRequired: APPROVALS_REQUIRED.app, available: true } as const;
    const radius = `Turns off provisioning for every user of ${appLabel(f)}; an Okta Workflows flow then pushes their profile attributes`;
    return f.input.workflowsConfigured
      ? { ...base, reason: radius }
      : { ...base, reason: `${radius}. Needs an Okta Workflows subscription and a flow: the plan includes the checklist to build it` };
  },
  plan: (diagnosis, options, context) => (diagnosis.report.okta?.provisioning === 'disabled'
    ? notApplicable(`Provisioning of ${appLabel(diagnosis)} is already off in Okta: there is nothing to turn off.`)
    : conflictPlan(diagnosis, (s) => oktaWorkflowsProfileOnlyPlan(s, options, context))),
  undoneBy: 'okta-provisioning-on',
};
