// Who and what a plan is about, read once from the diagnosis, so every step and sentence names them the same way.
import type { Diagnosis } from '../model/diagnosis.ts';
import type { EntraUser, SubscribedSku } from '../model/entra.ts';
import type { OktaApp, OktaAppUser, OktaLicenseSchema } from '../model/okta.ts';

/** The person, the Okta app and the tenant's SKUs a plan works with. */
export interface PlanSubject {
  readonly diagnosis: Diagnosis;
  /** How texts name the person: display name, else user principal name. */
  readonly name: string;
  readonly userPrincipalName: string;
  readonly user: EntraUser;
  readonly app: OktaApp;
  readonly oktaUserId: string;
  readonly appUser: OktaAppUser;
  readonly licenseSchema: OktaLicenseSchema | null;
  readonly skus: readonly SubscribedSku[];
  /** Okta's license values for the user, as Okta spells them (may be empty). */
  readonly oktaValues: readonly string[];
}

/** The plan subject, or null when the diagnosis lacks the user or their Office 365 app assignment. */
export function planSubject(diagnosis: Diagnosis): PlanSubject | null {
  const { report, input } = diagnosis;
  const user = input.entra.user;
  const okta = input.okta;
  if (report.user === null || user === null || okta === null || okta.app === null || okta.user === null || okta.appUser === null) return null;
  return {
    diagnosis,
    name: report.user.displayName,
    userPrincipalName: report.user.userPrincipalName,
    user,
    app: okta.app,
    oktaUserId: okta.user.id,
    appUser: okta.appUser,
    licenseSchema: okta.licenseSchema,
    skus: input.entra.subscribedSkus,
    oktaValues: report.okta?.managedLicenses ?? [],
  };
}
