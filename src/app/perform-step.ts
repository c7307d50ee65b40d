// Performs the API effect of one automatic plan step. Idempotency is the executor's job (it checks the live state
// first); this module only makes the call and returns the vendor's request ids.
import { LicenseDoctorError } from '../core/errors.ts';
import { oktaValueNames } from '../core/licensing/okta-value-names.ts';
import type { DiagnosisInput } from '../core/model/diagnosis.ts';
import type { PlanStep } from '../core/model/plan.ts';
import type { LicenseRequest } from '../core/model/request.ts';
import type { ServiceDeps } from './service-deps.ts';

export interface StepResult {
  readonly vendorRequestIds: readonly string[];
  readonly detail: string;
}

const ids = (...r: Array<{ requestId: string | null }>) => r.flatMap((x) => (x.requestId ? [x.requestId] : []));

/** Makes the vendor call of an automatic step (not `verify` and not manual steps). */
export async function performStep(deps: Pick<ServiceDeps, 'diagnose' | 'workflows'>, request: LicenseRequest, step: PlanStep, live: DiagnosisInput): Promise<StepResult> {
  const { entra, okta } = deps.diagnose;
  const a = step.action;
  switch (a.kind) {
    case 'okta-set-user-licenses': {
      const appUser = live.okta?.appUser;
      if (!appUser) throw new LicenseDoctorError('okta-request-failed', `${request.target.displayName} is no longer assigned to the Office 365 app in Okta.`);
      const r = await okta.updateAppUserProfile(a.appId, a.oktaUserId, { ...appUser.profile, [a.attribute]: [...a.values] });
      return { vendorRequestIds: ids(r), detail: `Okta now holds ${oktaValueNames(a.values, live.entra.subscribedSkus).join(', ') || 'no licenses'} for ${request.target.displayName}` };
    }
    case 'graph-assign-direct-license': {
      const r = await entra.assignUserLicenses(a.userId, [a.license], []);
      return { vendorRequestIds: ids(r), detail: 'direct assignment added' };
    }
    case 'graph-remove-group-member': {
      const r = await entra.removeGroupMember(a.groupId, a.userId);
      return { vendorRequestIds: ids(r), detail: `removed from ${a.groupName}` };
    }
    case 'graph-remove-group-license': {
      const r = await entra.assignGroupLicenses(a.groupId, [], a.skuIds);
      return { vendorRequestIds: ids(r), detail: `license removed from the group ${a.groupName}` };
    }
    case 'okta-repush': {
      const appUser = live.okta?.appUser;
      if (!appUser) throw new LicenseDoctorError('okta-request-failed', `${request.target.displayName} is no longer assigned to the Office 365 app in Okta.`);
      // The unchanged profile: Okta re-evaluates and pushes (a GROUP-scoped assignment stays group-scoped).
      const r = await okta.updateAppUserProfile(a.appId, a.oktaUserId, appUser.profile);
      return { vendorRequestIds: ids(r), detail: 'asked Okta to push the profile again' };
    }
    case 'okta-deactivate-provisioning': {
      const r = await okta.deactivateProvisioning(a.appId);
      return { vendorRequestIds: ids(r), detail: `provisioning of ${a.appLabel} deactivated` };
    }
    case 'okta-activate-provisioning': {
      const r = await okta.activateProvisioning(a.appId);
      return { vendorRequestIds: ids(r), detail: `provisioning of ${a.appLabel} activated` };
    }
    case 'workflows-invoke': {
      if (!deps.workflows) throw new LicenseDoctorError('configuration', 'No Okta Workflows flow is configured (OKTA_WORKFLOWS_INVOKE_URL and OKTA_WORKFLOWS_CLIENT_TOKEN).');
      const r = await deps.workflows.invoke({ userPrincipalName: a.userPrincipalName, oktaUserId: a.oktaUserId, appId: a.appId });
      return { vendorRequestIds: [], detail: `Okta Workflows flow answered ${r.status}` };
    }
    case 'manual-okta-group-assignment':
    case 'manual-group-membership':
    case 'manual-build-workflows-flow':
    case 'verify':
      throw new Error(`step ${step.id} (${a.kind}) is not performed by performStep`);
  }
}
