import {
  inheritedLicensePushFailure,
  isInheritedLicenseMessage,
  isSuperseded,
  newestPushFailure,
} from '../../../src/core/diagnosis/inherited-license-push-failure.ts';
import type { OktaAppUser } from '../../../src/core/model/okta.ts';
import { appUser, hoursAgo, pushFailure } from '../../factories/diagnosis-input.ts';

describe('isInheritedLicenseMessage', () => {
  test.each([
    ["Okta's push failure text", pushFailure(1).message, true],
    ["Microsoft's message alone", 'User license is inherited from a group membership and it cannot be removed directly from the user.', true],
    ["CIPP's rewording", 'User license is inherited from group membership and cannot be removed directly from the user.', true],
    ['any case', 'USER LICENSE IS INHERITED FROM A GROUP MEMBERSHIP', true],
    ['a usage location error', 'License assignment cannot be done for user with invalid usage location.', false],
    ['no seats', 'Subscription does not have any available licenses.', false],
    ['empty', '', false],
  ])('%s', (_case, text, expected) => {
    expect(isInheritedLicenseMessage(text)).toBe(expected);
  });
});

describe('newestPushFailure', () => {
  test.each([
    ['none', [], null],
    ['newest first', [pushFailure(1), pushFailure(5)], 1],
    ['oldest first', [pushFailure(5), pushFailure(1)], 1],
    ['an unreadable time loses', [{ ...pushFailure(3), published: 'garbage' }, pushFailure(7)], 7],
  ])('%s', (_case, failures, hours) => {
    expect(newestPushFailure(failures)?.published ?? null).toBe(hours === null ? null : hoursAgo(hours));
  });
});

describe('inheritedLicensePushFailure', () => {
  const synced = (lastSyncHours: number): OktaAppUser => appUser([], { syncState: 'SYNCHRONIZED', lastSync: hoursAgo(lastSyncHours) });
  test.each<[string, ReturnType<typeof pushFailure>[], OktaAppUser | null, number | null]>([
    ['the latest failure is the inherited error', [pushFailure(2)], appUser(), 2],
    ['no failures', [], appUser(), null],
    ['the latest failure is another error', [pushFailure(1, 'Could not push profile: usage location'), pushFailure(5)], appUser(), null],
    ['an older inherited error is not the latest', [pushFailure(5), pushFailure(1, 'other error')], appUser(), null],
    ['a later successful sync supersedes it', [pushFailure(2)], synced(1), null],
    ['a sync before the failure does not', [pushFailure(2)], synced(3), 2],
    ['a sync at the same moment does not', [pushFailure(2)], synced(2), 2],
    ['a later sync while in ERROR does not', [pushFailure(2)], appUser([], { syncState: 'ERROR', lastSync: hoursAgo(1) }), 2],
    ['SYNCHRONIZED without lastSync does not', [pushFailure(2)], appUser([], { syncState: 'SYNCHRONIZED', lastSync: null }), 2],
    ['no app user', [pushFailure(2)], null, 2],
  ])('%s', (_case, failures, user, hours) => {
    expect(inheritedLicensePushFailure(failures, user)?.published ?? null).toBe(hours === null ? null : hoursAgo(hours));
  });

  test('isSuperseded ignores an unreadable lastSync', () => {
    expect(isSuperseded(pushFailure(2), appUser([], { syncState: 'SYNCHRONIZED', lastSync: 'yesterday' }))).toBe(false);
  });
});
