import { oktaDesiredLicenses, oktaLicenseValues } from '../../../src/core/licensing/okta-license-values.ts';
import type { OktaLicenseSchema } from '../../../src/core/model/okta.ts';
import { PLAN_ID, SKU_ID, TENANT_SKUS, appUser, subscribedSku } from '../../factories/diagnosis-input.ts';

const E3 = SKU_ID.SPE_E3;
const O365 = SKU_ID.ENTERPRISEPACK;

describe('oktaDesiredLicenses', () => {
  test.each([
    ['nothing: a blank set', [], [], []],
    ['a whole SKU', ['SPE_E3'], [{ skuId: E3, disabledPlans: [] }], []],
    ['case-insensitive part number', ['spe_e3'], [{ skuId: E3, disabledPlans: [] }], []],
    ['surrounding spaces', ['  SPE_E3 '], [{ skuId: E3, disabledPlans: [] }], []],
    ['two whole SKUs, in the order given', ['ENTERPRISEPACK', 'SPE_E3'], [{ skuId: O365, disabledPlans: [] }, { skuId: E3, disabledPlans: [] }], []],
    ['the same SKU twice', ['SPE_E3', 'SPE_E3'], [{ skuId: E3, disabledPlans: [] }], []],
    ['one plan: every other plan disabled', ['SPE_E3:EXCHANGE_S_ENTERPRISE'], [{ skuId: E3, disabledPlans: [PLAN_ID.TEAMS1, PLAN_ID.OFFICESUBSCRIPTION] }], []],
    ['two plans, case-insensitive', ['SPE_E3:teams1', 'spe_e3:Exchange_S_Enterprise'], [{ skuId: E3, disabledPlans: [PLAN_ID.OFFICESUBSCRIPTION] }], []],
    ['every plan named: nothing disabled', ['SPE_E3:EXCHANGE_S_ENTERPRISE', 'SPE_E3:TEAMS1', 'SPE_E3:OFFICESUBSCRIPTION'], [{ skuId: E3, disabledPlans: [] }], []],
    ['whole SKU and a plan value: the whole SKU wins', ['SPE_E3:TEAMS1', 'SPE_E3'], [{ skuId: E3, disabledPlans: [] }], []],
    ['an empty plan name means the whole SKU', ['SPE_E3:'], [{ skuId: E3, disabledPlans: [] }], []],
    ['mixed: a whole SKU and a plan of another', ['ENTERPRISEPACK', 'SPE_E3:TEAMS1'], [{ skuId: O365, disabledPlans: [] }, { skuId: E3, disabledPlans: [PLAN_ID.EXCHANGE_S_ENTERPRISE, PLAN_ID.OFFICESUBSCRIPTION] }], []],
    ['an unknown SKU is reported, not dropped', ['SPE_E3', 'FOO'], [{ skuId: E3, disabledPlans: [] }], ['FOO']],
    ['an unknown plan of a known SKU is reported', ['SPE_E3:NO_SUCH_PLAN'], [], ['SPE_E3:NO_SUCH_PLAN']],
    ['a plan of an unknown SKU is reported', ['FOO:TEAMS1'], [], ['FOO:TEAMS1']],
    ['an unmatched value is reported once, as spelled', ['foo', 'foo', 'Bar'], [], ['foo', 'Bar']],
    ['blank values name nothing', ['', '   '], [], []],
  ])('%s', (_case, values, licenses, unmatched) => {
    expect(oktaDesiredLicenses(values, TENANT_SKUS)).toEqual({ licenses, unmatched });
  });

  test('SKU ids and plan ids come out in lower case', () => {
    const upper = subscribedSku(E3.toUpperCase(), 'SPE_E3', [[PLAN_ID.TEAMS1.toUpperCase(), 'TEAMS1'], [PLAN_ID.EXCHANGE_S_ENTERPRISE.toUpperCase(), 'EXCHANGE_S_ENTERPRISE']]);
    expect(oktaDesiredLicenses(['SPE_E3:TEAMS1'], [upper]).licenses).toEqual([{ skuId: E3, disabledPlans: [PLAN_ID.EXCHANGE_S_ENTERPRISE] }]);
  });

  test('with no subscribed SKUs everything is unmatched', () => {
    expect(oktaDesiredLicenses(['SPE_E3'], [])).toEqual({ licenses: [], unmatched: ['SPE_E3'] });
  });
});

describe('oktaLicenseValues', () => {
  const schema: OktaLicenseSchema = { licensesAttribute: 'licenses', rolesAttribute: 'roles' };
  test.each<[string, unknown, OktaLicenseSchema | null, string[]]>([
    ['an array of strings', ['SPE_E3', 'SPE_E3:TEAMS1'], schema, ['SPE_E3', 'SPE_E3:TEAMS1']],
    ['a single string counts as one value', 'SPE_E3', schema, ['SPE_E3']],
    ['an empty array', [], schema, []],
    ['null', null, schema, []],
    ['absent', undefined, schema, []],
    ['a blank string', '  ', schema, []],
    ['non-string entries are not licenses', ['SPE_E3', 7, null, ''], schema, ['SPE_E3']],
    ['a number is not a license', 42, schema, []],
    ['schema not read: the default attribute name', ['SPE_E3'], null, ['SPE_E3']],
    ['schema without a licenses attribute', ['SPE_E3'], { licensesAttribute: null, rolesAttribute: 'roles' }, []],
  ])('%s', (_case, licenses, s, expected) => {
    expect(oktaLicenseValues(appUser(licenses), s)).toEqual(expected);
  });

  test('reads the attribute the schema names', () => {
    const user = appUser([], { profile: { o365Licenses: ['ENTERPRISEPACK'], licenses: ['SPE_E3'] } });
    expect(oktaLicenseValues(user, { licensesAttribute: 'o365Licenses', rolesAttribute: null })).toEqual(['ENTERPRISEPACK']);
  });
});
