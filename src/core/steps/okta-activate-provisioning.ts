// Step kind: the app's provisioning connection is turned back on: Okta pushes again, licenses included, for every
// assigned user (the undo of KB paths 2 and 3).
import { allUsersPhrase } from '../diagnosis/prose.ts';
import type { StepDraft } from '../plans/number-steps.ts';
import type { PlanSubject } from '../plans/plan-subject.ts';
import { provisioningOn, requestIds } from './live-state.ts';
import { draft, type StepKind } from './step-kind.ts';

/** POST /api/v1/apps/{appId}/connections/default/lifecycle/activate: Okta provisions (and licenses) again: the undo of paths 2 and 3. */
export interface ActivateProvisioningAction {
  readonly kind: 'okta-activate-provisioning';
  readonly appId: string;
  readonly appLabel: string;
}

declare module '../model/plan.ts' {
  interface StepActions {
    readonly 'okta-activate-provisioning': ActivateProvisioningAction;
  }
}

export const activateProvisioning: StepKind<ActivateProvisioningAction, { readonly subject: PlanSubject; readonly assignedUsers: number }> = {
  kind: 'okta-activate-provisioning',
  role: 'write',
  vendor: 'okta',
  readBack: 'poll',
  describe: (a, { subject: s, assignedUsers }) => ({
    title: `Turn provisioning of ${a.appLabel} back on in Okta`,
    precondition: `Provisioning of ${a.appLabel} is off. Turning it on affects ${allUsersPhrase(assignedUsers)} assigned to the app, not only ${s.name}.`,
    effect: `POST /api/v1/apps/${a.appId}/connections/default/lifecycle/activate`,
    verification: `GET /api/v1/apps/${a.appId}/connections/default: status ENABLED.`,
  }),
  isDone: (_a, live) => provisioningOn(live),
  writes: (a) => [{ method: 'POST', path: `/api/v1/apps/${a.appId}/connections/default/lifecycle/activate` }],
  perform: async (a, { ports }) => {
    const r = await ports.okta.activateProvisioning(a.appId);
    return { vendorRequestIds: requestIds(r), detail: `provisioning of ${a.appLabel} activated` };
  },
};

/** Turns the app's provisioning connection back on: Okta pushes again, licenses included, for every assigned user. */
export function activateProvisioningStep(s: PlanSubject, assignedUsers: number): StepDraft {
  return draft(activateProvisioning, { kind: 'okta-activate-provisioning', appId: s.app.id, appLabel: s.app.label }, { subject: s, assignedUsers });
}
