// The view of a batch, for the CLI and every chat card: title, status, live counts, blast radius, approvals, one line
// per user (truncated by the renderer) and which buttons make sense.
import { actorName, joinNames } from '../approval/actor-label.ts';
import { countsLine } from '../batch/batch-counts.ts';
import type { BatchCounts, BatchMember, BatchMemberState, BatchRequest, BatchStatus } from '../model/batch.ts';
import { approvalsOf } from '../model/request.ts';
import { pathModule } from '../paths/path-registry.ts';
import type { Tone } from './view-model.ts';

export interface BatchMemberView {
  readonly user: string;
  readonly state: BatchMemberState;
  /** "SPE_E3 → SPE_E3 (direct) · 4 steps", or what happened. */
  readonly line: string;
  readonly requestId: string | null;
}

export interface BatchView {
  readonly id: string;
  readonly title: string;
  readonly status: BatchStatus;
  readonly tone: Tone;
  /** One sentence on where the batch stands. */
  readonly statusLine: string;
  readonly counts: BatchCounts;
  /** "3 done · 1 failed · 2 pending". */
  readonly countsLine: string;
  readonly blastRadius: string;
  readonly approvals: string;
  readonly requestedBy: string;
  readonly reason: string;
  readonly members: readonly BatchMemberView[];
  readonly skipped: number;
  readonly canDecide: boolean;
  readonly canRetry: boolean;
}

const TONE: Record<BatchStatus, Tone> = { pending: 'warning', approved: 'neutral', running: 'neutral', finished: 'good', rejected: 'attention', expired: 'neutral', cancelled: 'neutral' };

const MARK: Record<BatchMemberState, string> = { pending: 'pending', running: 'running', done: 'done', manual: 'manual steps', failed: 'failed', 'not-applicable': 'not applicable', split: 'split off' };

function memberLine(m: BatchMember): string {
  if (m.state !== 'pending' && m.detail) return `${MARK[m.state]}: ${m.detail}`;
  const p = m.plan;
  const change = `${p.before.join(', ') || 'none'} → ${p.after.join(', ') || 'none'}`;
  const removed = p.removed.length > 0 ? ` · loses ${p.removed.join(', ')}` : '';
  return `${MARK[m.state]} · ${change}${removed} · ${p.steps.length} step${p.steps.length === 1 ? '' : 's'}${p.needsManualSteps ? ' (some by hand)' : ''}`;
}

function statusLine(b: BatchRequest, c: BatchCounts): string {
  const approvals = approvalsOf(b);
  switch (b.status) {
    case 'pending': return `Waiting for ${b.approvalsRequired - approvals.length} more approval${b.approvalsRequired - approvals.length === 1 ? '' : 's'} (two approvers, neither the requester).`;
    case 'approved': return `Approved by ${joinNames(approvals.map((d) => actorName(d.by)))}; starting.`;
    case 'running': return `Running ${c.running} of ${c.total} users now; ${countsLine(c)}.`;
    case 'finished': return b.outcome ?? `Finished: ${countsLine(c)}.`;
    case 'rejected': {
      const last = b.decisions.at(-1);
      return last ? `Rejected by ${actorName(last.by)}: ${last.reason ?? ''}` : 'Rejected.';
    }
    case 'expired': return b.outcome ?? 'Expired.';
    case 'cancelled': return b.outcome ?? 'Cancelled.';
  }
}

/** The batch as every surface shows it. */
export function batchView(batch: BatchRequest, members: readonly BatchMember[], counts: BatchCounts): BatchView {
  const scope = batch.kind === 'users' ? `${batch.memberCount} user${batch.memberCount === 1 ? '' : 's'}` : batch.kind === 'group' ? `group '${batch.group?.displayName ?? '?'}'` : 'the whole app';
  const filter = [batch.group && batch.kind === 'users' ? `of '${batch.group.displayName}'` : '', batch.sku ? `(${batch.sku})` : ''].filter(Boolean).join(' ');
  const approvals = approvalsOf(batch);
  return {
    id: batch.id,
    title: `${pathModule(batch.path).labels.title} — ${scope}${filter ? ` ${filter}` : ''}`,
    status: batch.status,
    tone: batch.status === 'finished' && counts.failed > 0 ? 'attention' : TONE[batch.status],
    statusLine: statusLine(batch, counts),
    counts,
    countsLine: countsLine(counts),
    blastRadius: `Blast radius: ${batch.blastRadius.description}`,
    approvals: `${approvals.length} of ${batch.approvalsRequired}${approvals.length > 0 ? ` (${joinNames(approvals.map((d) => actorName(d.by)))})` : ''}`,
    requestedBy: actorName(batch.requestedBy),
    reason: batch.reason,
    members: members.map((m) => ({ user: m.displayName ? `${m.displayName} (${m.userPrincipalName})` : m.userPrincipalName, state: m.state, line: memberLine(m), requestId: m.requestId })),
    skipped: batch.skipped.length,
    canDecide: batch.status === 'pending',
    canRetry: (batch.status === 'finished' || batch.status === 'running') && counts.failed > 0,
  };
}
