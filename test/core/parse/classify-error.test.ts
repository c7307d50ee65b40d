import { classifyError } from '../../../src/core/parse/classify-error.ts';

describe('classifyError', () => {
  it.each([
    ['User license is inherited from a group membership and it cannot be removed directly from the user.', 'group-inherited-license'],
    ['User license is inherited from group membership and cannot be removed directly from the user.', 'group-inherited-license'],
    ['Microsoft.Online.Administration.InvalidOperationOnGroupInheritedLicenseException', 'group-inherited-license'],
    ['License assignment cannot be done for user with invalid usage location.', 'usage-location-missing'],
    ['You must provide a required property: Parameter name: UsageLocation', 'usage-location-missing'],
    ['ProhibitedInUsageLocationViolation', 'unknown'],
    ['Subscription 05e9a617 does not have any available licenses.', 'no-available-licenses'],
    ['CountViolation', 'no-available-licenses'],
    ['LicenseQuotaExceededException : Subscription … does not have any available licenses left.', 'no-available-licenses'],
    ['Authorization_RequestDenied', 'insufficient-privileges'],
    ['Insufficient privileges to complete the operation.', 'insufficient-privileges'],
    ['License assignment failed because service plan a depends on the service plan(s) b.', 'dependency-violation'],
    ['DependencyViolation', 'dependency-violation'],
    ['MutuallyExclusiveViolation', 'unknown'],
    ['Request_BadRequest', 'unknown'],
  ])('%s -> %s', (text, expected) => {
    expect(classifyError(text)).toBe(expected);
  });

  it('lets the most specific text decide: the message before the rest of the paste', () => {
    expect(classifyError('Insufficient privileges to complete the operation.', undefined, 'see also: CountViolation')).toBe(
      'insufficient-privileges',
    );
  });

  it('falls back to later texts when earlier ones say nothing', () => {
    expect(classifyError(undefined, 'Request_BadRequest', 'InvalidOperationOnGroupInheritedLicenseException')).toBe('group-inherited-license');
  });
});
