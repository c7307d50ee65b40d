// The approval policy, rule by rule, through `transition` (what the application layer calls).
import { transition } from '../../../src/core/approval/transition.ts';
import type { TransitionResult } from '../../../src/core/approval/transition-result.ts';
import { approvalsOf, type LicenseRequest } from '../../../src/core/model/request.ts';
import type { Scope } from '../../../src/core/model/diagnosis.ts';
import {
  AFTER_EXPIRY, EXPIRES_AT, IDA, LATER, LEE, MEGAN, PATTI, actor, apply, approveBy, cancelBy, minutesAfter, pendingRequest, planFor, rejectBy, requestIn,
} from './request-factory.ts';

const at = (now: string, readOnly = false) => ({ now, readOnly });

function refusal(result: TransitionResult): { reason: string; message: string } {
  if (result.kind !== 'refused') throw new Error(`expected a refusal, got ${result.kind}`);
  return { reason: result.reason, message: result.message };
}

const twoApprovals = (scope: Scope = 'group'): LicenseRequest => pendingRequest({ plan: planFor(scope) });

describe('self-approval', () => {
  test.each([
    ['the requester, not an approver', IDA, false],
    ['the requester, also in the approvers group', IDA, true],
    ['the requester, UPN in other case', actor('IDA.Helpdesk@Contoso.com', 'Ida Helpdesk'), true],
    ['the requester from another surface', { ...IDA, surface: 'teams' as const, surfaceUserId: '29:ida' }, true],
    ['the requester after a UPN rename (same Entra object id)', actor('ida.h@contoso.com', 'Ida H', { entraObjectId: IDA.entraObjectId }), true],
  ])('%s is refused', (_case, who, isApprover) => {
    const result = transition(pendingRequest(), approveBy(who, isApprover), at(LATER));
    expect(refusal(result)).toEqual({ reason: 'self-approval', message: 'You asked for this change, so someone else must approve it.' });
    expect(result).toMatchObject({ audit: [{ action: 'approval.refused', actor: who.userPrincipalName, data: { reason: 'self-approval' } }] });
  });
});

test('a person outside the approvers group cannot approve', () => {
  expect(refusal(transition(pendingRequest(), approveBy(LEE, false), at(LATER)))).toEqual({
    reason: 'not-approver', message: 'Only members of the approvers group can approve (you are not).',
  });
});

describe('one approver counts once', () => {
  const once = apply(twoApprovals(), approveBy(PATTI));
  test.each([
    ['the same click again', PATTI],
    ['the same UPN in other case', actor('PATTI.FERNANDEZ@CONTOSO.COM', 'Patti Fernandez')],
    ['the same person from another surface', { ...PATTI, surface: 'slack' as const, surfaceUserId: 'U0PATTI' }],
  ])('%s is a duplicate approval and changes nothing', (_case, who) => {
    const result = transition(once, approveBy(who), at(minutesAfter(50)));
    expect(refusal(result)).toEqual({
      reason: 'duplicate-approval',
      message: 'You already approved this request at 10:42 UTC; one approver counts once, so it needs 1 more approval from someone else.',
    });
    expect(result).not.toHaveProperty('request');
    expect(result).toMatchObject({ audit: [{ action: 'approval.refused', data: { reason: 'duplicate-approval' } }] });
  });
});

describe('approvals needed by scope', () => {
  test.each([['user', 1], ['group', 2], ['app', 2]] as const)('%s scope needs %i', (scope, n) => {
    let request = pendingRequest({ plan: planFor(scope) });
    expect(request.approvalsRequired).toBe(n);
    const approvers = [PATTI, MEGAN];
    for (let i = 0; i < n; i++) {
      expect(request.status).toBe('pending');
      request = apply(request, approveBy(approvers[i] ?? PATTI), minutesAfter(40 + i));
    }
    expect(request.status).toBe('approved');
    expect(approvalsOf(request).map((d) => d.by.userPrincipalName)).toEqual(approvers.slice(0, n).map((a) => a.userPrincipalName));
  });

  test('the first of two approvals keeps the request pending and tells the requester', () => {
    const result = transition(twoApprovals(), approveBy(PATTI), at(LATER));
    expect(result).toMatchObject({
      kind: 'changed',
      request: { status: 'pending', version: 2 },
      effects: [{ kind: 'notify', audience: 'requester', message: 'Patti Fernandez (patti.fernandez@contoso.com) approved (1 of 2); waiting for 1 more approval.' }],
      audit: [{ action: 'approval.added', actor: PATTI.userPrincipalName, data: { approvals: 1, approvalsRequired: 2 } }],
    });
  });
});

