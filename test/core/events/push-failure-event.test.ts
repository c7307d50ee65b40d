import { pushFailureEvents, type OktaLogEvent } from '../../../src/core/events/push-failure-event.ts';

const APP = '0oaO365';
const event = (over: Partial<OktaLogEvent> = {}): OktaLogEvent => ({
  uuid: 'u1', published: '2026-12-03T10:00:00.000Z', eventType: 'application.provision.user.push_profile', outcome: { result: 'FAILURE' },
  target: [{ id: '00u1', type: 'User', alternateId: 'jane@contoso.com' }, { id: APP, type: 'AppInstance', alternateId: 'Microsoft Office 365' }],
  ...over,
});

describe('pushFailureEvents', () => {
  it.each([
    ['a failed profile push', event(), 1],
    ['a failed push', event({ eventType: 'application.provision.user.push' }), 1],
    ['a failed sync', event({ eventType: 'application.provision.user.sync' }), 1],
    ['a successful push', event({ outcome: { result: 'SUCCESS' } }), 0],
    ['another app', event({ target: [{ id: '00u1', type: 'User', alternateId: 'jane@contoso.com' }, { id: '0oaOther', type: 'AppInstance', alternateId: 'Box' }] }), 0],
    ['no user target', event({ target: [{ id: APP, type: 'AppInstance', alternateId: null }] }), 0],
    ['an event type hooks do not carry here', event({ eventType: 'user.session.start' }), 0],
  ])('%s', (_name, e, n) => {
    expect(pushFailureEvents([e], new Set([APP]))).toHaveLength(n);
  });

  it('puts late deliveries in time order and names the user by login', () => {
    const later = event({ uuid: 'u2', published: '2026-12-03T11:00:00.000Z' });
    const found = pushFailureEvents([later, event()], new Set([APP]));
    expect(found.map((f) => f.uuid)).toEqual(['u1', 'u2']);
    expect(found[0]).toMatchObject({ login: 'jane@contoso.com', oktaUserId: '00u1', appId: APP });
  });
});
