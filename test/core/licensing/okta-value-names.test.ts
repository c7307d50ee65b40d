// Okta license values as people read them: the product name when one is known, else the value as Okta spells it.
import { oktaValueName, oktaValueNames } from '../../../src/core/licensing/okta-value-names.ts';
import { SKU_ID, subscribedSku } from '../../factories/diagnosis-input.ts';

describe('oktaValueName', () => {
  const renamed = [subscribedSku(SKU_ID.SPE_E3, 'SPE_E3_RENAMED')];
  test.each([
    ['a part number in Microsoft\'s table', 'ENTERPRISEPACK', [], 'Office 365 E3'],
    ['in any case, with spaces', ' spe_e3 ', [], 'Microsoft 365 E3'],
    ['one service plan of a SKU', 'SPE_E3:EXCHANGE_S_ENTERPRISE', [], 'Microsoft 365 E3 (only its EXCHANGE_S_ENTERPRISE plan)'],
    ['the tenant\'s own part number for a known SKU', 'SPE_E3_RENAMED', renamed, 'Microsoft 365 E3'],
    ['a value no product is known for', 'CONTOSO_SPECIAL', [], 'CONTOSO_SPECIAL'],
    ['a plan value of an unknown SKU', 'CONTOSO_SPECIAL:PLAN', [], 'CONTOSO_SPECIAL:PLAN'],
  ])('%s', (_case, value, skus, expected) => {
    expect(oktaValueName(value, skus)).toBe(expected);
  });

  test('a list names each product once', () => {
    expect(oktaValueNames(['SPE_E3', 'spe_e3', 'POWER_BI_PRO'])).toEqual(['Microsoft 365 E3', 'Power BI Pro']);
  });
});
