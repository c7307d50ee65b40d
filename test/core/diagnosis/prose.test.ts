import { groupPhrase, itOrThem, listPhrase } from '../../../src/core/diagnosis/prose.ts';
import type { GroupKind } from '../../../src/core/model/diagnosis.ts';
import { entraGroup } from '../../factories/diagnosis-input.ts';

describe('listPhrase', () => {
  test.each([
    [[], ''],
    [['A'], 'A'],
    [['A', 'B'], 'A and B'],
    [['A', 'B', 'C'], 'A, B and C'],
  ])('%j', (items, expected) => {
    expect(listPhrase(items)).toBe(expected);
  });
});

describe('groupPhrase', () => {
  const group = entraGroup('g1', 'Sales', { membershipRule: 'user.department -eq "Sales"' });
  test.each<[GroupKind, string]>([
    ['assigned', "the Entra ID group 'Sales'"],
    ['dynamic', `the dynamic Entra ID group 'Sales' (members by rule: user.department -eq "Sales")`],
    ['on-premises-synced', "the Entra ID group 'Sales', synced from on-premises Active Directory"],
    ['mail-enabled', "the mail-enabled security group 'Sales'"],
    ['role-assignable', "the role-assignable Entra ID group 'Sales'"],
  ])('%s', (kind, expected) => {
    expect(groupPhrase({ id: 'g1', displayName: 'Sales', kind }, group)).toBe(expected);
  });

  test('a dynamic group without a rule', () => {
    expect(groupPhrase({ id: 'g1', displayName: 'Sales', kind: 'dynamic' }, entraGroup('g1', 'Sales'))).toBe("the dynamic Entra ID group 'Sales'");
  });

  test('a group that could not be read', () => {
    expect(groupPhrase({ id: 'g9', displayName: 'g9', kind: 'assigned' }, undefined)).toBe('an Entra ID group I could not read (id g9)');
  });

  test.each([[1, 'it'], [2, 'them']])('itOrThem(%d)', (n, expected) => {
    expect(itOrThem(n)).toBe(expected);
  });
});
