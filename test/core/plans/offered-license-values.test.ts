// Okta's license values come from the app's schema: path 1 writes only offered values (by part number, or the
// value whose title names the SKU), and is refused, naming the license and the fix, when the app does not offer one.
import type { OktaLicenseValue } from '../../../src/core/model/okta.ts';
import { appUser } from '../../factories/diagnosis-input.ts';
import { diagnosisOf, planOf, reasonOf } from './plan-fixtures.ts';

const withList = (licenseValues: readonly OktaLicenseValue[] | null, held: string[] = []) =>
  diagnosisOf({ okta: { licenseSchema: { licensesAttribute: 'licenses', rolesAttribute: 'roles', licenseValues }, appUser: appUser(held) } });

describe('path 1 and the app schema\'s license list', () => {
  test.each<[string, OktaLicenseValue[] | null, string[]]>([
    ['no list: the part number', null, ['SPE_E3']],
    ['an enum of part numbers', [{ value: 'ENTERPRISEPACK', title: null }, { value: 'SPE_E3', title: null }], ['SPE_E3']],
    ['an enum in another case: Okta\'s spelling', [{ value: 'spe_e3', title: null }], ['spe_e3']],
    ['oneOf with an opaque const titled with the product name', [{ value: 'lic-0042', title: 'Microsoft 365 E3' }], ['lic-0042']],
    ['oneOf with a const titled with the part number', [{ value: 'lic-0042', title: 'SPE_E3' }], ['lic-0042']],
  ])('%s', (_what, list, values) => {
    const d = withList(list);
    expect(planOf(d, 'okta-owns-licenses').steps[0]?.action).toMatchObject({ kind: 'okta-set-user-licenses', values });
    expect(d.report.remedies.find((r) => r.id === 'okta-owns-licenses')?.available).toBe(true);
  });

  test('an opaque offered value Okta already holds counts as the SKU it names', () => {
    const d = withList([{ value: 'lic-0042', title: 'Microsoft 365 E3' }], ['lic-0042']);
    const plan = planOf(d, 'okta-owns-licenses');
    expect(plan.before).toEqual(planOf(withList(null, ['SPE_E3']), 'okta-owns-licenses').before);
    expect(plan.before[0]).toMatchObject({ skuPartNumber: 'SPE_E3', heldByOkta: true });
    expect(plan.steps.map((st) => st.action.kind)).not.toContain('okta-set-user-licenses');
    // Without the list, the same value names nothing.
    expect(planOf(withList(null, ['lic-0042']), 'okta-owns-licenses').before[0]).toMatchObject({ heldByOkta: false });
  });

  test.each<[string, OktaLicenseValue[]]>([
    ['an enum without it', [{ value: 'ENTERPRISEPACK', title: null }]],
    ['an empty list', []],
    ['a plan value only', [{ value: 'SPE_E3:EXCHANGE_S_ENTERPRISE', title: 'Exchange Online (Plan 2)' }]],
  ])('%s: path 1 is neither offered nor planned; the refusal names the license and the fix', (_what, list) => {
    const d = withList(list);
    const remedy = d.report.remedies.find((r) => r.id === 'okta-owns-licenses');
    expect(remedy?.available).toBe(false);
    expect(remedy?.reason).toMatch(/does not offer Microsoft 365 E3 \(SPE_E3\).*Refresh application data/);
    expect(reasonOf(d, 'okta-owns-licenses')).toMatch(/does not offer Microsoft 365 E3 \(SPE_E3\).*Provisioning.*Refresh application data.*not have this license/);
  });
});
