// Step kind (KB path 3): the configured Okta Workflows flow pushes the user's non-license attributes once Okta's
// provisioning is off.
import { LicenseDoctorError } from '../errors.ts';
import type { StepDraft } from '../plans/number-steps.ts';
import type { PlanSubject } from '../plans/plan-subject.ts';
import { draft, type StepKind } from './step-kind.ts';

/** Invoke the configured Okta Workflows flow for the user (non-license attributes). */
export interface WorkflowsInvokeAction {
  readonly kind: 'workflows-invoke';
  readonly userPrincipalName: string;
  readonly oktaUserId: string;
  readonly appId: string;
}

declare module '../model/plan.ts' {
  interface StepActions {
    readonly 'workflows-invoke': WorkflowsInvokeAction;
  }
}

export const workflowsInvoke: StepKind<WorkflowsInvokeAction, PlanSubject> = {
  kind: 'workflows-invoke',
  role: 'write',
  // A timeout names Okta: the flow runs in Okta Workflows.
  vendor: 'okta',
  // The flow leaves nothing observable: it is never found done (invoking it again is harmless) and never read back.
  readBack: 'none',
  describe: (a, s) => ({
    title: `Run the Okta Workflows flow that pushes ${s.name}'s profile attributes`,
    precondition: `Provisioning of ${s.app.label} is off (the step before), and the flow is configured (OKTA_WORKFLOWS_INVOKE_URL and OKTA_WORKFLOWS_CLIENT_TOKEN).`,
    effect:
      `POST to OKTA_WORKFLOWS_INVOKE_URL with the header x-api-client-token and the body ` +
      `${JSON.stringify({ userPrincipalName: a.userPrincipalName, oktaUserId: a.oktaUserId, appId: a.appId })}; the flow updates ${s.name}'s non-license attributes in Entra ID.`,
    verification: 'The flow answers with a 2xx status.',
  }),
  isDone: () => false,
  writes: () => [{ method: 'POST', path: null }],
  perform: async (a, { ports }) => {
    if (!ports.workflows) throw new LicenseDoctorError('configuration', 'No Okta Workflows flow is configured (OKTA_WORKFLOWS_INVOKE_URL and OKTA_WORKFLOWS_CLIENT_TOKEN).');
    const r = await ports.workflows.invoke({ userPrincipalName: a.userPrincipalName, oktaUserId: a.oktaUserId, appId: a.appId });
    return { vendorRequestIds: [], detail: `Okta Workflows flow answered ${r.status}` };
  },
};

/** Invokes the configured flow for the user. */
export function workflowsInvokeStep(s: PlanSubject): StepDraft {
  return draft(workflowsInvoke, { kind: 'workflows-invoke', userPrincipalName: s.userPrincipalName, oktaUserId: s.oktaUserId, appId: s.app.id }, s);
}
