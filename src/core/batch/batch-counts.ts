// Live counts of a batch, and how one user's request status reads in the batch.
import type { BatchCounts, BatchMember, BatchMemberState } from '../model/batch.ts';
import type { RequestStatus } from '../model/request.ts';

/** done / manual / failed / pending (with running) and the rest, over the members. */
export function countMembers(members: readonly Pick<BatchMember, 'state'>[]): BatchCounts {
  const n = (state: BatchMemberState) => members.filter((m) => m.state === state).length;
  return {
    total: members.length, done: n('done'), manual: n('manual'), failed: n('failed'), pending: n('pending') + n('running'), running: n('running'),
    notApplicable: n('not-applicable'), split: n('split'),
  };
}

/** The member state of a user whose request is `status` (null: the request still runs or waits to). */
export function memberStateOf(status: RequestStatus): BatchMemberState | null {
  switch (status) {
    case 'succeeded': return 'done';
    case 'needs-manual-steps': return 'manual';
    case 'failed': case 'rejected': case 'expired': case 'cancelled': return 'failed';
    case 'pending': case 'approved': case 'executing': return null;
  }
}

/** True when nothing is left to run: every member done, manual, failed, not applicable or split. */
export function isSettled(counts: BatchCounts): boolean {
  return counts.pending === 0;
}

/** "3 done · 1 manual · 1 failed · 2 pending" (the parts that are not zero; "nothing yet" when all are). */
export function countsLine(c: BatchCounts): string {
  const parts = [
    c.done > 0 ? `${c.done} done` : '', c.manual > 0 ? `${c.manual} manual` : '', c.failed > 0 ? `${c.failed} failed` : '',
    c.pending > 0 ? `${c.pending} pending` : '', c.notApplicable > 0 ? `${c.notApplicable} not applicable` : '', c.split > 0 ? `${c.split} split off` : '',
  ].filter(Boolean);
  return parts.length === 0 ? 'no users' : parts.join(' · ');
}
