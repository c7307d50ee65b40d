// The view of a request: status line, approvals, plan with step progress, outcome, and which buttons make sense.
import { canRetry } from '../approval/can-retry.ts';
import { describeStatus } from '../approval/describe-status.ts';
import { identityNote } from '../approval/identity-note.ts';
import { approvalsOf, type Actor, type LicenseRequest, type RequestStatus } from '../model/request.ts';
import { pathModule } from '../paths/path-registry.ts';
import { planView } from './plan-view.ts';
import type { RequestView, Tone } from './view-model.ts';

const TONE: Record<RequestStatus, Tone> = {
  pending: 'warning',
  approved: 'neutral',
  executing: 'neutral',
  succeeded: 'good',
  failed: 'attention',
  'needs-manual-steps': 'warning',
  rejected: 'attention',
  expired: 'neutral',
  cancelled: 'neutral',
};

const who = (a: Actor) => a.displayName ?? a.userPrincipalName;
/** A name with how it was established when that is weaker than a chat platform's word (the command line). */
const whoWithIdentity = (a: Actor) => {
  const note = identityNote(a);
  return note ? `${who(a)} (${note})` : who(a);
};

/** The chat view of a request. */
export function requestView(request: LicenseRequest): RequestView {
  const approvals = approvalsOf(request);
  const pending = request.status === 'pending';
  const path = pathModule(request.path);
  // A path whose success can be undone (paths 2 and 3: turn Okta's provisioning back on) offers its undo.
  const undo = path.undoneBy !== undefined && request.status === 'succeeded' ? pathModule(path.undoneBy) : null;
  return {
    id: request.id,
    status: request.status,
    tone: TONE[request.status],
    title: `${request.target.displayName} — ${path.labels.title}`,
    statusLine: describeStatus(request),
    requestedBy: who(request.requestedBy),
    reason: request.reason,
    approvals: `${approvals.length} of ${request.approvalsRequired}${approvals.length > 0 ? `: ${approvals.map((d) => whoWithIdentity(d.by)).join(', ')}` : ''}`,
    plan: planView(request.plan, request.steps),
    outcome: request.outcome?.message ?? null,
    expiresAt: request.expiresAt,
    actions: { approve: pending, reject: pending, cancel: pending || request.status === 'approved', recheck: request.status === 'needs-manual-steps', retry: canRetry(request) },
    followUp: undo ? { path: undo.id, label: undo.labels.button, query: request.target.userPrincipalName } : null,
  };
}
