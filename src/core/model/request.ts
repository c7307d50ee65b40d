// A change request: a plan someone asked for, its approvals and its execution (pure data, stored by RequestStore).
import type { PathId, Scope } from './diagnosis.ts';
import type { Plan } from './plan.ts';

export type RequestStatus =
  | 'pending'
  | 'approved'
  | 'executing'
  | 'succeeded'
  | 'failed'
  | 'needs-manual-steps'
  | 'rejected'
  | 'expired'
  | 'cancelled';

export const REQUEST_STATUSES: readonly RequestStatus[] = [
  'pending', 'approved', 'executing', 'succeeded', 'failed', 'needs-manual-steps', 'rejected', 'expired', 'cancelled',
];

/** Where a person acted from. */
export type Surface = 'cli' | 'slack' | 'teams' | 'web';

/**
 * How a command-line operator was identified: the OS account that ran the command, and the Entra sign-in behind
 * `--login` (null: the UPN was only typed with `--as`, so it is asserted, not verified).
 */
export interface CliIdentity {
  readonly osUser: string;
  readonly signIn: 'azure-cli' | 'device-code' | null;
}

/** A person acting on License Doctor, identified by their Entra UPN (what every policy check uses). */
export interface Actor {
  readonly userPrincipalName: string;
  readonly displayName: string | null;
  readonly entraObjectId: string | null;
  readonly surface: Surface;
  /** The surface's own id for the person (Slack user id, Teams MRI, OS user for the CLI). */
  readonly surfaceUserId: string | null;
  /** Set for the command line: who ran it and whether their identity was verified. */
  readonly cli?: CliIdentity;
}

export interface Decision {
  readonly kind: 'approve' | 'reject' | 'cancel';
  readonly by: Actor;
  readonly at: string;
  readonly reason: string | null;
}

export type StepStatus = 'pending' | 'running' | 'succeeded' | 'skipped' | 'failed' | 'manual';

/** Progress of one plan step (the journal has every attempt; this is the latest). */
export interface StepProgress {
  readonly stepId: string;
  readonly status: StepStatus;
  readonly detail: string | null;
  readonly at: string | null;
}

export interface RequestOutcome {
  readonly status: 'succeeded' | 'failed' | 'needs-manual-steps';
  readonly message: string;
}

/** When the quorum was reached, until when that approval may start the plan, and whether READ_ONLY was on then. */
export interface ApprovalWindow {
  readonly at: string;
  /** After this moment the approval is stale: the request expires instead of running (APPROVAL_TTL_HOURS). */
  readonly runBy: string;
  /** Approved while READ_ONLY was on: such an approval never runs, also after READ_ONLY is lifted. */
  readonly readOnly: boolean;
}

export interface LicenseRequest {
  readonly id: string;
  readonly status: RequestStatus;
  /** Incremented by every change; changes are compare-and-set on it. */
  readonly version: number;
  readonly path: PathId;
  readonly scope: Scope;
  readonly approvalsRequired: number;
  readonly requestedBy: Actor;
  /** The requester's justification. */
  readonly reason: string;
  /** The requester acknowledged that the user loses the plan's removed licenses. */
  readonly removalAcknowledged: boolean;
  readonly target: { readonly userPrincipalName: string; readonly displayName: string; readonly entraObjectId: string; readonly oktaUserId: string | null; readonly appId: string | null };
  readonly plan: Plan;
  readonly decisions: readonly Decision[];
  readonly steps: readonly StepProgress[];
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly updatedAt: string;
  readonly outcome: RequestOutcome | null;
  /** Set by the approval that completed the quorum (absent on requests approved before approvals expired). */
  readonly approval?: ApprovalWindow;
}

/** The approvals that count (distinct approvers, in order). */
export function approvalsOf(request: Pick<LicenseRequest, 'decisions'>): Decision[] {
  const seen = new Set<string>();
  return request.decisions.filter((d) => {
    if (d.kind !== 'approve') return false;
    const key = d.by.userPrincipalName.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export type { PathId, Scope };
