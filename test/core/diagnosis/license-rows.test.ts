import { groupRef, licenseRows } from '../../../src/core/diagnosis/license-rows.ts';
import { E3_GROUP, GROUP_ID, SKU_ID, TENANT_SKUS, directPath, entraGroup, entraUser, groupPath } from '../../factories/diagnosis-input.ts';

const SALES = entraGroup(GROUP_ID.SALES, 'Sales (dynamic)', { groupTypes: ['DynamicMembership'] });

describe('licenseRows', () => {
  test('one row per path, by product name, direct before group, then by group name', () => {
    const user = entraUser({
      licenseAssignmentStates: [
        groupPath(SKU_ID.SPE_E3, GROUP_ID.SALES),
        groupPath(SKU_ID.POWER_BI_PRO, GROUP_ID.PBI, { state: 'Error', error: 'CountViolation' }),
        groupPath(SKU_ID.SPE_E3, GROUP_ID.E3),
        directPath(SKU_ID.SPE_E3),
        directPath(SKU_ID.ENTERPRISEPACK),
      ],
    });
    const rows = licenseRows(user, [E3_GROUP, SALES], TENANT_SKUS);
    expect(rows.map((r) => [r.productName, r.assignment, r.group?.displayName ?? null])).toEqual([
      ['Microsoft 365 E3', 'direct', null],
      ['Microsoft 365 E3', 'group', 'Licensing - Microsoft 365 E3'],
      ['Microsoft 365 E3', 'group', 'Sales (dynamic)'],
      ['Office 365 E3', 'direct', null],
      ['Power BI Pro', 'group', GROUP_ID.PBI],
    ]);
    expect(rows[2]).toEqual({
      skuId: SKU_ID.SPE_E3, skuPartNumber: 'SPE_E3', productName: 'Microsoft 365 E3', assignment: 'group',
      group: { id: GROUP_ID.SALES, displayName: 'Sales (dynamic)', kind: 'dynamic' }, state: 'Active', error: null,
    });
    expect(rows[4]).toMatchObject({ state: 'Error', error: 'CountViolation', group: { id: GROUP_ID.PBI, displayName: GROUP_ID.PBI, kind: 'assigned' } });
  });

  test.each([
    ['a SKU the tenant and the table know', SKU_ID.SPE_E3, TENANT_SKUS, 'SPE_E3', 'Microsoft 365 E3'],
    ['a SKU only the table knows', SKU_ID.SPE_E3, [], 'SPE_E3', 'Microsoft 365 E3'],
    ['an unknown SKU', SKU_ID.UNKNOWN, TENANT_SKUS, SKU_ID.UNKNOWN, SKU_ID.UNKNOWN],
    ['an upper-case SKU id', SKU_ID.SPE_E3.toUpperCase(), TENANT_SKUS, 'SPE_E3', 'Microsoft 365 E3'],
  ])('names %s', (_case, skuId, skus, part, name) => {
    const [row] = licenseRows(entraUser({ licenseAssignmentStates: [directPath(skuId)] }), [], skus);
    expect(row).toMatchObject({ skuId: skuId.toLowerCase(), skuPartNumber: part, productName: name });
  });

  test('no user, no rows', () => {
    expect(licenseRows(null, [E3_GROUP], TENANT_SKUS)).toEqual([]);
  });
});

describe('groupRef', () => {
  test('finds a group by id in any case', () => {
    expect(groupRef(GROUP_ID.E3.toUpperCase(), [E3_GROUP])).toEqual({ id: GROUP_ID.E3, displayName: 'Licensing - Microsoft 365 E3', kind: 'assigned' });
  });
});
