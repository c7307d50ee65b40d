import { describeStatus } from '../../../src/core/approval/describe-status.ts';
import type { LicenseRequest } from '../../../src/core/model/request.ts';
import { MEGAN, PATTI, apply, approveBy, minutesAfter, pendingRequest, planFor, requestIn } from './request-factory.ts';

const twoNeeded = pendingRequest({ plan: planFor('group') });
const onePatti = apply(twoNeeded, approveBy(PATTI));
const bothApproved = apply(onePatti, approveBy(MEGAN), minutesAfter(45));
const running = (request: LicenseRequest, stepId: string): LicenseRequest =>
  apply(request, { kind: 'step', progress: { stepId, status: 'running', detail: null, at: minutesAfter(60) } }, minutesAfter(60));

describe('describeStatus', () => {
  test.each([
    ['pending, none yet', pendingRequest(), 'Waiting for 1 approval (0 of 1); expires 2026-05-08 10:00 UTC'],
    ['pending, one of two', onePatti, 'Waiting for 1 more approval (1 of 2: Patti Fernandez); expires 2026-05-08 10:00 UTC'],
    ['approved by two', bothApproved, 'Approved by Patti Fernandez and Megan Bowen; waiting to run'],
    ['executing, nothing started', requestIn('executing'), 'Approved by Patti Fernandez, running step 1 of 5'],
    ['executing, step 3 running', running(requestIn('executing'), 's3'), 'Approved by Patti Fernandez, running step 3 of 5'],
    ['succeeded', requestIn('succeeded'), 'Succeeded: Okta pushed Adele at 10:50 UTC.'],
    ['failed', requestIn('failed'), 'Failed: Graph refused the direct license.'],
    ['needs manual steps', requestIn('needs-manual-steps'), 'Waiting for manual steps: Remove Adele from the dynamic group by hand.'],
    ['rejected', requestIn('rejected'), 'Rejected by Patti Fernandez: Use the group instead'],
    ['expired', requestIn('expired'), 'Expired at 2026-05-08 10:00 UTC with 0 of 1 approvals'],
    ['cancelled', requestIn('cancelled'), 'Cancelled by Ida Helpdesk'],
  ])('%s', (_case, request, line) => {
    expect(describeStatus(request)).toBe(line);
  });

  test('every step done: finishing', () => {
    let request = requestIn('executing');
    for (const stepId of ['s1', 's2', 's3', 's4', 's5']) {
      request = apply(request, { kind: 'step', progress: { stepId, status: 'succeeded', detail: null, at: minutesAfter(60) } }, minutesAfter(60));
    }
    expect(describeStatus(request)).toBe('Approved by Patti Fernandez, finishing (5 of 5 steps done)');
  });

  test('a person without a display name is named by UPN', () => {
    const lee = { ...PATTI, userPrincipalName: 'lee.gu@contoso.com', displayName: null, entraObjectId: null };
    expect(describeStatus(apply(pendingRequest(), approveBy(lee)))).toBe('Approved by lee.gu@contoso.com; waiting to run');
  });
});
