// KB path 3: an Okta Workflows flow pushes the non-license attributes once Okta's provisioning is off. Either the
// configured flow is invoked for the user, or the plan carries the checklist for building it.
import type { StepDraft } from './number-steps.ts';
import type { PlanSubject } from './plan-subject.ts';

/** What a person does to build the flow that path 3 needs (KB: it requires an Okta Workflows subscription). */
export const WORKFLOWS_CHECKLIST: readonly string[] = [
  'Confirm with your Okta account team that your Okta subscription includes Okta Workflows (this path needs it).',
  'In the Okta Workflows console, create a flow that starts with an API Endpoint card secured with a client token; note its invoke URL and client token.',
  'Add the Microsoft Entra ID connector (formerly Azure AD / Office 365 Admin) and use its Update User card, or a Custom API Action card with PATCH /users/{id}, to set the non-license attributes (for example displayName, jobTitle, department, officeLocation) — never licenses or roles.',
  "Trigger it on Okta profile updates too: a second flow on the Okta connector's 'User Okta Profile Updated' event calls the same logic.",
  'Set OKTA_WORKFLOWS_INVOKE_URL and OKTA_WORKFLOWS_CLIENT_TOKEN for License Doctor and restart it.',
  "Test with one user: run the flow for them and check their attributes in the Microsoft Entra admin center, then Re-check this request.",
];

/** Invokes the configured flow for the user. */
export function workflowsInvokeStep(s: PlanSubject): StepDraft {
  const body = JSON.stringify({ userPrincipalName: s.userPrincipalName, oktaUserId: s.oktaUserId, appId: s.app.id });
  return {
    action: { kind: 'workflows-invoke', userPrincipalName: s.userPrincipalName, oktaUserId: s.oktaUserId, appId: s.app.id },
    automatic: true,
    title: `Run the Okta Workflows flow that pushes ${s.name}'s profile attributes`,
    precondition: `Provisioning of ${s.app.label} is off (the step before), and the flow is configured (OKTA_WORKFLOWS_INVOKE_URL and OKTA_WORKFLOWS_CLIENT_TOKEN).`,
    effect: `POST to OKTA_WORKFLOWS_INVOKE_URL with the header x-api-client-token and the body ${body}; the flow updates ${s.name}'s non-license attributes in Entra ID.`,
    verification: 'The flow answers with a 2xx status.',
  };
}

/** Manual: build and configure the flow, since none is configured. */
export function buildWorkflowsFlowStep(s: PlanSubject): StepDraft {
  return {
    action: { kind: 'manual-build-workflows-flow', checklist: WORKFLOWS_CHECKLIST },
    automatic: false,
    title: 'Build the Okta Workflows flow that pushes profile attributes',
    precondition: `Provisioning of ${s.app.label} is off (the step before). Building the flow needs an Okta Workflows subscription.`,
    effect: `In Okta Workflows: ${WORKFLOWS_CHECKLIST.map((item, i) => `(${i + 1}) ${item}`).join(' ')}`,
    verification: 'Re-check: License Doctor is configured with OKTA_WORKFLOWS_INVOKE_URL and OKTA_WORKFLOWS_CLIENT_TOKEN.',
  };
}
