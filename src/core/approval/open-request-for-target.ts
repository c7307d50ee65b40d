// One change at a time per target: a request for the same user (or group, or app) and path as an open one is refused,
// with a pointer to the open one, so that two plans never race over the same licenses.
import type { Plan } from '../model/plan.ts';
import type { LicenseRequest } from '../model/request.ts';
import { REQUEST_STATUSES } from '../model/request.ts';
import { isTerminalStatus } from './terminal-statuses.ts';

/**
 * Statuses in which a request may still change its target on its own. A failed plan can be retried, but only by a
 * person's explicit retry; it does not hold the target against a new request (executions never overlap anyway).
 */
export const OPEN_STATUSES = REQUEST_STATUSES.filter((s) => !isTerminalStatus(s) && s !== 'failed');

/** What a plan changes: the user, the group or the app of its blast radius (executions of one target never overlap). */
export function targetKey(plan: Plan, entraObjectId: string): string {
  const b = plan.blastRadius;
  switch (b.kind) {
    case 'user': return `user:${entraObjectId.toLowerCase()}`;
    case 'group': return `group:${b.groupId.toLowerCase()}`;
    case 'app': return `app:${b.appId.toLowerCase()}`;
  }
}

/** The key an open request holds in the store (path and target), so that a second one cannot be stored even by
 *  another instance; null once the request is no longer open. Also the format of migration 0008's backfill. */
export function openTargetKey(request: LicenseRequest): string | null {
  return OPEN_STATUSES.includes(request.status) ? `${request.plan.path} ${targetKey(request.plan, request.target.entraObjectId)}` : null;
}

/** The open request among `open` with the same target and path as the new plan, if any. */
export function openRequestForTarget(open: readonly LicenseRequest[], plan: Plan, entraObjectId: string): LicenseRequest | null {
  const key = targetKey(plan, entraObjectId);
  return open.find((r) => OPEN_STATUSES.includes(r.status) && r.plan.path === plan.path && targetKey(r.plan, r.target.entraObjectId) === key) ?? null;
}

/** The refusal for a second request, naming the open one. */
export function targetBusyMessage(open: LicenseRequest): string {
  const what = open.plan.blastRadius.kind === 'user' ? open.target.displayName : open.plan.blastRadius.kind === 'group' ? `the group '${open.plan.blastRadius.groupName}'` : open.plan.blastRadius.appLabel;
  return `Request ${open.id} (${open.plan.path}, ${open.status}) is already open for ${what}: one change at a time. Follow it with \`license-doctor show ${open.id}\`, or cancel it first.`;
}
