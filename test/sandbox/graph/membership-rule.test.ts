import { evaluateMembershipRule, parseMembershipRule } from '../../../src/sandbox/graph/membership-rule.ts';

const user: Record<string, unknown> = { department: 'Sales', jobTitle: 'Account Executive', usageLocation: 'US', accountEnabled: true, mail: null };
const attribute = (name: string) => Object.entries(user).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];

describe('dynamic membership rules', () => {
  it.each([
    ['user.department -eq "Sales"', true],
    ['user.department -eq "sales"', true],
    ['user.Department -eq "Marketing"', false],
    ['user.department -ne "Marketing"', true],
    ['user.department -eq "Sales" -and user.usageLocation -eq "DE"', false],
    ['user.department -eq "Marketing" -or user.usageLocation -eq "US"', true],
    ['(user.department -eq "Marketing" -or user.department -eq "Sales") -and user.accountEnabled -eq true', true],
    ['user.mail -eq null', true],
    ['user.jobTitle -eq "Account \\"Executive\\""', false],
  ])('%s -> %s', (rule, expected) => {
    const parsed = parseMembershipRule(rule);
    expect(parsed).not.toBeNull();
    expect(parsed && evaluateMembershipRule(parsed, attribute)).toBe(expected);
  });

  it.each([
    ['user.department -contains "Sal"'],
    ['user.department -eq Sales'],
    ['device.deviceOSType -eq "Windows"'],
    ['(user.department -eq "Sales"'],
    ['user.department -eq "Sales" -and'],
    [''],
  ])('does not support %j (the group then has no members)', (rule) => {
    expect(parseMembershipRule(rule)).toBeNull();
  });
});
