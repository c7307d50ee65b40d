// The plan's last step: wait until Okta's sync state, the System Log and Graph's license states agree with the plan.
import type { PlanStep } from '../core/model/plan.ts';
import type { LicenseRequest } from '../core/model/request.ts';
import { stepState } from '../core/plans/step-state.ts';
import { readLiveState } from './read-live-state.ts';
import type { ServiceDeps } from './service-deps.ts';

export interface Verification {
  readonly ok: boolean;
  /** Not verified yet, but a person can complete it (retry the Okta task; wait for group licensing) and Re-check. */
  readonly manual: boolean;
  readonly detail: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const at = (iso: string | null | undefined) => (iso ? `${iso.slice(11, 16)} UTC` : 'an unknown time');

/** Polls the live state until the verify step holds, or the timeout passes. `since`: when the last write was made. */
export async function verifyPlan(deps: ServiceDeps, request: LicenseRequest, step: PlanStep, since: string, owner: string): Promise<Verification> {
  if (step.action.kind !== 'verify') throw new Error('verifyPlan needs a verify step');
  const action = step.action;
  const deadline = deps.clock.now() + deps.execution.verifyTimeoutMs;
  for (;;) {
    const live = await readLiveState(deps, request);
    if (stepState(step, live.input, since) === 'done') {
      const appUser = live.input.okta?.appUser;
      const detail = action.expectProvisioningDisabled
        ? `Verified: Okta's provisioning of ${live.input.okta?.app?.label ?? 'the Office 365 app'} is off, so Okta no longer pushes licenses; ${request.target.displayName} keeps the licenses Entra ID gives.`
        : action.expectProvisioningEnabled === true ? `Verified: Okta's provisioning of ${live.input.okta?.app?.label ?? 'the Office 365 app'} is on again, so Okta pushes profiles and licenses.` : `Verified: Okta pushed ${request.target.displayName}'s profile successfully at ${at(appUser?.lastSync)}, and Microsoft Graph shows ${live.report.licenses.map((l) => `${l.productName} (${l.assignment})`).join(', ') || 'no licenses'}.`;
      return { ok: true, manual: false, detail };
    }
    if (deps.clock.now() >= deadline) return explainTimeout(request, live, since);
    await deps.store.renewLease(request.id, owner, deps.clock.now(), deps.execution.leaseMs);
    await sleep(deps.execution.verifyIntervalMs);
  }
}

function explainTimeout(request: LicenseRequest, live: Awaited<ReturnType<typeof readLiveState>>, since: string): Verification {
  const name = request.target.displayName;
  const failure = live.input.okta?.pushFailures[0];
  if (failure && failure.published >= since) {
    return { ok: false, manual: false, detail: `Okta's push after the change failed at ${at(failure.published)}: ${failure.message}` };
  }
  const groupPaths = live.report.licenses.filter((l) => l.group);
  if (groupPaths.length > 0 && request.path === 'okta-owns-licenses') {
    return {
      ok: false, manual: true,
      detail: `Entra ID's group-based licensing has not processed the change yet (${groupPaths.map((l) => `${l.productName} still comes from ${l.group?.displayName}`).join('; ')}). Re-check in a few minutes (license-doctor recheck ${request.id}).`,
    };
  }
  return {
    ok: false, manual: true,
    detail: `Okta has not pushed ${name}'s profile since the change (Okta may not push a profile that did not change). Retry the failed task in the Okta Admin Console (Dashboard > Tasks), then Re-check (license-doctor recheck ${request.id}).`,
  };
}
