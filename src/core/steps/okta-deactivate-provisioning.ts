// Step kind: the app's provisioning connection is turned off: Okta stops pushing anything, licenses included, for every
// assigned user (KB paths 2 and 3).
import { allUsersPhrase } from '../diagnosis/prose.ts';
import type { StepDraft } from '../plans/number-steps.ts';
import type { PlanSubject } from '../plans/plan-subject.ts';
import { provisioningOff, requestIds } from './live-state.ts';
import { draft, type StepKind } from './step-kind.ts';

/** POST /api/v1/apps/{appId}/connections/default/lifecycle/deactivate: Okta stops provisioning (and licensing) for the app. */
export interface DeactivateProvisioningAction {
  readonly kind: 'okta-deactivate-provisioning';
  readonly appId: string;
  readonly appLabel: string;
}

declare module '../model/plan.ts' {
  interface StepActions {
    readonly 'okta-deactivate-provisioning': DeactivateProvisioningAction;
  }
}

interface Facts {
  readonly subject: PlanSubject;
  readonly assignedUsers: number;
  readonly more: boolean;
}

export const deactivateProvisioning: StepKind<DeactivateProvisioningAction, Facts> = {
  kind: 'okta-deactivate-provisioning',
  role: 'write',
  vendor: 'okta',
  readBack: 'poll',
  provisioningWhenDone: 'disabled',
  describe: (a, { subject: s, assignedUsers, more }) => ({
    title: `Turn off provisioning of ${a.appLabel} in Okta`,
    precondition: `Provisioning of ${a.appLabel} is on. Turning it off affects ${allUsersPhrase(assignedUsers, more)} assigned to the app, not only ${s.name}.`,
    effect: `POST /api/v1/apps/${a.appId}/connections/default/lifecycle/deactivate`,
    verification: `GET /api/v1/apps/${a.appId}/connections/default: status DISABLED.`,
  }),
  isDone: (_a, live) => provisioningOff(live),
  writes: (a) => [{ method: 'POST', path: `/api/v1/apps/${a.appId}/connections/default/lifecycle/deactivate` }],
  perform: async (a, { ports }) => {
    const r = await ports.okta.deactivateProvisioning(a.appId);
    return { vendorRequestIds: requestIds(r), detail: `provisioning of ${a.appLabel} deactivated` };
  },
};

/** Turns off the app's provisioning connection: Okta stops pushing anything, licenses included, for every assigned user. */
export function deactivateProvisioningStep(s: PlanSubject, assignedUsers: number, more = false): StepDraft {
  return draft(deactivateProvisioning, { kind: 'okta-deactivate-provisioning', appId: s.app.id, appLabel: s.app.label }, { subject: s, assignedUsers, more });
}
