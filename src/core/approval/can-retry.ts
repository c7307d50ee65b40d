// Whether a request can be retried at all (a surface shows Retry): the same rule `transition` applies to a retry by
// its requester, asked without recording anything. Who may press it is decided on the server at every click.
import type { LicenseRequest } from '../model/request.ts';
import { applyRetry } from './apply-retry.ts';

/** True when the requester could retry `request` now (it failed); READ_ONLY and the clicker are checked on the click. */
export function canRetry(request: LicenseRequest): boolean {
  const asRequester = { kind: 'retry', actor: request.requestedBy, isApprover: false } as const;
  return applyRetry(request, asRequester, { now: request.updatedAt, readOnly: false }).kind === 'changed';
}
