// Step kind, manual (KB path 3): build the Okta Workflows flow that pushes profile attributes, since none is configured.
import type { StepDraft } from '../plans/number-steps.ts';
import type { PlanSubject } from '../plans/plan-subject.ts';
import { draft, type StepKind } from './step-kind.ts';

/** Manual: build the Okta Workflows flow (checklist), since none is configured. */
export interface BuildWorkflowsFlowAction {
  readonly kind: 'manual-build-workflows-flow';
  readonly checklist: readonly string[];
}

declare module '../model/plan.ts' {
  interface StepActions {
    readonly 'manual-build-workflows-flow': BuildWorkflowsFlowAction;
  }
}

/** What a person does to build the flow that path 3 needs (KB: it requires an Okta Workflows subscription). */
export const WORKFLOWS_CHECKLIST: readonly string[] = [
  'Confirm with your Okta account team that your Okta subscription includes Okta Workflows (this path needs it).',
  'In the Okta Workflows console, create a flow that starts with an API Endpoint card secured with a client token; note its invoke URL and client token.',
  'Add the Microsoft Entra ID connector (formerly Azure AD / Office 365 Admin) and use its Update User card, or a Custom API Action card with PATCH /users/{id}, to set the non-license attributes (for example displayName, jobTitle, department, officeLocation) — never licenses or roles.',
  "Trigger it on Okta profile updates too: a second flow on the Okta connector's 'User Okta Profile Updated' event calls the same logic.",
  'Set OKTA_WORKFLOWS_INVOKE_URL and OKTA_WORKFLOWS_CLIENT_TOKEN for License Doctor and restart it.',
  "Test with one user: run the flow for them and check their attributes in the Microsoft Entra admin center, then Re-check this request.",
];

export const buildWorkflowsFlow: StepKind<BuildWorkflowsFlowAction, PlanSubject> = {
  kind: 'manual-build-workflows-flow',
  role: 'manual',
  vendor: null,
  readBack: 'none',
  describe: (a, s) => ({
    title: 'Build the Okta Workflows flow that pushes profile attributes',
    precondition: `Provisioning of ${s.app.label} is off (the step before). Building the flow needs an Okta Workflows subscription.`,
    effect: `In Okta Workflows: ${a.checklist.map((item, i) => `(${i + 1}) ${item}`).join(' ')}`,
    verification: 'Re-check: License Doctor is configured with OKTA_WORKFLOWS_INVOKE_URL and OKTA_WORKFLOWS_CLIENT_TOKEN.',
  }),
  isDone: (_a, live) => live.workflowsConfigured,
};

/** Manual: build and configure the flow, since none is configured. */
export function buildWorkflowsFlowStep(s: PlanSubject): StepDraft {
  return draft(buildWorkflowsFlow, { kind: 'manual-build-workflows-flow', checklist: WORKFLOWS_CHECKLIST }, s);
}
