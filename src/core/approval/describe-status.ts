// One line about where a request stands, for cards, status messages and the CLI.
import { approvalsOf, type Decision, type LicenseRequest } from '../model/request.ts';
import { actorName, joinNames } from './actor-label.ts';
import { utcTime } from './utc-time.ts';

const names = (decisions: readonly Decision[]): string => joinNames(decisions.map((d) => actorName(d.by)));

function last(request: LicenseRequest, kind: Decision['kind']): Decision | undefined {
  return request.decisions.filter((d) => d.kind === kind).at(-1);
}

function pending(request: LicenseRequest): string {
  const approvals = approvalsOf(request);
  const left = Math.max(request.approvalsRequired - approvals.length, 0);
  const which = approvals.length === 0 ? `${left} approval${left === 1 ? '' : 's'}` : `${left} more approval${left === 1 ? '' : 's'}`;
  const sofar = `${approvals.length} of ${request.approvalsRequired}${approvals.length > 0 ? `: ${names(approvals)}` : ''}`;
  return `Waiting for ${which} (${sofar}); expires ${utcTime(request.expiresAt)}`;
}

function running(request: LicenseRequest): string {
  const total = request.plan.steps.length;
  const index = request.steps.findIndex((s) => s.status === 'running');
  const next = index >= 0 ? index : request.steps.findIndex((s) => s.status === 'pending');
  const where = next >= 0 ? `running step ${next + 1} of ${total}` : `finishing (${total} of ${total} steps done)`;
  return `Approved by ${names(approvalsOf(request))}, ${where}`;
}

const withMessage = (label: string, request: LicenseRequest): string => {
  const message = request.outcome?.message.trim();
  return message ? `${label}: ${message}` : label;
};

/** E.g. "Waiting for 1 more approval (1 of 2: Patti Fernandez); expires …", "Approved by Patti Fernandez, running step 3 of 5". */
export function describeStatus(request: LicenseRequest): string {
  switch (request.status) {
    case 'pending':
      return pending(request);
    case 'approved':
      return `Approved by ${names(approvalsOf(request))}; waiting to run`;
    case 'executing':
      return running(request);
    case 'succeeded':
      return withMessage('Succeeded', request);
    case 'failed':
      return withMessage('Failed', request);
    case 'needs-manual-steps':
      return withMessage('Waiting for manual steps', request);
    case 'rejected': {
      const d = last(request, 'reject');
      return d ? `Rejected by ${actorName(d.by)}: ${d.reason ?? 'no reason given'}` : 'Rejected';
    }
    case 'expired':
      // A plan that ran and then waited for manual steps too long expires with its last outcome kept.
      if (request.outcome?.status === 'needs-manual-steps') return `Expired while waiting for manual steps (since ${utcTime(request.updatedAt)})`;
      if (request.approval?.readOnly) return `Expired: approved by ${names(approvalsOf(request))} while READ_ONLY was on, which never runs`;
      if (request.approval) return `Expired: approved by ${names(approvalsOf(request))} but not started by ${utcTime(request.approval.runBy)}`;
      return `Expired at ${utcTime(request.expiresAt)} with ${approvalsOf(request).length} of ${request.approvalsRequired} approvals`;
    case 'cancelled': {
      const d = last(request, 'cancel');
      return d ? `Cancelled by ${actorName(d.by)}` : 'Cancelled';
    }
  }
}
