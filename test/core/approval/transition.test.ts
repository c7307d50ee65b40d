// The whole state machine as a table: every status × every event kind, each cell with its exact answer.
import { REFUSED_ACTION } from '../../../src/core/approval/transition-outcomes.ts';
import { REQUEST_EVENT_KINDS, type RequestEvent, type RequestEventKind } from '../../../src/core/approval/request-event.ts';
import type { RefusalReason } from '../../../src/core/approval/refusal-reason.ts';
import { transition } from '../../../src/core/approval/transition.ts';
import { REQUEST_STATUSES, type RequestStatus } from '../../../src/core/model/request.ts';
import { IDA, MEGAN, approveBy, cancelBy, minutesAfter, rejectBy, requestIn } from './request-factory.ts';

/** A typical event of each kind: Megan (an approver) decides, Ida (the requester) cancels, the executor reports. */
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

type Cell = ['changed', RequestStatus] | ['refused', RefusalReason] | ['unchanged'];

const AD: Cell = ['refused', 'already-decided'];
const NO: Cell = ['refused', 'invalid-transition'];
const EXP: Cell = ['refused', 'expired'];

/** Rows: status; columns: approve, reject, cancel, expire, start-execution, step, finish, resume, retry (before expiry, READ_ONLY off). */
const TABLE: Readonly<Record<RequestStatus, readonly Cell[]>> = {
  pending: [['changed', 'approved'], ['changed', 'rejected'], ['changed', 'cancelled'], NO, NO, NO, NO, NO, NO],
  approved: [AD, AD, ['changed', 'cancelled'], NO, ['changed', 'executing'], NO, NO, NO, NO],
  executing: [AD, AD, AD, NO, ['changed', 'executing'], ['changed', 'executing'], ['changed', 'succeeded'], NO, NO],
  succeeded: [AD, AD, AD, NO, NO, NO, NO, NO, NO],
  failed: [AD, AD, AD, NO, NO, NO, NO, NO, ['changed', 'approved']],
  'needs-manual-steps': [AD, AD, AD, NO, NO, NO, ['changed', 'succeeded'], ['changed', 'executing'], NO],
  rejected: [AD, AD, AD, NO, NO, NO, NO, NO, NO],
  expired: [EXP, EXP, EXP, ['unchanged'], NO, NO, NO, NO, NO],
  cancelled: [AD, AD, AD, NO, NO, NO, NO, NO, NO],
};

const NOW = minutesAfter(60);

const cells = REQUEST_STATUSES.flatMap((status) =>
  REQUEST_EVENT_KINDS.map((kind, i) => {
    const cell = TABLE[status][i];
    if (!cell) throw new Error(`no cell for ${status} × ${kind}`);
    return { status, kind, cell };
  }));

test('the table covers every status and every event kind', () => {
  expect(cells).toHaveLength(REQUEST_STATUSES.length * REQUEST_EVENT_KINDS.length);
  expect(Object.values(TABLE).every((row) => row.length === REQUEST_EVENT_KINDS.length)).toBe(true);
});

describe.each(cells)('$status × $kind', ({ status, kind, cell }) => {
  const request = requestIn(status);
  const result = transition(request, EVENTS[kind], { now: NOW, readOnly: false });

  test(`→ ${cell.join(' ')}`, () => {
    switch (cell[0]) {
      case 'changed':
        expect(result).toMatchObject({ kind: 'changed', request: { status: cell[1], version: request.version + 1, updatedAt: NOW } });
        break;
      case 'refused':
        expect(result).toMatchObject({ kind: 'refused', reason: cell[1] });
        // A refusal before expiry changes nothing.
        expect(result).not.toHaveProperty('request');
        break;
      case 'unchanged':
        expect(result.kind).toBe('unchanged');
        break;
    }
  });

  test('audits a change or a refusal, never a harmless repeat', () => {
    if (result.kind === 'unchanged') return expect(cell[0]).toBe('unchanged');
    expect(result.audit.length).toBeGreaterThan(0);
    if (result.kind === 'refused') {
      expect(result.audit).toEqual([expect.objectContaining({ action: REFUSED_ACTION[kind], requestId: request.id, at: NOW, data: expect.objectContaining({ reason: result.reason, status }) })]);
    } else {
      expect(result.audit.every((r) => r.requestId === request.id && r.at === NOW && !r.action.endsWith('.refused'))).toBe(true);
    }
  });

  test('leaves the input request untouched', () => {
    expect(requestIn(status)).toEqual(request);
  });
});
