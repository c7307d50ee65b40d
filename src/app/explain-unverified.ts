// What to say when the verify step does not hold after Okta's push was awaited. Each sentence is a fact read just
// now: the push failed; Okta pushed and the user is short of a license (which, and which side removed it); group
// licensing has not caught up; or Okta has not pushed at all.
import type { Diagnosis } from '../core/model/diagnosis.ts';
import type { LicenseRequest } from '../core/model/request.ts';
import { oktaLicenseValues } from '../core/licensing/okta-license-values.ts';
import type { VerifyAction } from '../core/steps/verify.ts';
import type { Verification } from './verify-plan.ts';

const GRANTING: ReadonlySet<string> = new Set(['Active', 'ActiveWithError']);
const norm = (v: string) => v.trim().toLowerCase();
const at = (iso: string | null | undefined) => (iso ? `${iso.slice(11, 16)} UTC` : 'an unknown time');
const after = (iso: string | null | undefined, since: string) => !!iso && Date.parse(iso) > Date.parse(since);

/** Licenses the plan keeps that the user no longer has, each with the side that removed it. */
function shortOf(request: LicenseRequest, action: VerifyAction, live: Diagnosis): string[] {
  const granted = new Set(live.report.licenses.filter((l) => GRANTING.has(l.state)).map((l) => norm(l.skuId)));
  const appUser = live.input.okta?.appUser ?? null;
  const held = appUser ? oktaLicenseValues(appUser, live.input.okta?.licenseSchema ?? null).map(norm) : [];
  const lines = [...request.plan.after, ...request.plan.before];
  return action.expectLicenses.filter((sku) => !granted.has(norm(sku))).map((sku) => {
    const line = lines.find((l) => norm(l.skuId) === norm(sku));
    const product = line?.productName ?? sku;
    const part = norm(line?.skuPartNumber ?? '');
    const oktaHolds = part !== '' && held.some((v) => v === part || v.startsWith(`${part}:`));
    return oktaHolds
      ? `${product} (Okta holds it, so Okta's push did not remove it: Entra ID shows no path for it any more — the group path went and no direct assignment is there)`
      : `${product} (Okta's licenses for ${request.target.displayName} lack it — ${held.join(', ') || 'none'} — so Okta's push removed it)`;
  });
}

/** The outcome of a verification that did not hold, from the live state read at its end. */
export function explainUnverified(request: LicenseRequest, action: VerifyAction, live: Diagnosis, since: string): Verification {
  const name = request.target.displayName;
  const failure = live.input.okta?.pushFailures[0];
  const appUser = live.input.okta?.appUser ?? null;
  const pushed = appUser?.syncState === 'SYNCHRONIZED' && after(appUser.lastSync, since);
  if (failure && failure.published >= since && !(pushed && after(appUser?.lastSync, failure.published))) {
    return { ok: false, manual: false, detail: `Okta's push after the change failed at ${at(failure.published)}: ${failure.message}` };
  }
  const missing = shortOf(request, action, live);
  if (pushed && missing.length > 0) {
    return {
      ok: false, manual: false,
      detail: `Okta pushed ${name}'s profile successfully at ${at(appUser?.lastSync)}, but ${name} is now without ${missing.join('; ')}. Give the license back (in Okta, or directly in Entra ID), then retry (license-doctor retry ${request.id} --as <you>).`,
    };
  }
  const groupPaths = live.report.licenses.filter((l) => l.group && GRANTING.has(l.state) && action.expectNoGroupPathFor.some((s) => norm(s) === norm(l.skuId)));
  if (groupPaths.length > 0 && request.path === 'okta-owns-licenses') {
    return {
      ok: false, manual: true,
      detail: `Entra ID's group-based licensing has not processed the change yet (${groupPaths.map((l) => `${l.productName} still comes from ${l.group?.displayName}`).join('; ')}). Re-check in a few minutes (license-doctor recheck ${request.id}).`,
    };
  }
  if (pushed) {
    return { ok: false, manual: true, detail: `Okta pushed ${name}'s profile at ${at(appUser?.lastSync)}, but Microsoft Graph does not show the expected result yet. Re-check in a few minutes (license-doctor recheck ${request.id}).` };
  }
  if (action.expectProvisioningDisabled) {
    return { ok: false, manual: true, detail: `Okta's provisioning of the app is still on. Check it in the Okta Admin Console (Applications > Office 365 > Provisioning), then Re-check (license-doctor recheck ${request.id}).` };
  }
  return {
    ok: false, manual: true,
    detail: `Okta has not pushed ${name}'s profile since the change (Okta may not push a profile that did not change). Retry the failed task in the Okta Admin Console (Dashboard > Tasks), then Re-check (license-doctor recheck ${request.id}).`,
  };
}
