// Approvals expire (APPROVAL_TTL_HOURS) and approvals given under READ_ONLY never run: every event kind against an
// approved request in each situation, each cell with its exact answer.
import { approvalExpiredMessage, isExpiryDue, staleApproval } from '../../../src/core/approval/approval-window.ts';
import { describeStatus } from '../../../src/core/approval/describe-status.ts';
import { REQUEST_EVENT_KINDS, type RequestEvent, type RequestEventKind } from '../../../src/core/approval/request-event.ts';
import type { RefusalReason } from '../../../src/core/approval/refusal-reason.ts';
import { transition, type TransitionContext } from '../../../src/core/approval/transition.ts';
import { REQUEST_STATUSES, type LicenseRequest, type RequestStatus } from '../../../src/core/model/request.ts';
import { IDA, LATER, MEGAN, PATTI, approveBy, cancelBy, minutesAfter, pendingRequest, rejectBy, requestIn } from './request-factory.ts';

const EVENTS: Readonly<Record<RequestEventKind, RequestEvent>> = {
  approve: approveBy(MEGAN),
  reject: rejectBy(MEGAN, 'Not during the quarter close'),
  cancel: cancelBy(IDA),
  expire: { kind: 'expire' },
  'start-execution': { kind: 'start-execution', owner: 'instance-b' },
  step: { kind: 'step', progress: { stepId: 's1', status: 'succeeded', detail: null, at: minutesAfter(60) } },
  finish: { kind: 'finish', outcome: { status: 'succeeded', message: 'Verified.' } },
  resume: { kind: 'resume', owner: 'instance-b' },
  retry: { kind: 'retry', actor: IDA, isApprover: false },
};

/** Patti approved at LATER (10:42 UTC); with the default 4 hours the approval runs out at 14:42 UTC. */
const RUN_BY = minutesAfter(282);
const approvedUnderReadOnly = (): LicenseRequest => {
  const r = transition(pendingRequest(), approveBy(PATTI), { now: LATER, readOnly: true });
  if (r.kind !== 'changed') throw new Error('expected the approval to be recorded');
  return r.request;
};
const { approval: _window, ...legacy } = requestIn('approved');

type Cell = ['changed', RequestStatus] | ['refused', RefusalReason, RequestStatus | null];
const AD: Cell = ['refused', 'already-decided', null];
const NO: Cell = ['refused', 'invalid-transition', null];
const CANCEL: Cell = ['changed', 'cancelled'];
const STALE: readonly Cell[] = [AD, AD, CANCEL, ['changed', 'expired'], ['refused', 'expired', 'expired'], NO, NO, NO, NO];

/** Columns: approve, reject, cancel, expire, start-execution, step, finish, resume, retry. */
const SITUATIONS: ReadonlyArray<{ name: string; request: LicenseRequest; ctx: TransitionContext; row: readonly Cell[] }> = [
  { name: 'within the approval window', request: requestIn('approved'), ctx: { now: minutesAfter(281), readOnly: false }, row: [AD, AD, CANCEL, NO, ['changed', 'executing'], NO, NO, NO, NO] },
  { name: 'at the end of the window', request: requestIn('approved'), ctx: { now: RUN_BY, readOnly: false }, row: STALE },
  { name: 'a longer APPROVAL_TTL_HOURS', request: transitionApproved(8), ctx: { now: RUN_BY, readOnly: false }, row: [AD, AD, CANCEL, NO, ['changed', 'executing'], NO, NO, NO, NO] },
  { name: 'approved under READ_ONLY, READ_ONLY lifted', request: approvedUnderReadOnly(), ctx: { now: minutesAfter(50), readOnly: false }, row: STALE },
  { name: 'approved under READ_ONLY, READ_ONLY still on', request: approvedUnderReadOnly(), ctx: { now: minutesAfter(50), readOnly: true }, row: [AD, AD, CANCEL, NO, ['refused', 'read-only', null], NO, NO, NO, NO] },
  { name: 'approved under READ_ONLY, its time ran out', request: approvedUnderReadOnly(), ctx: { now: RUN_BY, readOnly: true }, row: [AD, AD, CANCEL, ['changed', 'expired'], ['refused', 'read-only', null], NO, NO, NO, NO] },
  { name: 'approved before approvals had a window', request: legacy, ctx: { now: minutesAfter(50), readOnly: false }, row: STALE },
];

function transitionApproved(hours: number): LicenseRequest {
  const r = transition(pendingRequest(), approveBy(PATTI), { now: LATER, readOnly: false, approvalTtlHours: hours });
  if (r.kind !== 'changed') throw new Error('expected the approval to be recorded');
  return r.request;
}

const cells = SITUATIONS.flatMap((s) => REQUEST_EVENT_KINDS.map((kind, i) => ({ ...s, kind, cell: s.row[i] as Cell })));

