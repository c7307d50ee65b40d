// Statuses a request never leaves.
import type { RequestStatus } from '../model/request.ts';

/** Final statuses: a request in one of them never changes again (a new request is needed). A failed plan is not
 *  final: the requester or an approver can retry it from the failed step. */
const TERMINAL_STATUSES: readonly RequestStatus[] = ['succeeded', 'rejected', 'expired', 'cancelled'];

/** True when the request can no longer change. */
export function isTerminalStatus(status: RequestStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}
