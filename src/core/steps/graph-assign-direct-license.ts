// Step kind: the user gets the SKU directly, with the plans Okta wants, so service never lapses when the group path goes.
import { listPhrase } from '../diagnosis/prose.ts';
import type { AssignedLicense } from '../model/entra.ts';
import type { DiagnosisInput } from '../model/diagnosis.ts';
import { productOf } from '../plans/license-lines.ts';
import type { StepDraft } from '../plans/number-steps.ts';
import type { PlanSubject } from '../plans/plan-subject.ts';
import { GRANTING, licensePaths, requestIds, same } from './live-state.ts';
import { draft, type StepKind } from './step-kind.ts';

/** POST /users/{userId}/assignLicense adding the SKU directly (no gap in service while the group path goes away). */
export interface DirectLicenseAction {
  readonly kind: 'graph-assign-direct-license';
  readonly userId: string;
  readonly license: AssignedLicense;
}

declare module '../model/plan.ts' {
  interface StepActions {
    readonly 'graph-assign-direct-license': DirectLicenseAction;
  }
}

/** "every service plan enabled" or "these plans turned off: A, B". */
function plansPhrase(s: PlanSubject, license: AssignedLicense): string {
  if (license.disabledPlans.length === 0) return 'every service plan enabled';
  const sku = s.skus.find((k) => k.skuId.toLowerCase() === license.skuId.toLowerCase());
  const names = license.disabledPlans.map((id) => sku?.servicePlans.find((p) => p.servicePlanId.toLowerCase() === id.toLowerCase())?.servicePlanName ?? id);
  return `these service plans turned off, as Okta wants: ${names.join(', ')}`;
}

const hasDirect = (a: DirectLicenseAction, live: DiagnosisInput): boolean =>
  licensePaths(live).some((p) => p.assignedByGroup === null && same(p.skuId, a.license.skuId) && GRANTING.has(p.state));

/** What to request instead when Graph will not keep a direct assignment next to the group's. */
const withGap = (upn: string) => `license-doctor request ${upn} --path okta-owns-licenses --allow-gap --acknowledge-removal`;

export const directLicense: StepKind<DirectLicenseAction, { readonly subject: PlanSubject; readonly fromGroups: readonly string[] }> = {
  kind: 'graph-assign-direct-license',
  role: 'write',
  vendor: 'graph',
  readBack: 'poll',
  describe: (a, { subject: s, fromGroups }) => {
    const product = productOf(a.license.skuId, s.skus);
    const body = JSON.stringify({ addLicenses: [{ skuId: a.license.skuId, disabledPlans: a.license.disabledPlans }], removeLicenses: [] });
    return {
      title: `Give ${s.name} ${product} directly`,
      precondition:
        `${s.name} has a usage location (${s.user.usageLocation ?? 'none'}) and gets ${product} from ${listPhrase(fromGroups.map((g) => `'${g}'`))}; ` +
        'a direct assignment of the same license uses no extra seat.',
      effect: `POST /v1.0/users/${a.userId}/assignLicense with ${body} (${plansPhrase(s, a.license)}).`,
      verification:
        `GET /v1.0/users/${a.userId}: licenseAssignmentStates has a direct entry (assignedByGroup null) for ${product}. ` +
        'If Graph refuses a direct assignment of a license that is also inherited, the plan stops here, before anything is removed; ' +
        'the variant that accepts a short gap in service can be requested instead.',
    };
  },
  isDone: hasDirect,
  writes: (a) => [{ method: 'POST', path: `/v1.0/users/${a.userId}/assignLicense` }],
  perform: async (a, { ports }) => {
    const r = await ports.entra.assignUserLicenses(a.userId, [a.license], []);
    return { vendorRequestIds: requestIds(r), detail: 'direct assignment added' };
  },
  effectLost: (a, live, name, stepId) => (hasDirect(a, live) ? null : `${name} no longer has the direct assignment step ${stepId} made`),
  failureMessage: (_a, s) =>
    s.errorCode !== 'graph-request-failed'
      ? null
      : `Step ${s.n} of ${s.total} stopped: Microsoft Graph refused to assign the license directly while a group grants it — ${s.vendorText}.` +
        `${s.doneBefore(`nothing was removed, so ${s.target.displayName} keeps every license.`)} ` +
        `To go ahead with a short gap in service, request path 1 again as the variant with a gap, acknowledging the gap (from the command line: ${withGap(s.target.userPrincipalName)}).`,
  missingEffectMessage: (_a, s) =>
    `Microsoft Graph accepted the direct assignment, but after ${s.waited} ${s.target.displayName} still has no direct, active path for the license (Entra ID may keep only the group's path for a license the user inherits), so nothing was removed and ${s.target.displayName} keeps every license. To go ahead, request path 1 again as the variant with a gap (${withGap(s.target.userPrincipalName)}).`,
};

/** Gives the user the SKU directly, with the plans Okta wants, so service never lapses when the group path goes. */
export function directLicenseStep(s: PlanSubject, license: AssignedLicense, fromGroups: readonly string[]): StepDraft {
  return draft(directLicense, { kind: 'graph-assign-direct-license', userId: s.user.id, license }, { subject: s, fromGroups });
}
