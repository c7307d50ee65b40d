// What every user of a scan is diagnosed against, read once: the Office 365 app instance, its license schema and
// provisioning, the tenant's SKUs, and the newest push failure of each app user in the look-back window.
import { LicenseDoctorError } from '../../core/errors.ts';
import type { OktaApp, OktaPushFailure } from '../../core/model/okta.ts';
import type { ScanContext } from '../../core/model/scan.ts';
import type { ScanDeps } from './scan-deps.ts';

/** The app the scan covers: the configured instance, else the only active one (several: configure OKTA_O365_APP_ID). */
export async function chooseScanApp(deps: Pick<ScanDeps, 'okta' | 'oktaAppId'>): Promise<OktaApp> {
  const apps = await deps.okta.listOffice365Apps();
  const known = apps.map((a) => `${a.label} (${a.id})`).join(', ') || 'none';
  if (deps.oktaAppId) {
    const configured = apps.find((a) => a.id === deps.oktaAppId);
    if (!configured) throw new LicenseDoctorError('configuration', `OKTA_O365_APP_ID=${deps.oktaAppId} is not an Office 365 app instance of this Okta org. Office 365 instances found: ${known}.`);
    return configured;
  }
  const active = apps.filter((a) => a.status === 'ACTIVE');
  const only = active[0];
  if (active.length === 1 && only) return only;
  throw new LicenseDoctorError('configuration', active.length === 0
    ? `There is no active Office 365 app instance in this Okta org to scan (instances found: ${known}).`
    : `This Okta org has ${active.length} active Office 365 app instances (${known}): set OKTA_O365_APP_ID to the one to scan.`);
}

const time = (iso: string): number => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
};

/** The scan context and each Okta user's newest push failure (by Okta user id). */
export async function readScanContext(deps: ScanDeps, app: OktaApp, checkedAtMs: number): Promise<{ context: ScanContext; failures: Map<string, OktaPushFailure> }> {
  const checkedAt = new Date(checkedAtMs).toISOString();
  const since = new Date(checkedAtMs - deps.settings.pushFailureLookbackMs).toISOString();
  const [licenseSchema, provisioning, subscribedSkus, pushFailures] = await Promise.all([
    deps.okta.getLicenseSchema(app.id), deps.okta.getProvisioning(app.id), deps.entra.listSubscribedSkus(), deps.oktaPages.appPushFailures(app.id, since, checkedAt),
  ]);
  const failures = new Map<string, OktaPushFailure>();
  for (const { oktaUserId, failure } of pushFailures) {
    const known = failures.get(oktaUserId);
    if (!known || time(failure.published) > time(known.published)) failures.set(oktaUserId, failure);
  }
  return {
    context: { checkedAt, sandbox: deps.sandbox, workflowsConfigured: deps.workflowsConfigured, app, licenseSchema, provisioning, subscribedSkus },
    failures,
  };
}
