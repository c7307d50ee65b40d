import { findEmails } from '../../../src/core/parse/find-emails.ts';

const values = (text: string): string[] => findEmails(text).map((email) => email.value);

describe('findEmails', () => {
  it.each([
    ['one address in a sentence', 'Ask Jane.Doe@Contoso.com.', ['jane.doe@contoso.com']],
    ['quoted addresses', `user 'jane@contoso.com' and "bob@contoso.com"`, ['jane@contoso.com', 'bob@contoso.com']],
    ['an address in a key=value pair', 'userName=jane@contoso.com,', ['jane@contoso.com']],
    ['an address running on into a path or a query', 'a@b.com/../../x a@b.com?$top=1', []],
    ['the KB placeholder', 'Office 365 user <username>,', []],
    ['an @ without a dotted domain', 'ping @jane or jane@localhost', []],
  ])('%s', (_name, text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it('reports where each address starts', () => {
    expect(findEmails('to: jane@contoso.com')).toEqual([{ value: 'jane@contoso.com', index: 4 }]);
  });

  it('examines a bounded number of @ signs', () => {
    expect(findEmails(`${'x@ '.repeat(300)}jane@contoso.com`)).toEqual([]);
    expect(findEmails(`${'x@ '.repeat(300)}jane@contoso.com`, 400)).toHaveLength(1);
  });
});
