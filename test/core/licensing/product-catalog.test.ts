import { productName, skuPartNumber } from '../../../src/core/licensing/product-catalog.ts';
import { SKU_ID, TENANT_SKUS, subscribedSku } from '../../factories/diagnosis-input.ts';

describe('productName', () => {
  test.each([
    ['a known SKU', SKU_ID.SPE_E3, undefined, 'Microsoft 365 E3'],
    ['a known SKU in upper case', SKU_ID.ENTERPRISEPACK.toUpperCase(), undefined, 'Office 365 E3'],
    ['a known SKU, part number ignored', SKU_ID.POWER_BI_PRO, 'SOMETHING_ELSE', 'Power BI Pro'],
    ['an unknown SKU with a part number', SKU_ID.UNKNOWN, 'CONTOSO_SPECIAL', 'CONTOSO_SPECIAL'],
    ['an unknown SKU with a blank part number', SKU_ID.UNKNOWN, ' ', SKU_ID.UNKNOWN],
    ['an unknown SKU alone', SKU_ID.UNKNOWN, undefined, SKU_ID.UNKNOWN],
  ])('%s', (_case, skuId, part, expected) => {
    expect(productName(skuId, part)).toBe(expected);
  });
});

describe('skuPartNumber', () => {
  const renamed = subscribedSku(SKU_ID.SPE_E3, 'SPE_E3_RENAMED');
  test.each([
    ['from the subscribed SKUs first', SKU_ID.SPE_E3, [renamed], 'SPE_E3_RENAMED'],
    ['case-insensitively', SKU_ID.SPE_E3.toUpperCase(), [renamed], 'SPE_E3_RENAMED'],
    ["from Microsoft's table when the tenant lacks it", SKU_ID.ENTERPRISEPACK, TENANT_SKUS.slice(2), 'ENTERPRISEPACK'],
    ['from the table without subscribed SKUs', SKU_ID.POWER_BI_PRO, undefined, 'POWER_BI_PRO'],
    ['the tenant knows an SKU the table does not', SKU_ID.UNKNOWN, [subscribedSku(SKU_ID.UNKNOWN, 'CONTOSO_SPECIAL')], 'CONTOSO_SPECIAL'],
    ['the id when nobody knows it', SKU_ID.UNKNOWN, TENANT_SKUS, SKU_ID.UNKNOWN],
  ])('%s', (_case, skuId, skus, expected) => {
    expect(skuPartNumber(skuId, skus)).toBe(expected);
  });
});