describe('the approval that completes the quorum', () => {
  test('emits execute exactly once, and later clicks change nothing', () => {
    const results: TransitionResult[] = [];
    let request = twoApprovals('app');
    for (const [who, minute] of [[PATTI, 42], [MEGAN, 43], [PATTI, 44], [MEGAN, 45], [actor('third@contoso.com', 'Third'), 46]] as const) {
      const result = transition(request, approveBy(who), at(minutesAfter(minute)));
      results.push(result);
      if (result.kind === 'changed') request = result.request;
    }
    const executes = results.flatMap((r) => (r.kind === 'changed' ? r.effects.filter((e) => e.kind === 'execute') : []));
    expect(executes).toHaveLength(1);
    expect(results[1]).toMatchObject({
      kind: 'changed',
      request: { status: 'approved', version: 3 },
      effects: [{ kind: 'execute' }, { kind: 'notify', audience: 'requester', message: 'Approved by Patti Fernandez and Megan Bowen; the change is running now.' }],
      audit: [{ action: 'approval.added' }, { action: 'request.approved', data: { approvedBy: [PATTI.userPrincipalName, MEGAN.userPrincipalName], readOnly: false } }],
    });
    expect(results.slice(2).map((r) => r.kind === 'refused' && r.reason)).toEqual(['already-decided', 'already-decided', 'already-decided']);
  });

  test('with READ_ONLY on, approves without executing and says so', () => {
    const result = transition(pendingRequest(), approveBy(PATTI), at(LATER, true));
    expect(result).toMatchObject({ kind: 'changed', request: { status: 'approved' } });
    if (result.kind !== 'changed') return;
    expect(result.effects.some((e) => e.kind === 'execute')).toBe(false);
    expect(result.effects).toEqual([
      { kind: 'notify', audience: 'requester', message: expect.stringContaining('READ_ONLY is on') },
      { kind: 'notify', audience: 'approvers', message: expect.stringContaining('READ_ONLY is on') },
    ]);
  });
});

describe('already decided by X', () => {
  test.each([
    ['approved', 'Already approved by Patti Fernandez (patti.fernandez@contoso.com) at 10:42 UTC — the change is waiting to run.'],
    ['executing', 'Already approved by Patti Fernandez (patti.fernandez@contoso.com) at 10:42 UTC — the change is running.'],
    ['succeeded', 'Already approved by Patti Fernandez (patti.fernandez@contoso.com) at 10:42 UTC — the change succeeded.'],
    ['failed', 'Already approved by Patti Fernandez (patti.fernandez@contoso.com) at 10:42 UTC — the change ran and failed.'],
    ['needs-manual-steps', 'Already approved by Patti Fernandez (patti.fernandez@contoso.com) at 10:42 UTC — the change is waiting for manual steps.'],
    ['rejected', 'Rejected by Patti Fernandez (patti.fernandez@contoso.com) at 10:42 UTC: Use the group instead.'],
    ['cancelled', 'Cancelled by Ida Helpdesk (ida.helpdesk@contoso.com) at 10:42 UTC.'],
  ] as const)('%s: every later click hears who decided', (status, message) => {
    for (const event of [approveBy(MEGAN), rejectBy(MEGAN, 'too late'), approveBy(LEE, false), approveBy(IDA, true)]) {
      expect(refusal(transition(requestIn(status), event, at(minutesAfter(60))))).toEqual({ reason: 'already-decided', message });
    }
  });

  test('a day later the time carries the date', () => {
    expect(refusal(transition(requestIn('approved'), approveBy(MEGAN), at(AFTER_EXPIRY))).message).toContain('at 2026-05-07 10:42 UTC');
  });

  test('both approvers are named when two were needed', () => {
    const approved = apply(apply(twoApprovals(), approveBy(PATTI)), approveBy(MEGAN), minutesAfter(45));
    expect(refusal(transition(approved, approveBy(LEE), at(minutesAfter(50)))).message).toBe(
      'Already approved by Patti Fernandez (patti.fernandez@contoso.com) at 10:42 UTC and Megan Bowen (megan.bowen@contoso.com) at 10:45 UTC — the change is waiting to run.',
    );
  });

  test('cancelling a running change says it can no longer be cancelled', () => {
    expect(refusal(transition(requestIn('executing'), cancelBy(IDA), at(minutesAfter(60)))).message).toMatch(/the change is running\. It can no longer be cancelled\.$/);
  });
});

