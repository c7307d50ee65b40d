// KB path 2, "Entra ID owns the licenses": Okta's provisioning of the Office 365 app is turned off (scope app).
import { OKTA_WRITE, READS } from '../permissions/needs.ts';
import { entraOwnsLicensesPlan } from '../plans/entra-owns-licenses-plan.ts';
import { APPROVALS_REQUIRED } from './approvals-required.ts';
import { appLabel, conflictPlan, isConflictVerdict, notApplicable } from './path-helpers.ts';
import type { PathModule } from './path-module.ts';

export const entraOwnsLicenses: PathModule = {
  id: 'entra-owns-licenses',
  labels: { button: 'Entra ID owns licenses', title: 'Entra ID owns the licenses (Okta provisioning off)', reference: 'KB path 2' },
  scope: 'app',
  kb: 2,
  options: [],
  execute: { label: 'execute path 2 (Entra ID owns licenses)', needs: [...READS, OKTA_WRITE] },
  reads: () => ({ appAssignedUsers: true }),
  remedy: (f) => {
    if (!isConflictVerdict(f.verdict)) return null;
    const base = { id: 'entra-owns-licenses', scope: 'app', approvalsRequired: APPROVALS_REQUIRED.app } as const;
    if (f.okta?.provisioning === 'disabled') return { ...base, available: false, reason: `Provisioning of ${appLabel(f)} is already off` };
    return {
      ...base,
      available: true,
      reason: `Turns off provisioning for every user of ${appLabel(f)}; Okta's "User Attributes Only" setting (Provisioning > To App) is the manual alternative`,
    };
  },
  plan: (diagnosis, options, context) => (diagnosis.report.okta?.provisioning === 'disabled'
    ? notApplicable(`Provisioning of ${appLabel(diagnosis)} is already off in Okta: there is nothing to turn off.`)
    : conflictPlan(diagnosis, (s) => entraOwnsLicensesPlan(s, options, context))),
  undoneBy: 'okta-provisioning-on',
};
