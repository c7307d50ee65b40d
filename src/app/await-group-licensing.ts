// Before Okta is asked to push again, the group-based paths the plan takes away must really be gone: Entra ID applies
// a membership or group-license change only after a while (minutes in a real tenant), while Okta pushes within seconds.
// Pushed too early, Okta still sees the inherited license, changes nothing and reports success; once the group path
// goes, a user without a direct assignment (the variant with a gap) is left without the license until the next push.
import type { LicenseRequest } from '../core/model/request.ts';
import { pause, type ExecutionLease } from './execution-lease.ts';
import { readLiveState } from './read-live-state.ts';
import type { ServiceDeps } from './service-deps.ts';
import { kindOf } from './step-kinds.ts';

export type GroupLicensingWait =
  | { readonly kind: 'applied' }
  /** Still granted by a group when the time limit passed; `detail` says which and what to do. */
  | { readonly kind: 'pending'; readonly detail: string };

const GRANTING: ReadonlySet<string> = new Set(['Active', 'ActiveWithError']);

/** Polls the live state until no group grants the user a SKU the plan's steps (its verify step) expect no group path for. */
export async function awaitGroupLicensing(deps: ServiceDeps, request: LicenseRequest, lease: ExecutionLease): Promise<GroupLicensingWait> {
  const skus = request.plan.steps.flatMap((s) => kindOf(deps, s).noGroupPathFor?.(s.action) ?? []).map((s) => s.toLowerCase());
  if (skus.length === 0) return { kind: 'applied' };
  const deadline = deps.clock.now() + deps.execution.verifyTimeoutMs;
  for (;;) {
    const live = await readLiveState(deps, request);
    const left = live.report.licenses.filter((l) => l.group !== null && GRANTING.has(l.state) && skus.includes(l.skuId.toLowerCase()));
    if (left.length === 0) return { kind: 'applied' };
    if (deps.clock.now() >= deadline) {
      const paths = left.map((l) => `${l.productName} still comes from '${l.group?.displayName ?? 'a group'}'`).join('; ');
      return {
        kind: 'pending',
        detail:
          `Entra ID's group-based licensing has not processed the change yet (${paths}), so Okta was not asked to push yet. ` +
          `Re-check in a few minutes (license-doctor recheck ${request.id}): License Doctor then asks Okta to push and verifies.`,
      };
    }
    await lease.hold();
    await pause(deps.execution.verifyIntervalMs, deps.stopSignal);
  }
}