describe('expiry on decision', () => {
  test.each([
    ['approve', approveBy(PATTI), 'approval.refused'],
    ['reject', rejectBy(PATTI, 'no'), 'rejection.refused'],
    ['cancel', cancelBy(IDA), 'cancellation.refused'],
  ] as const)('%s after expiresAt expires the request and is refused', (_case, event, action) => {
    const request = pendingRequest();
    const result = transition(request, event, at(AFTER_EXPIRY));
    expect(result).toMatchObject({
      kind: 'refused', reason: 'expired', message: 'This request expired at 10:00 UTC; ask for a new one.',
      request: { status: 'expired', version: request.version + 1, updatedAt: AFTER_EXPIRY, decisions: [] },
      audit: [{ action: 'request.expired', actor: 'system' }, { action, data: { reason: 'expired' } }],
    });
  });

  test('at exactly expiresAt the request has expired; a millisecond before it has not', () => {
    expect(refusal(transition(pendingRequest(), approveBy(PATTI), at(EXPIRES_AT))).reason).toBe('expired');
    expect(transition(pendingRequest(), approveBy(PATTI), at('2026-05-08T09:59:59.999Z')).kind).toBe('changed');
  });

  test('an approved request does not expire', () => {
    expect(refusal(transition(requestIn('approved'), approveBy(MEGAN), at(AFTER_EXPIRY))).reason).toBe('already-decided');
    expect(transition(requestIn('approved'), cancelBy(IDA), at(AFTER_EXPIRY)).kind).toBe('changed');
  });
});

describe('reject', () => {
  test.each(['', '   ', '\n\t'])('needs a reason (%j)', (reason) => {
    const result = transition(pendingRequest(), rejectBy(PATTI, reason), at(LATER));
    expect(refusal(result)).toEqual({ reason: 'reason-required', message: 'A reason is required to reject: say why, so the requester knows what to change.' });
    expect(result).toMatchObject({ audit: [{ action: 'rejection.refused' }] });
  });

  test('needs an approver', () => {
    expect(refusal(transition(pendingRequest(), rejectBy(LEE, 'no', false), at(LATER)))).toEqual({ reason: 'not-approver', message: 'Only members of the approvers group can reject (you are not).' });
  });

  test.each([true, false])('the requester cancels instead (approver: %s)', (isApprover) => {
    expect(refusal(transition(pendingRequest(), rejectBy(IDA, 'changed my mind', isApprover), at(LATER)))).toEqual({
      reason: 'not-allowed', message: 'You asked for this change, so you cannot reject it; cancel it instead.',
    });
  });

  test('records the trimmed reason, tells the requester, and ends the request', () => {
    const result = transition(apply(twoApprovals(), approveBy(MEGAN)), rejectBy(PATTI, '  Use the E3 group instead  '), at(minutesAfter(50)));
    expect(result).toMatchObject({
      kind: 'changed',
      request: { status: 'rejected', version: 3, decisions: [{ kind: 'approve' }, { kind: 'reject', by: PATTI, at: minutesAfter(50), reason: 'Use the E3 group instead' }] },
      effects: [{ kind: 'notify', audience: 'requester', message: 'Rejected by Patti Fernandez (patti.fernandez@contoso.com): Use the E3 group instead.' }],
      audit: [{ action: 'request.rejected', actor: PATTI.userPrincipalName, data: { reason: 'Use the E3 group instead' } }],
    });
  });
});