test('each situation has a cell for every event kind', () => {
  expect(SITUATIONS.every((s) => s.row.length === REQUEST_EVENT_KINDS.length)).toBe(true);
});

test.each(cells)('$name × $kind → $cell', ({ request, ctx, kind, cell }) => {
  const result = transition(request, EVENTS[kind], ctx);
  if (cell[0] === 'changed') {
    expect(result).toMatchObject({ kind: 'changed', request: { status: cell[1], version: request.version + 1 } });
    return;
  }
  expect(result).toMatchObject({ kind: 'refused', reason: cell[1] });
  if (result.kind !== 'refused') return;
  // A start refused on a stale approval expires the request anyway (stored like a change).
  expect(result.request?.status ?? null).toBe(cell[2]);
});

test('an approval records its window, with the flag it was given under', () => {
  expect(requestIn('approved').approval).toEqual({ at: LATER, runBy: RUN_BY, readOnly: false });
  expect(approvedUnderReadOnly().approval).toEqual({ at: LATER, runBy: RUN_BY, readOnly: true });
  expect(transitionApproved(1).approval?.runBy).toBe(minutesAfter(102));
});

test('an expired approval tells the requester and the approvers why, and is audited with its cause', () => {
  const result = transition(requestIn('approved'), { kind: 'expire' }, { now: RUN_BY, readOnly: false });
  const message = 'This approval ran out at 14:42 UTC: the change did not start within the approval\'s time, so it needs a fresh decision. Ask for a new request.';
  expect(result).toMatchObject({
    kind: 'changed',
    effects: [{ kind: 'notify', audience: 'requester', message }, { kind: 'notify', audience: 'approvers', message }],
    audit: [{ action: 'request.expired', actor: 'system', data: { cause: 'approval-ran-out', approvedAt: LATER, runBy: RUN_BY, approvals: 1, approvalsRequired: 1 } }],
  });
  if (result.kind !== 'changed') return;
  expect(describeStatus(result.request)).toBe('Expired: approved by Patti Fernandez but not started by 2026-05-07 14:42 UTC');
  // Any later click hears the same.
  expect(transition(result.request, approveBy(MEGAN), { now: RUN_BY, readOnly: false })).toMatchObject({ kind: 'refused', reason: 'expired', message });
});

test('lifting READ_ONLY: the start is refused, the request expires, and the audit says it was approved under READ_ONLY', () => {
  const request = approvedUnderReadOnly();
  const result = transition(request, EVENTS['start-execution'], { now: minutesAfter(50), readOnly: false });
  const message = 'This request was approved at 10:42 UTC while READ_ONLY was on; such approvals never run, also after READ_ONLY is lifted. Ask for a new request.';
  expect(result).toMatchObject({
    kind: 'refused', reason: 'expired', message,
    request: { status: 'expired' },
    audit: [{ action: 'request.expired', data: { cause: 'approved-under-read-only' } }, { action: 'execution.refused', data: { reason: 'expired', message } }],
  });
  if (result.kind !== 'refused' || !result.request) return;
  expect(describeStatus(result.request)).toBe('Expired: approved by Patti Fernandez while READ_ONLY was on, which never runs');
});

test('a recovery of a change that started in time is not stopped by the approval window', () => {
  const executing = requestIn('executing');
  expect(transition(executing, EVENTS['start-execution'], { now: minutesAfter(600), readOnly: false })).toMatchObject({ kind: 'changed', request: { status: 'executing' } });
});

describe('isExpiryDue (what the maintenance pass expires)', () => {
  const due = (status: RequestStatus, now: string, readOnly = false) => isExpiryDue(requestIn(status), { now, readOnly });
  test.each(REQUEST_STATUSES.filter((s) => s !== 'pending' && s !== 'approved'))('%s: never', (status) => {
    expect(due(status, minutesAfter(100_000))).toBe(false);
  });
  test('pending: at its expiresAt', () => {
    expect([due('pending', minutesAfter(1439)), due('pending', minutesAfter(1440))]).toEqual([false, true]);
  });
  test('approved: at the end of its window, or once READ_ONLY is lifted on an approval given under it', () => {
    expect([due('approved', minutesAfter(281)), due('approved', RUN_BY)]).toEqual([false, true]);
    const ro = approvedUnderReadOnly();
    expect([isExpiryDue(ro, { now: minutesAfter(50), readOnly: true }), isExpiryDue(ro, { now: minutesAfter(50), readOnly: false })]).toEqual([false, true]);
    expect(staleApproval(legacy, { now: LATER, readOnly: false })).toMatchObject({ reason: 'expired' });
    expect(approvalExpiredMessage(legacy)).toBe('This approval was given before approvals expired and cannot start the change now; ask for a new request.');
  });
});
