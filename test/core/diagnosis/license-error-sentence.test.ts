import { licenseErrorFix, licenseErrorPhrase, licenseErrorSentence } from '../../../src/core/diagnosis/license-error-sentence.ts';
import type { LicenseRow } from '../../../src/core/model/diagnosis.ts';
import type { LicenseError } from '../../../src/core/model/entra.ts';
import { GROUP_ID, SKU_ID, TENANT_SKUS, entraGroup } from '../../factories/diagnosis-input.ts';

const PBI_GROUP = entraGroup(GROUP_ID.PBI, 'Power BI Pro users', {}, [SKU_ID.POWER_BI_PRO]);
const ctx = { name: 'Johanna Lorenz', usageLocation: 'CH', groups: [PBI_GROUP], skus: TENANT_SKUS };

const row = (error: LicenseError | null, overrides: Partial<LicenseRow> = {}): LicenseRow => ({
  skuId: SKU_ID.POWER_BI_PRO, skuPartNumber: 'POWER_BI_PRO', productName: 'Power BI Pro', assignment: 'group',
  group: { id: GROUP_ID.PBI, displayName: 'Power BI Pro users', kind: 'assigned' }, state: 'Error', error, ...overrides,
});

describe('licenseErrorPhrase', () => {
  test.each<[LicenseError | null, string]>([
    ['CountViolation', 'no free seats of Power BI Pro (2 of 2 used)'],
    ['MutuallyExclusiveViolation', 'Power BI Pro cannot be combined with another license Johanna Lorenz already has'],
    ['DependencyViolation', 'a service plan of Power BI Pro needs another plan that Johanna Lorenz does not have'],
    ['ProhibitedInUsageLocationViolation', "Power BI Pro is not available in Johanna Lorenz's usage location (CH)"],
    ['UniquenessViolation', 'an email address that Power BI Pro needs is already used by another account'],
    ['Other', 'Microsoft reports an unspecified error for Power BI Pro'],
    [null, 'Microsoft shows Power BI Pro in an error state without naming the error'],
  ])('%s', (error, expected) => {
    expect(licenseErrorPhrase(row(error), ctx)).toBe(expected);
  });

  test('seats of a SKU the tenant does not list', () => {
    expect(licenseErrorPhrase(row('CountViolation'), { ...ctx, skus: [] })).toBe('no free seats of Power BI Pro');
  });

  test('no usage location', () => {
    expect(licenseErrorPhrase(row('ProhibitedInUsageLocationViolation'), { ...ctx, usageLocation: null })).toContain('(none set)');
  });
});

describe('licenseErrorFix', () => {
  test.each<[LicenseError | null, RegExp]>([
    ['CountViolation', /^Free a seat of Power BI Pro or buy more, then reprocess/],
    ['MutuallyExclusiveViolation', /^Remove the license it conflicts with/],
    ['DependencyViolation', /^Give Johanna Lorenz the license or plan it depends on/],
    ['ProhibitedInUsageLocationViolation', /^Change Johanna Lorenz's usage location/],
    ['UniquenessViolation', /^Remove the duplicate address/],
    ['Other', /^Check Johanna Lorenz's licenses in the Microsoft 365 admin center/],
    [null, /^Check Johanna Lorenz's licenses/],
  ])('%s', (error, expected) => {
    expect(licenseErrorFix(row(error), ctx)).toMatch(expected);
  });
});

describe('licenseErrorSentence', () => {
  test.each<[string, Partial<LicenseRow>, string]>([
    ['a failed group path', {}, "Johanna Lorenz does not get Power BI Pro from the Entra ID group 'Power BI Pro users': no free seats of Power BI Pro (2 of 2 used)."],
    ['a group path active with an error', { state: 'ActiveWithError' }, "Johanna Lorenz gets Power BI Pro from the Entra ID group 'Power BI Pro users', but with an error: no free seats of Power BI Pro (2 of 2 used)."],
    ['a failed direct path', { assignment: 'direct', group: null }, 'Power BI Pro, assigned to Johanna Lorenz directly, is not active: no free seats of Power BI Pro (2 of 2 used).'],
    ['a direct path with an error', { assignment: 'direct', group: null, state: 'ActiveWithError' }, 'Power BI Pro, assigned to Johanna Lorenz directly, has an error: no free seats of Power BI Pro (2 of 2 used).'],
    ['a group that could not be read', { group: { id: 'gone', displayName: 'gone', kind: 'assigned' } }, 'Johanna Lorenz does not get Power BI Pro from an Entra ID group I could not read (id gone): no free seats of Power BI Pro (2 of 2 used).'],
  ])('%s', (_case, overrides, expected) => {
    expect(licenseErrorSentence(row('CountViolation', overrides), ctx)).toBe(expected);
  });
});
