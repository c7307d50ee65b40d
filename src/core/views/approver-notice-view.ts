// What an approver is told in a direct message: a request needs them, or (once) that it expires soon.
import { approvalsOf, type LicenseRequest } from '../model/request.ts';
import { utcTime } from '../approval/utc-time.ts';
import { pathModule } from '../paths/path-registry.ts';

export interface ApproverNoticeView {
  readonly requestId: string;
  /** One line, License Doctor's own words. */
  readonly headline: string;
  /** The requester's justification: data, to be escaped by the surface. */
  readonly reason: string;
  /** Where to decide. */
  readonly where: string;
}

/** The notice for `request` (`reminder`: the one before expiry) at `now`. */
export function approverNoticeView(request: LicenseRequest, kind: 'new' | 'reminder', now: string): ApproverNoticeView {
  const left = Math.max(request.approvalsRequired - approvalsOf(request).length, 0);
  const needs = `${left} more approval${left === 1 ? '' : 's'}`;
  const what = `${request.target.displayName} — ${pathModule(request.path).labels.title}`;
  const by = request.requestedBy.displayName ?? request.requestedBy.userPrincipalName;
  const headline = kind === 'new'
    ? `Request ${request.id} needs your approval: ${what}, asked by ${by}. It needs ${needs} and expires at ${utcTime(request.expiresAt, now)}.`
    : `Reminder: request ${request.id} (${what}, asked by ${by}) expires at ${utcTime(request.expiresAt, now)} and still needs ${needs}.`;
  return { requestId: request.id, headline, reason: request.reason, where: `Approve or reject it on its card in the approvals channel, or send "status ${request.id}".` };
}
