import { findExceptionNames, isMicrosoftOrLicenseException } from '../../../src/core/parse/find-exception-names.ts';

describe('findExceptionNames', () => {
  it.each([
    ['the KB exception', 'Microsoft.Online.Administration.InvalidOperationOnGroupInheritedLicenseException', ['Microsoft.Online.Administration.InvalidOperationOnGroupInheritedLicenseException']],
    [
      'a FullyQualifiedErrorId',
      '+ FullyQualifiedErrorId : Microsoft.Online.Administration.Automation.RequiredPropertyNotSetException,Microsoft.Online.Administration.Automation.SetUserLicense',
      ['Microsoft.Online.Administration.Automation.RequiredPropertyNotSetException'],
    ],
    ['several, in order, without repeats', 'FooException then BarException then FooException', ['FooException', 'BarException']],
    ['a bare "Exception" is not a name', '[Set-MgUserLicense_AssignExpanded], Exception', []],
    ['"Exception" inside a longer word is not a name', 'Exceptional ExceptionHandler', []],
    ['nothing', 'Request_BadRequest', []],
  ])('%s', (_name, text, expected) => {
    expect(findExceptionNames(text)).toEqual(expected);
  });
});

describe('isMicrosoftOrLicenseException', () => {
  it.each([
    ['Microsoft.Online.Administration.Automation.MicrosoftOnlineException', true],
    ['InvalidOperationOnGroupInheritedLicenseException', true],
    ['LicenseQuotaExceededException', true],
    ['NullReferenceException', false],
  ])('%s -> %s', (name, expected) => {
    expect(isMicrosoftOrLicenseException(name)).toBe(expected);
  });
});
