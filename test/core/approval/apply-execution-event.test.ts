// The expiry sweep and the executor's events, through `transition`.
import { transition } from '../../../src/core/approval/transition.ts';
import type { StepProgress } from '../../../src/core/model/request.ts';
import { AFTER_EXPIRY, apply, minutesAfter, pendingRequest, requestIn } from './request-factory.ts';

const NOW = minutesAfter(60);
const at = (now: string, readOnly = false) => ({ now, readOnly });
const progress = (stepId: string, status: StepProgress['status'], detail: string | null = null): StepProgress => ({ stepId, status, detail, at: NOW });

describe('expire', () => {
  test('a pending request past expiresAt expires and the requester hears of it', () => {
    expect(transition(pendingRequest(), { kind: 'expire' }, at(AFTER_EXPIRY))).toEqual({
      kind: 'changed',
      request: expect.objectContaining({ status: 'expired', version: 2, updatedAt: AFTER_EXPIRY }),
      effects: [{ kind: 'notify', audience: 'requester', message: 'This request expired at 10:00 UTC; ask for a new one. It had 0 of 1 approvals.' }],
      audit: [expect.objectContaining({ action: 'request.expired', actor: 'system', data: { expiresAt: '2026-05-08T10:00:00.000Z', approvals: 0, approvalsRequired: 1 } })],
    });
  });

  test('before expiresAt it is refused', () => {
    expect(transition(pendingRequest(), { kind: 'expire' }, at(NOW))).toMatchObject({
      kind: 'refused', reason: 'invalid-transition', message: 'This request does not expire until 2026-05-08 10:00 UTC.', audit: [{ action: 'expiry.refused' }],
    });
  });

  test('a second sweep on an expired request is a harmless repeat', () => {
    expect(transition(requestIn('expired'), { kind: 'expire' }, at(AFTER_EXPIRY))).toEqual({ kind: 'unchanged', message: 'Already expired at 10:00 UTC.' });
  });
});

describe('start-execution', () => {
  test('from approved: executing, audited with the owner', () => {
    expect(transition(requestIn('approved'), { kind: 'start-execution', owner: 'instance-a' }, at(NOW))).toMatchObject({
      kind: 'changed', request: { status: 'executing' }, effects: [], audit: [{ action: 'execution.started', data: { owner: 'instance-a' } }],
    });
  });

  test('from executing it is a recovery after a crashed owner', () => {
    expect(transition(requestIn('executing'), { kind: 'start-execution', owner: 'instance-b' }, at(NOW))).toMatchObject({
      kind: 'changed', request: { status: 'executing' }, audit: [{ action: 'execution.recovered', actor: 'system', actorDetail: { owner: 'instance-b' } }],
    });
  });

  test.each(['approved', 'executing'] as const)('READ_ONLY refuses it from %s', (status) => {
    const result = transition(requestIn(status), { kind: 'start-execution', owner: 'instance-a' }, at(NOW, true));
    expect(result).toMatchObject({ kind: 'refused', reason: 'read-only', message: expect.stringContaining('READ_ONLY is on'), audit: [{ action: 'execution.refused', data: { reason: 'read-only' } }] });
    expect(result).not.toHaveProperty('request');
  });

  test('a pending request cannot start', () => {
    expect(transition(pendingRequest(), { kind: 'start-execution', owner: 'a' }, at(NOW))).toMatchObject({
      kind: 'refused', reason: 'invalid-transition', message: 'Only an approved request can start running; this one is pending.',
    });
  });
});

describe('step', () => {
  test('updates only that step, in plan order', () => {
    const result = transition(requestIn('executing'), { kind: 'step', progress: progress('s2', 'running', 'assigning') }, at(NOW));
    expect(result).toMatchObject({ kind: 'changed', effects: [], audit: [{ action: 'step.running', data: { stepId: 's2', detail: 'assigning' } }] });
    if (result.kind !== 'changed') return;
    expect(result.request.steps.map((s) => [s.stepId, s.status])).toEqual([['s1', 'pending'], ['s2', 'running'], ['s3', 'pending'], ['s4', 'pending'], ['s5', 'pending']]);
  });

  test('a step the plan does not have is refused', () => {
    expect(transition(requestIn('executing'), { kind: 'step', progress: progress('s9', 'succeeded') }, at(NOW))).toMatchObject({
      kind: 'refused', reason: 'invalid-transition', message: 'The plan has no step s9.', audit: [{ action: 'step.refused' }],
    });
  });

  test('progress is recorded with READ_ONLY on (it writes nothing outside)', () => {
    expect(transition(requestIn('executing'), { kind: 'step', progress: progress('s1', 'skipped') }, at(NOW, true)).kind).toBe('changed');
  });

  test('not while approved', () => {
    expect(transition(requestIn('approved'), { kind: 'step', progress: progress('s1', 'running') }, at(NOW))).toMatchObject({ kind: 'refused', reason: 'invalid-transition' });
  });
});

describe('finish', () => {
  test.each(['succeeded', 'failed', 'needs-manual-steps'] as const)('from executing to %s, with the outcome', (status) => {
    const result = transition(requestIn('executing'), { kind: 'finish', outcome: { status, message: 'Details.' } }, at(NOW));
    expect(result).toMatchObject({
      kind: 'changed', request: { status, outcome: { status, message: 'Details.' } },
      effects: [{ kind: 'notify', audience: 'requester', message: expect.stringMatching(/: Details\.$/) }],
      audit: [{ action: 'execution.finished', data: { status, afterRecheck: false } }],
    });
  });

  test('a re-check finishes a needs-manual-steps request directly', () => {
    expect(transition(requestIn('needs-manual-steps'), { kind: 'finish', outcome: { status: 'succeeded', message: 'A person did step 3; verified.' } }, at(NOW))).toMatchObject({
      kind: 'changed', request: { status: 'succeeded' }, audit: [{ action: 'execution.finished', data: { afterRecheck: true } }],
    });
  });

  test('a re-check that finds the manual steps still open changes nothing', () => {
    expect(transition(requestIn('needs-manual-steps'), { kind: 'finish', outcome: { status: 'needs-manual-steps', message: 'Still in the group.' } }, at(NOW))).toEqual({
      kind: 'unchanged', message: 'Still waiting for manual steps.',
    });
  });
});

describe('resume', () => {
  test('a needs-manual-steps request runs again, its earlier outcome cleared', () => {
    const waiting = requestIn('needs-manual-steps');
    expect(waiting.outcome).not.toBeNull();
    expect(transition(waiting, { kind: 'resume', owner: 'instance-c' }, at(NOW))).toMatchObject({
      kind: 'changed', request: { status: 'executing', outcome: null, version: waiting.version + 1 }, audit: [{ action: 'execution.resumed', data: { owner: 'instance-c' } }],
    });
  });

  test('READ_ONLY refuses it', () => {
    expect(transition(requestIn('needs-manual-steps'), { kind: 'resume', owner: 'x' }, at(NOW, true))).toMatchObject({ kind: 'refused', reason: 'read-only', audit: [{ action: 'resume.refused' }] });
  });

  test('the resumed run finishes', () => {
    const resumed = apply(requestIn('needs-manual-steps'), { kind: 'resume', owner: 'x' }, NOW);
    expect(apply(resumed, { kind: 'finish', outcome: { status: 'succeeded', message: 'ok' } }, minutesAfter(61)).status).toBe('succeeded');
  });
});
