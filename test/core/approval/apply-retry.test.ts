// Retrying a failed plan under its approval, and the expiry of requests left waiting for manual steps.
import { describeStatus } from '../../../src/core/approval/describe-status.ts';
import { transition } from '../../../src/core/approval/transition.ts';
import { utcTime } from '../../../src/core/approval/utc-time.ts';
import type { LicenseRequest } from '../../../src/core/model/request.ts';
import { IDA, LEE, MEGAN, minutesAfter, requestIn } from './request-factory.ts';

const NOW = minutesAfter(60);
const ctx = (readOnly = false) => ({ now: NOW, readOnly });

function failedAtStep2(): LicenseRequest {
  const r = requestIn('failed');
  return {
    ...r,
    steps: [{ stepId: 's1', status: 'succeeded', detail: 'done', at: NOW }, { stepId: 's2', status: 'failed', detail: 'Graph answered 503', at: NOW }],
    outcome: { status: 'failed', message: 'Step 2 of 5 failed' },
  };
}

describe('retry', () => {
  test.each([
    ['the requester', IDA, false],
    ['an approver', MEGAN, true],
  ] as const)('by %s: approved again, the failed step cleared, finished steps kept, audited, executed', (_, actor, isApprover) => {
    const result = transition(failedAtStep2(), { kind: 'retry', actor, isApprover }, ctx());
    expect(result).toMatchObject({
      kind: 'changed',
      request: { status: 'approved', outcome: null, steps: [{ stepId: 's1', status: 'succeeded' }] },
      effects: [{ kind: 'execute' }, { kind: 'notify', audience: 'requester', message: expect.stringContaining('retried the change from step s2') }],
      audit: [{ action: 'execution.retried', actor: actor.userPrincipalName, data: { fromStep: 's2', previousOutcome: 'Step 2 of 5 failed', asApprover: isApprover } }],
    });
  });

  test('by someone else: refused and audited', () => {
    expect(transition(failedAtStep2(), { kind: 'retry', actor: LEE, isApprover: false }, ctx())).toMatchObject({
      kind: 'refused', reason: 'not-allowed', message: expect.stringMatching(/^Only the requester \(.*\) or an approver can retry this request\.$/), audit: [{ action: 'retry.refused' }],
    });
  });

  test('under READ_ONLY: refused', () => {
    expect(transition(failedAtStep2(), { kind: 'retry', actor: IDA, isApprover: false }, ctx(true))).toMatchObject({ kind: 'refused', reason: 'read-only' });
  });

  test('a request waiting for manual steps is re-checked, not retried', () => {
    expect(transition(requestIn('needs-manual-steps'), { kind: 'retry', actor: IDA, isApprover: false }, ctx())).toMatchObject({
      kind: 'refused', reason: 'invalid-transition', message: expect.stringContaining('Re-check'),
    });
  });
});

describe('expiry of requests waiting for manual steps', () => {
  const waiting = (): LicenseRequest => ({ ...requestIn('needs-manual-steps'), updatedAt: minutesAfter(0) });
  const DAY = 24 * 3_600_000;

  test('past the time to live since its last change: expired, audited, the requester told', () => {
    const result = transition(waiting(), { kind: 'expire', manualStepsTtlMs: 30 * 60_000 }, ctx());
    expect(result).toMatchObject({
      kind: 'changed', request: { status: 'expired' },
      effects: [{ kind: 'notify', audience: 'requester', message: expect.stringContaining('waited for manual steps since') }],
      audit: [{ action: 'request.expired', data: { waitingSince: minutesAfter(0), manualStepsTtlMs: 30 * 60_000, previousStatus: 'needs-manual-steps' } }],
    });
  });

  test('before that, or from a sweep without a time to live: refused', () => {
    expect(transition(waiting(), { kind: 'expire', manualStepsTtlMs: 7 * DAY }, ctx())).toMatchObject({ kind: 'refused', reason: 'invalid-transition', message: expect.stringContaining('waits for manual steps until') });
    expect(transition(waiting(), { kind: 'expire' }, ctx())).toMatchObject({ kind: 'refused', reason: 'invalid-transition' });
  });
});

test('a request that expired waiting for manual steps says so, not that its approval ran out', () => {
  const waiting: LicenseRequest = { ...requestIn('needs-manual-steps'), outcome: { status: 'needs-manual-steps', message: 'Remove Adele by hand.' }, updatedAt: minutesAfter(0) };
  const result = transition(waiting, { kind: 'expire', manualStepsTtlMs: 60_000 }, ctx());
  if (result.kind !== 'changed') throw new Error('should expire');
  expect(describeStatus(result.request)).toBe(`Expired while waiting for manual steps (since ${utcTime(NOW)})`);
});
