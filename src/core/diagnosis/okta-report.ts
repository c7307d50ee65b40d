import type { OktaReport, OktaSnapshot } from '../model/diagnosis.ts';
import { oktaLicenseValues } from '../licensing/okta-license-values.ts';
import { newestPushFailure } from './inherited-license-push-failure.ts';
import { oktaProvisioningStatus } from './okta-provisioning-status.ts';

/** The Okta part of the report; null without an Office 365 app, app-user fields null when the user is not assigned. */
export function oktaReport(okta: OktaSnapshot | null): OktaReport | null {
  if (okta === null || okta.app === null) return null;
  const { app, appUser } = okta;
  const failure = newestPushFailure(okta.pushFailures);
  return {
    appId: app.id,
    appUserStatus: appUser?.status ?? null,
    syncState: appUser?.syncState ?? null,
    scope: appUser?.scope ?? null,
    provisioning: oktaProvisioningStatus(app, okta.provisioning),
    managedLicenses: appUser ? oktaLicenseValues(appUser, okta.licenseSchema) : [],
    lastPushFailure: failure ? { at: failure.published, message: failure.message, eventType: failure.eventType } : null,
  };
}
