import { licenseChanges, wantedLicenses } from '../../../src/sandbox/okta/wanted-licenses.ts';
import type { SandboxSku } from '../../../src/sandbox/state.ts';

const sku = (skuId: string, skuPartNumber: string, plans: string[]): SandboxSku => ({
  skuId, skuPartNumber, enabledUnits: 10, capabilityStatus: 'Enabled',
  servicePlans: plans.map((p) => ({ servicePlanId: `${p.toLowerCase()}-id`, servicePlanName: p })),
});
const SKUS = [sku('e3', 'SPE_E3', ['EXCHANGE', 'TEAMS', 'SHAREPOINT']), sku('visio', 'VISIOCLIENT', ['VISIO'])];

describe('wantedLicenses', () => {
  it.each([
    ['a blank assignment', [], []],
    ['no licenses attribute at all', undefined, []],
    ['a whole SKU', ['SPE_E3'], [{ skuId: 'e3', disabledPlans: [] }]],
    ['a part number in another case', ['spe_e3'], [{ skuId: 'e3', disabledPlans: [] }]],
    ['one plan', ['SPE_E3:TEAMS'], [{ skuId: 'e3', disabledPlans: ['exchange-id', 'sharepoint-id'] }]],
    ['two plans of one SKU', ['SPE_E3:TEAMS', 'SPE_E3:EXCHANGE'], [{ skuId: 'e3', disabledPlans: ['sharepoint-id'] }]],
    ['a plan and the whole SKU', ['SPE_E3:TEAMS', 'SPE_E3'], [{ skuId: 'e3', disabledPlans: [] }]],
    ['two SKUs', ['VISIOCLIENT', 'SPE_E3'], [{ skuId: 'visio', disabledPlans: [] }, { skuId: 'e3', disabledPlans: [] }]],
    ['blank and non-string values', ['', ' ', 3, 'VISIOCLIENT'], [{ skuId: 'visio', disabledPlans: [] }]],
  ])('%s', (_what, values, licenses) => {
    expect(wantedLicenses(values, SKUS)).toEqual({ ok: true, licenses });
  });

  it.each([
    ['an unknown SKU', ['SPE_E3', 'SPE_E9'], 'SPE_E9'],
    ['an unknown plan', ['SPE_E3:YAMMER'], 'SPE_E3:YAMMER'],
  ])('reports %s', (_what, values, value) => {
    expect(wantedLicenses(values, SKUS)).toEqual({ ok: false, value });
  });
});

describe('licenseChanges', () => {
  const lic = (skuId: string, disabledPlans: string[] = []) => ({ skuId, disabledPlans });
  it.each([
    ['nothing to do', [lic('e3')], [lic('e3')], [], []],
    ['an addition', [lic('e3'), lic('visio')], [lic('e3')], [lic('visio')], []],
    ['a removal (inherited licenses included)', [], [lic('e3')], [], ['e3']],
    ['changed plans', [lic('e3', ['a'])], [lic('e3')], [lic('e3', ['a'])], []],
    ['the same plans in another order and case', [lic('E3', ['B', 'a'])], [lic('e3', ['A', 'b'])], [], []],
  ])('%s', (_what, wanted, current, addLicenses, removeLicenses) => {
    expect(licenseChanges(wanted, current)).toEqual({ addLicenses, removeLicenses });
  });
});
