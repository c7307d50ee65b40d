import { canRetry } from '../../../src/core/approval/can-retry.ts';
import { transition } from '../../../src/core/approval/transition.ts';
import { REQUEST_STATUSES } from '../../../src/core/model/request.ts';
import { LATER, requestIn } from './request-factory.ts';

describe('canRetry', () => {
  test.each(REQUEST_STATUSES)('%s: offered exactly when the state machine would accept the requester\'s retry', (status) => {
    const request = requestIn(status);
    const accepted = transition(request, { kind: 'retry', actor: request.requestedBy, isApprover: false }, { now: LATER, readOnly: false }).kind === 'changed';
    expect(canRetry(request)).toBe(accepted);
    expect(canRetry(request)).toBe(status === 'failed');
  });
});
