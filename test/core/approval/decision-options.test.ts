// The buttons a person is shown are the decisions the state machine would accept from them: for every status and
// every kind of person, decisionOptions agrees with `transition` (approve, cancel, retry), so no surface keeps a rule
// of its own.
import { decisionOptions } from '../../../src/core/approval/decision-options.ts';
import { transition } from '../../../src/core/approval/transition.ts';
import { REQUEST_STATUSES, type Actor } from '../../../src/core/model/request.ts';
import { AFTER_EXPIRY, IDA, LATER, LEE, PATTI, requestIn } from './request-factory.ts';

const people: ReadonlyArray<readonly [string, Actor, boolean]> = [
  ['the requester', IDA, false],
  ['the requester, an approver too', IDA, true],
  ['an approver', PATTI, true],
  ['someone else', LEE, false],
];

const accepts = (status: (typeof REQUEST_STATUSES)[number], kind: 'approve' | 'cancel' | 'retry', actor: Actor, isApprover: boolean, now: string) =>
  transition(requestIn(status), { kind, actor, isApprover }, { now, readOnly: false }).kind === 'changed';

describe('decisionOptions', () => {
  test.each(REQUEST_STATUSES.flatMap((status) => people.map(([who, actor, approver]) => [status, who, actor, approver] as const)))(
    '%s, %s: offers what transition accepts',
    (status, _who, actor, approver) => {
      const options = decisionOptions(requestIn(status), actor, approver, LATER);
      expect(options.decide).toBe(accepts(status, 'approve', actor, approver, LATER));
      expect(options.cancel).toBe(accepts(status, 'cancel', actor, approver, LATER));
      expect(options.retry).toBe(accepts(status, 'retry', actor, approver, LATER));
      expect(options.isRequester).toBe(actor === IDA);
    },
  );

  test('the requester and an outsider are told why they cannot approve a pending request; nobody is offered a past-expiry one', () => {
    expect(decisionOptions(requestIn('pending'), IDA, true, LATER).whyNot).toBe('You asked for this change, so someone else must approve it.');
    expect(decisionOptions(requestIn('pending'), LEE, false, LATER).whyNot).toMatch(/Only members of the approvers group/);
    expect(decisionOptions(requestIn('pending'), PATTI, true, LATER)).toMatchObject({ decide: true, cancel: true, whyNot: null });
    expect(decisionOptions(requestIn('pending'), PATTI, true, AFTER_EXPIRY)).toMatchObject({ decide: false, cancel: false });
    expect(decisionOptions(requestIn('succeeded'), PATTI, true, LATER).whyNot).toBeNull();
  });
});
