import { canDecide } from '../../../src/core/approval/can-decide.ts';
import { AFTER_EXPIRY, IDA, LATER, LEE, MEGAN, PATTI, apply, approveBy, minutesAfter, pendingRequest, planFor, requestIn } from './request-factory.ts';

describe('canDecide', () => {
  test('an approver other than the requester, on a pending request: allowed, nothing else said', () => {
    expect(canDecide(pendingRequest(), PATTI, true, LATER)).toEqual({ allowed: true });
  });

  test.each([
    ['the requester, even as an approver', pendingRequest(), IDA, true, 'You asked for this change, so someone else must approve it.'],
    ['a non-approver', pendingRequest(), LEE, false, 'Only members of the approvers group can approve (you are not).'],
    ['an approver who already approved', apply(pendingRequest({ plan: planFor('group') }), approveBy(PATTI)), PATTI, true, 'You already approved this request at 10:42 UTC; one approver counts once, so it needs 1 more approval from someone else.'],
    ['anyone once decided', requestIn('approved'), MEGAN, true, 'Already approved by Patti Fernandez (patti.fernandez@contoso.com) at 10:42 UTC — the change is waiting to run.'],
  ] as const)('%s: not allowed, with the reason', (_case, request, who, isApprover, message) => {
    expect(canDecide(request, who, isApprover, minutesAfter(50))).toEqual({ allowed: false, message });
  });

  test('past expiresAt: not allowed (and, unlike transition, nothing changes)', () => {
    const request = pendingRequest();
    expect(canDecide(request, PATTI, true, AFTER_EXPIRY)).toEqual({ allowed: false, message: 'This request expired at 10:00 UTC; ask for a new one.' });
    expect(request.status).toBe('pending');
  });
});
