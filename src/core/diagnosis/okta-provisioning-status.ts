import type { OktaReport } from '../model/diagnosis.ts';
import type { OktaApp, OktaProvisioning } from '../model/okta.ts';

export type ProvisioningStatus = OktaReport['provisioning'];

/** Why Okta's provisioning of the app is off, in words for a sentence ("the app is deactivated in Okta"). */
export type ProvisioningOffCause = 'app-inactive' | 'connection-disabled' | 'provisioning-not-enabled' | 'no-push-features';

const PUSH_FEATURES = ['PUSH_NEW_USERS', 'PUSH_PROFILE_UPDATES'];

/** Everything that turns Okta's pushes for the app off; empty when provisioning is not known to be off. */
export function provisioningOffCauses(app: OktaApp, provisioning: OktaProvisioning | null): ProvisioningOffCause[] {
  const features = app.features.map((f) => f.toUpperCase());
  const connection = provisioning?.connection ?? null;
  const causes: ProvisioningOffCause[] = [];
  if (app.status.toUpperCase() === 'INACTIVE') causes.push('app-inactive');
  if (connection === 'DISABLED') causes.push('connection-disabled');
  if (provisioning?.userProvisioning === 'DISABLED' || provisioning?.userProvisioning === 'NOT_ENABLED') {
    causes.push('provisioning-not-enabled');
  }
  if (!PUSH_FEATURES.some((f) => features.includes(f)) && connection !== 'ENABLED') causes.push('no-push-features');
  return causes;
}

/**
 * Whether Okta pushes users of the app to Office 365: `disabled` for any cause above, `enabled` when the
 * connection is on and profile pushes are (or USER_PROVISIONING is enabled), else `unknown` (not disabled).
 */
export function oktaProvisioningStatus(app: OktaApp, provisioning: OktaProvisioning | null): ProvisioningStatus {
  if (provisioningOffCauses(app, provisioning).length > 0) return 'disabled';
  const pushesProfiles = app.features.some((f) => f.toUpperCase() === 'PUSH_PROFILE_UPDATES');
  if (provisioning?.connection === 'ENABLED' && (pushesProfiles || provisioning.userProvisioning === 'ENABLED')) return 'enabled';
  return 'unknown';
}
