// The undo of KB paths 2 and 3: Okta's provisioning of the Office 365 app turned back on (scope app). It needs no
// conflict, only provisioning that is off: offered on a diagnosis that says so and on a succeeded path 2 or 3 request.
import { provisioningOnPlan } from '../plans/provisioning-on-plan.ts';
import { APPROVALS_REQUIRED } from './approvals-required.ts';
import type { PathModule } from './path-module.ts';

export const oktaProvisioningOn: PathModule = {
  id: 'okta-provisioning-on',
  labels: { button: 'Turn Okta provisioning back on', title: 'Okta provisioning back on', reference: 'undoes KB paths 2 and 3' },
  scope: 'app',
  kb: null,
  options: [],
  reads: () => ({ appAssignedUsers: true }),
  viewOffer: (report) => (report.verdict === 'okta-provisioning-disabled' && report.user
    ? {
        available: true,
        reason: 'Okta provisions and licenses every user of the app again; where Okta lacks a license a group gives, the conflict returns',
        scope: 'app',
        approvalsRequired: APPROVALS_REQUIRED.app,
      }
    : null),
  plan: (diagnosis, options, context) => provisioningOnPlan(diagnosis, options, context),
};
