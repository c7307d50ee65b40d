import { isGuid, isOktaShortLogin, isUserPrincipalName } from '../../../src/core/parse/identifier-patterns.ts';

describe('isUserPrincipalName', () => {
  it.each([
    'jane@contoso.com',
    'Jane.Doe@contoso.onmicrosoft.com',
    "o'brien@contoso.com",
    'first_last-2@sub.contoso.co.uk',
    'jane+test@contoso.com',
    'x@xn--bcher-kva.xn--p1ai',
  ])('accepts %s', (text) => {
    expect(isUserPrincipalName(text)).toBe(true);
  });

  it.each([
    'jane',
    'jane@contoso',
    '@contoso.com',
    'jane@@contoso.com',
    '.jane@contoso.com',
    'jane.@contoso.com',
    'ja..ne@contoso.com',
    'jane@-contoso.com',
    'jane@contoso.c',
    'jane@contoso.123',
    'a@b.com/../../x',
    'a@b.com?$top=1',
    "jane' or 1 eq 1@contoso.com",
    'jane%27@contoso.com',
    'jane@contoso.com&x=1',
    `${'a'.repeat(65)}@contoso.com`,
  ])('rejects %s', (text) => {
    expect(isUserPrincipalName(text)).toBe(false);
  });
});

describe('isGuid', () => {
  it.each([
    ['3f2504e0-4f89-41d3-9a0c-0305e82c3301', true],
    ['3F2504E0-4F89-41D3-9A0C-0305E82C3301', true],
    ['3f2504e0-4f89-41d3-9a0c-0305e82c330', false],
    ['{3f2504e0-4f89-41d3-9a0c-0305e82c3301}', false],
    ['3f2504e04f8941d39a0c0305e82c3301', false],
  ])('%s -> %s', (text, expected) => {
    expect(isGuid(text)).toBe(expected);
  });
});

describe('isOktaShortLogin', () => {
  it.each([
    ['jdoe', true],
    ['j.doe', true],
    ['jane_doe-2', true],
    ['1234', false],
    ['..', false],
    ['../x', false],
    ['j..doe', false],
    ['jdoe.', false],
    ['.jdoe', false],
    ['$metadata', false],
    ["jane'", false],
    ['a'.repeat(65), false],
  ])('%s -> %s', (text, expected) => {
    expect(isOktaShortLogin(text)).toBe(expected);
  });
});