describe('cancel', () => {
  test.each(['pending', 'approved'] as const)('a stranger cannot cancel a %s request', (status) => {
    const result = transition(requestIn(status), cancelBy(LEE, false), at(minutesAfter(60)));
    expect(refusal(result)).toEqual({ reason: 'not-allowed', message: 'Only the requester (Ida Helpdesk (ida.helpdesk@contoso.com)) or a member of the approvers group can cancel this request.' });
    expect(result).toMatchObject({ audit: [{ action: 'cancellation.refused', actor: LEE.userPrincipalName }] });
  });

  test('the requester cancels; the approvers hear of it', () => {
    expect(transition(pendingRequest(), cancelBy(IDA), at(LATER))).toMatchObject({
      kind: 'changed',
      request: { status: 'cancelled', decisions: [{ kind: 'cancel', by: IDA, reason: null }] },
      effects: [{ kind: 'notify', audience: 'approvers', message: 'Cancelled by Ida Helpdesk (ida.helpdesk@contoso.com).' }],
      audit: [{ action: 'request.cancelled', data: { previousStatus: 'pending' } }],
    });
  });

  test('an approver cancels an approved request that has not started; both sides hear of it', () => {
    const result = transition(requestIn('approved'), cancelBy(MEGAN, true), at(minutesAfter(60)));
    expect(result).toMatchObject({ kind: 'changed', request: { status: 'cancelled' }, audit: [{ action: 'request.cancelled', data: { previousStatus: 'approved' } }] });
    expect(result.kind === 'changed' && result.effects.map((e) => e.kind === 'notify' && e.audience)).toEqual(['requester', 'approvers']);
  });
});

describe('versions and audit of a whole lifetime', () => {
  test('every change adds one to the version and sets updatedAt; every record names its actor', () => {
    const steps = [
      [approveBy(PATTI), minutesAfter(42), ['approval.added']],
      [approveBy(MEGAN), minutesAfter(43), ['approval.added', 'request.approved']],
      [{ kind: 'start-execution', owner: 'instance-a' }, minutesAfter(44), ['execution.started']],
      [{ kind: 'step', progress: { stepId: 's1', status: 'succeeded', detail: 'set', at: minutesAfter(45) } }, minutesAfter(45), ['step.succeeded']],
      [{ kind: 'finish', outcome: { status: 'succeeded', message: 'Verified.' } }, minutesAfter(46), ['execution.finished']],
    ] as const;
    let request = twoApprovals();
    for (const [event, now, actions] of steps) {
      const result = transition(request, event, at(now));
      if (result.kind !== 'changed') throw new Error(`step refused: ${JSON.stringify(result)}`);
      expect(result.request).toMatchObject({ version: request.version + 1, updatedAt: now });
      expect(result.audit.map((r) => r.action)).toEqual(actions);
      request = result.request;
    }
    expect(request).toMatchObject({ status: 'succeeded', version: 6, outcome: { status: 'succeeded', message: 'Verified.' } });
  });

  test('a person’s record carries their surface identity; a system record the instance', () => {
    const approve = transition(pendingRequest(), approveBy(PATTI), at(LATER));
    expect(approve).toMatchObject({ audit: [{ actor: PATTI.userPrincipalName, actorDetail: { surface: 'teams', displayName: 'Patti Fernandez', entraObjectId: PATTI.entraObjectId, surfaceUserId: null } }, {}] });
    const start = transition(requestIn('approved'), { kind: 'start-execution', owner: 'instance-a' }, at(minutesAfter(60)));
    expect(start).toMatchObject({ audit: [{ actor: 'system', actorDetail: { owner: 'instance-a' }, data: { owner: 'instance-a' } }] });
  });
});
