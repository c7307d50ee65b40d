// The plan's last step. While Okta's push is awaited only the app user is read (every verifyIntervalMs, growing by
// half each time up to verifyMaxIntervalMs): Okta's rate limits are per minute, and the log and the connection say
// nothing new until the push happened. Then one full read (Graph, the app user, the System Log, the connection)
// decides, and the outcome says what is true: verified, Okta's push failed, group licensing is late, Okta has not
// pushed, or Okta pushed and the user is short of a license (which one, and which side removed it).
import { LicenseDoctorError } from '../core/errors.ts';
import type { PlanStep } from '../core/model/plan.ts';
import type { OktaAppUser } from '../core/model/okta.ts';
import type { LicenseRequest } from '../core/model/request.ts';
import { stepState } from '../core/plans/step-state.ts';
import { isKind } from '../core/steps/step-table.ts';
import { verify } from '../core/steps/verify.ts';
import { pause, type ExecutionLease } from './execution-lease.ts';
import { readLiveState } from './read-live-state.ts';
import type { ServiceDeps } from './service-deps.ts';
import { stepTable } from './step-kinds.ts';
import { explainUnverified } from './explain-unverified.ts';

export interface Verification {
  readonly ok: boolean;
  /** Not verified yet, but a person can complete it (retry the Okta task; wait for group licensing) and Re-check. */
  readonly manual: boolean;
  readonly detail: string;
}

const at = (iso: string | null | undefined): string => (iso ? `${iso.slice(11, 16)} UTC` : 'an unknown time');

/** Okta reports a push after `since`, or a failed one: either way there is something to read. */
function pushSettled(appUser: OktaAppUser | null, since: string): boolean {
  if (appUser === null || appUser.syncState === 'ERROR') return true;
  const synced = appUser.lastSync === null ? Number.NaN : Date.parse(appUser.lastSync);
  return appUser.syncState === 'SYNCHRONIZED' && synced > Date.parse(since);
}

/** Waits for the verify step to hold, or its timeout. `since`: when the last write was made. */
export async function verifyPlan(deps: ServiceDeps, lease: ExecutionLease, request: LicenseRequest, step: PlanStep, since: string): Promise<Verification> {
  const action = step.action;
  if (!isKind(verify, action)) throw new LicenseDoctorError('configuration', 'verifyPlan needs a verify step');
  const deadline = deps.clock.now() + deps.execution.verifyTimeoutMs;
  if (action.expectOktaPush) {
    let interval = deps.execution.verifyIntervalMs;
    for (;;) {
      const appUser = await deps.diagnose.okta.getAppUser(action.appId, action.oktaUserId);
      if (pushSettled(appUser, since) || deps.clock.now() >= deadline) break;
      await lease.hold();
      await pause(Math.min(interval, Math.max(0, deadline - deps.clock.now())), deps.stopSignal);
      interval = Math.min(Math.round(interval * 1.5), deps.execution.verifyMaxIntervalMs);
    }
  }
  const live = await readLiveState(deps, request);
  if (stepState(step, live.input, since, stepTable(deps)) === 'done') {
    const appUser = live.input.okta?.appUser;
    const detail = action.expectProvisioningDisabled
      ? `Verified: Okta's provisioning of ${live.input.okta?.app?.label ?? 'the Office 365 app'} is off, so Okta no longer pushes licenses; ${request.target.displayName} keeps the licenses Entra ID gives.`
      : action.expectProvisioningEnabled === true
        ? `Verified: Okta's provisioning of ${live.input.okta?.app?.label ?? 'the Office 365 app'} is on again, so Okta pushes profiles and licenses.`
        : `Verified: Okta pushed ${request.target.displayName}'s profile successfully at ${at(appUser?.lastSync)}, and Microsoft Graph shows ${live.report.licenses.map((l) => `${l.productName} (${l.assignment})`).join(', ') || 'no licenses'}.`;
    return { ok: true, manual: false, detail };
  }
  return explainUnverified(request, action, live, since);
}
