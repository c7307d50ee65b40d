// Step kind: the app user's licenses attribute in Okta becomes the plan's values (path 1: Okta owns the licenses).
import { listPhrase } from '../diagnosis/prose.ts';
import { LicenseDoctorError } from '../errors.ts';
import { oktaValueNames } from '../licensing/okta-value-names.ts';
import type { StepDraft } from '../plans/number-steps.ts';
import type { PlanSubject } from '../plans/plan-subject.ts';
import { oktaHolds, requestIds } from './live-state.ts';
import { draft, type StepKind } from './step-kind.ts';

/** POST /api/v1/apps/{appId}/users/{oktaUserId}: the app user's licenses attribute becomes `values` (Okta then pushes). */
export interface SetOktaLicensesAction {
  readonly kind: 'okta-set-user-licenses';
  readonly appId: string;
  readonly oktaUserId: string;
  readonly attribute: string;
  readonly values: readonly string[];
  readonly previous: readonly string[];
}

declare module '../model/plan.ts' {
  interface StepActions {
    readonly 'okta-set-user-licenses': SetOktaLicensesAction;
  }
}

const valuesPhrase = (values: readonly string[]): string => (values.length === 0 ? 'empty' : values.join(', '));
const itThem = (n: number): string => (n === 1 ? 'it' : 'them');

export const setOktaLicenses: StepKind<SetOktaLicensesAction, { readonly subject: PlanSubject; readonly products: readonly string[] }> = {
  kind: 'okta-set-user-licenses',
  role: 'write',
  vendor: 'okta',
  readBack: 'poll',
  describe: (a, { subject: s, products }) => {
    const added = a.values.filter((v) => !a.previous.includes(v));
    return {
      title: `Add ${listPhrase([...products])} to Okta's licenses for ${s.name}`,
      precondition:
        `${s.name} is assigned to ${s.app.label} in Okta individually (scope USER), and Okta's ${a.attribute} for ${s.name} are ` +
        `${valuesPhrase(a.previous)}. Without ${itThem(products.length)}, Okta's push would remove ${itThem(products.length)} once no group grants ${itThem(products.length)}.`,
      effect:
        `POST /api/v1/apps/${a.appId}/users/${a.oktaUserId} with the app user's profile, ${a.attribute} set to ${JSON.stringify(a.values)} ` +
        'and every other attribute unchanged; Okta then pushes the profile to Office 365.',
      verification: `GET /api/v1/apps/${a.appId}/users/${a.oktaUserId}: profile.${a.attribute} includes ${added.join(', ')}.`,
    };
  },
  isDone: (a, live) => oktaHolds(live, a.attribute, a.values),
  perform: async (a, { ports, live, target }) => {
    const appUser = live.okta?.appUser;
    if (!appUser) throw new LicenseDoctorError('okta-request-failed', `${target.displayName} is no longer assigned to the Office 365 app in Okta.`);
    const r = await ports.okta.updateAppUserProfile(a.appId, a.oktaUserId, { ...appUser.profile, [a.attribute]: [...a.values] });
    return { vendorRequestIds: requestIds(r), detail: `Okta now holds ${oktaValueNames(a.values, live.entra.subscribedSkus).join(', ') || 'no licenses'} for ${target.displayName}` };
  },
  // A plan that would write a value Okta's app no longer offers (its list changed since approval) is refused whole.
  preflight: async (a, ports) => {
    const offered = (await ports.okta.getLicenseSchema(a.appId)).licenseValues;
    if (!offered) return null;
    const listed = new Set(offered.map((o) => o.value.trim().toLowerCase()));
    const added = a.values.filter((v) => !a.previous.includes(v) && !listed.has(v.trim().toLowerCase()));
    if (added.length === 0) return null;
    return `Nothing was changed: Okta's Office 365 app no longer offers ${added.join(', ')} in its Licenses list, which this plan would add. ` +
      'In Okta Admin Console > Applications > Office 365 > Provisioning, choose "Refresh application data", then diagnose again and request a new plan.';
  },
  writes: (a) => [{ method: 'POST', path: `/api/v1/apps/${a.appId}/users/${a.oktaUserId}` }],
  oktaLicensesAfter: (a, done) => (done ? a.values : a.previous),
};

/** Sets the app user's licenses attribute to `values` (Okta's current values plus what the user would lose). */
export function setOktaLicensesStep(s: PlanSubject, attribute: string, values: readonly string[], products: readonly string[]): StepDraft {
  const action: SetOktaLicensesAction = { kind: 'okta-set-user-licenses', appId: s.app.id, oktaUserId: s.oktaUserId, attribute, values, previous: s.oktaValues };
  return draft(setOktaLicenses, action, { subject: s, products });
}
