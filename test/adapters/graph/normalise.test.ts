import { normaliseLicenseError, normaliseLicenseState, toEntraGroup, toEntraUser, toSubscribedSku } from '../../../src/adapters/graph/normalise.ts';
import { plannedWaitMs, RetryBudget } from '../../../src/adapters/graph/retry-budget.ts';
import { retryAfterSeconds } from '../../../src/adapters/graph/to-graph-error.ts';

describe('license state and error', () => {
  it.each([
    ['Active', 'Active'], [' Active ', 'Active'], ['activewitherror', 'ActiveWithError'], ['Disabled', 'Disabled'], ['Error', 'Error'],
    ['Pending', 'Error'], [null, 'Error'], [undefined, 'Error'],
  ] as const)('state %j -> %s', (raw, expected) => {
    expect(normaliseLicenseState(raw)).toBe(expected);
  });

  it.each([
    [null, null], ['None', null], [' None', null], ['', null],
    ['CountViolation', 'CountViolation'], ['countviolation', 'CountViolation'], ['UniquenessViolation', 'UniquenessViolation'],
    ['Others', 'Other'], ['Other', 'Other'], ['SomethingNew', 'Other'],
  ] as const)('error %j -> %s', (raw, expected) => {
    expect(normaliseLicenseError(raw)).toBe(expected);
  });
});

describe('objects', () => {
  it('lower-cases GUIDs and fills absent values', () => {
    expect(toEntraUser({
      id: 'AE2C3151-D082-414F-A548-000000000001', userPrincipalName: 'Adele@contoso.com',
      licenseAssignmentStates: [{ skuId: 'C7DF2760-2C81-4EF7-B578-5B5392B571DF', assignedByGroup: 'E61FF361-0000-0000-0000-000000000001', disabledPlans: ['AAAA0000-0000-0000-0000-000000000000'], state: 'Active', error: 'None' }],
    })).toEqual({
      id: 'ae2c3151-d082-414f-a548-000000000001', userPrincipalName: 'Adele@contoso.com', displayName: null, mail: null, accountEnabled: null,
      usageLocation: null, onPremisesSyncEnabled: null, assignedLicenses: [],
      licenseAssignmentStates: [{
        skuId: 'c7df2760-2c81-4ef7-b578-5b5392b571df', assignedByGroup: 'e61ff361-0000-0000-0000-000000000001',
        disabledPlans: ['aaaa0000-0000-0000-0000-000000000000'], state: 'Active', error: null, lastUpdatedDateTime: null,
      }],
    });
    expect(toEntraGroup({ id: 'E61FF361-0000-0000-0000-000000000001' })).toEqual({
      id: 'e61ff361-0000-0000-0000-000000000001', displayName: '', groupTypes: [], membershipRule: null, onPremisesSyncEnabled: null,
      mailEnabled: false, securityEnabled: false, isAssignableToRole: null, assignedLicenses: [],
    });
    expect(toSubscribedSku({ skuId: 'C7DF2760-2C81-4EF7-B578-5B5392B571DF', skuPartNumber: ' ENTERPRISEPREMIUM ', prepaidUnits: { enabled: 25 } })).toMatchObject({
      skuId: 'c7df2760-2c81-4ef7-b578-5b5392b571df', skuPartNumber: 'ENTERPRISEPREMIUM', enabledUnits: 25, consumedUnits: 0, servicePlans: [],
    });
  });
});

describe('retry timing', () => {
  it.each([
    ['7', 1, 7_000], ['0', 3, 0], [null, 1, 2_000], [null, 2, 4_000], [null, 3, 6_000],
  ] as const)('Retry-After %j before retry %i -> wait %i ms', (header, attempt, ms) => {
    expect(plannedWaitMs(new Headers(header === null ? {} : { 'Retry-After': header }), attempt)).toBe(ms);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterSeconds('2.5')).toBe(3);
    expect(retryAfterSeconds(new Date(Date.now() + 90_000).toUTCString())).toBeGreaterThanOrEqual(89);
    expect(retryAfterSeconds('soon')).toBeNull();
  });

  it('keeps a budget across retries', () => {
    const budget = new RetryBudget(5_000);
    expect([budget.tryReserve(3_000), budget.tryReserve(3_000), budget.tryReserve(2_000)]).toEqual([true, false, true]);
  });
});
