import { gatherFindings } from '../../../src/core/diagnosis/findings.ts';
import { VERDICTS, type Verdict } from '../../../src/core/model/diagnosis.ts';
import {
  E3_GROUP, GROUP_ID, SKU_ID, appUser, diagnosisInput, directPath, entraGroup, entraUser, groupPath, hoursAgo, oktaApp,
  pushFailure, type InputOverrides,
} from '../../factories/diagnosis-input.ts';

const SALES = entraGroup(GROUP_ID.SALES, 'Sales (dynamic) - Microsoft 365 E3', { groupTypes: ['DynamicMembership'], membershipRule: 'user.department -eq "Sales"' });
const PBI = entraGroup(GROUP_ID.PBI, 'Power BI Pro users', {}, [SKU_ID.POWER_BI_PRO]);
const paths = (...states: ReturnType<typeof directPath>[]) => entraUser({ licenseAssignmentStates: states });
const oktaHolds = (licenses: unknown, extra: Parameters<typeof appUser>[1] = {}) => ({ appUser: appUser(licenses, extra), pushFailures: [] });
const synced = { syncState: 'SYNCHRONIZED', lastSync: hoursAgo(1) } as const;

// [case, overrides, verdict, conflicts as [skuId, group ids][]]
type Row = [string, InputOverrides, Verdict, Array<[string, string[]]>];

const E3_CONFLICT: Array<[string, string[]]> = [[SKU_ID.SPE_E3, [GROUP_ID.E3]]];

const VERDICT_CASES: Row[] = [
  ['no user named, even with a conflict', { identifier: null }, 'user-not-identified', []],
  ['no user named and none found', { identifier: null, user: null, okta: null }, 'user-not-identified', []],
  ['no such user in Entra ID', { user: null, okta: null }, 'user-not-found', []],
  ['Okta not consulted', { okta: null }, 'not-managed-by-okta', []],
  ['not in Okta', { okta: { user: null, appUser: null } }, 'not-managed-by-okta', []],
  ['no Office 365 app', { okta: { app: null, appUser: null } }, 'not-managed-by-okta', []],
  ['not assigned to the app', { okta: { appUser: null } }, 'not-managed-by-okta', []],
  ['provisioning connection off, conflict or not', { okta: { provisioning: { connection: 'DISABLED', userProvisioning: null } } }, 'okta-provisioning-disabled', []],
  ['app INACTIVE', { okta: { app: oktaApp({ status: 'INACTIVE' }) } }, 'okta-provisioning-disabled', []],
  ['provisioning unknown is not disabled', { okta: { provisioning: { connection: 'UNKNOWN', userProvisioning: null } } }, 'group-inherited-license-conflict', E3_CONFLICT],
  ['the KB case: blank Okta set, failed push', {}, 'group-inherited-license-conflict', E3_CONFLICT],
  ['blank Okta set, no push yet', { okta: oktaHolds([]) }, 'group-inherited-license-conflict', E3_CONFLICT],
  ['Okta holds another license', { okta: oktaHolds(['ENTERPRISEPACK']) }, 'group-inherited-license-conflict', E3_CONFLICT],
  ['Okta holds only a value matching nothing', { okta: oktaHolds(['FOO']) }, 'group-inherited-license-conflict', E3_CONFLICT],
  ['GROUP-scoped app user lacking it', { okta: oktaHolds(['ENTERPRISEPACK'], { scope: 'GROUP' }) }, 'group-inherited-license-conflict', E3_CONFLICT],
  ['Okta holds it too', { okta: oktaHolds(['SPE_E3']) }, 'dual-managed-license', E3_CONFLICT],
  ['Okta holds one plan of it (the SKU is held)', { okta: oktaHolds(['SPE_E3:TEAMS1']) }, 'dual-managed-license', E3_CONFLICT],
  ['Okta holds it, and the latest push failed anyway (plans differ)', { okta: { appUser: appUser(['SPE_E3']), pushFailures: [pushFailure(2)] } }, 'group-inherited-license-conflict', E3_CONFLICT],
  ['Okta holds it; a later successful push superseded the failure', { okta: { appUser: appUser(['SPE_E3'], synced), pushFailures: [pushFailure(2)] } }, 'dual-managed-license', E3_CONFLICT],
  ['Okta holds it; the latest failure is another error', { okta: { appUser: appUser(['SPE_E3']), pushFailures: [pushFailure(1, 'usage location'), pushFailure(3)] } }, 'dual-managed-license', E3_CONFLICT],
  ['an ActiveWithError group path still grants', { user: paths(groupPath(SKU_ID.SPE_E3, GROUP_ID.E3, { state: 'ActiveWithError', error: 'DependencyViolation' })) }, 'group-inherited-license-conflict', E3_CONFLICT],
  ['an Error group path grants nothing: a license error', { user: paths(groupPath(SKU_ID.POWER_BI_PRO, GROUP_ID.PBI, { state: 'Error', error: 'CountViolation' })), groups: [PBI] }, 'other-license-error', []],
  ['an Error path grants nothing, even after a failed push', { user: paths(groupPath(SKU_ID.SPE_E3, GROUP_ID.E3, { state: 'Error', error: 'Other' })) }, 'other-license-error', []],
  ['a Disabled group path grants nothing', { user: paths(groupPath(SKU_ID.SPE_E3, GROUP_ID.E3, { state: 'Disabled' })), okta: oktaHolds([]) }, 'no-conflict', []],
  ['a direct path with an error', { user: paths(directPath(SKU_ID.POWER_BI_PRO, { state: 'ActiveWithError', error: 'CountViolation' })), okta: oktaHolds(['POWER_BI_PRO']) }, 'other-license-error', []],
  ['a direct path in state Error without an error code', { user: paths(directPath(SKU_ID.POWER_BI_PRO, { state: 'Error' })), okta: oktaHolds([]) }, 'other-license-error', []],
  ['a conflict wins over a license error', { user: paths(groupPath(SKU_ID.SPE_E3, GROUP_ID.E3), groupPath(SKU_ID.POWER_BI_PRO, GROUP_ID.PBI, { state: 'Error', error: 'CountViolation' })), groups: [E3_GROUP, PBI] }, 'group-inherited-license-conflict', E3_CONFLICT],
  ['dual management wins over a license error', { user: paths(groupPath(SKU_ID.SPE_E3, GROUP_ID.E3), directPath(SKU_ID.POWER_BI_PRO, { state: 'Error', error: 'CountViolation' })), okta: oktaHolds(['SPE_E3']) }, 'dual-managed-license', E3_CONFLICT],
  ['direct licenses only, Okta holds them', { user: paths(directPath(SKU_ID.SPE_E3)), okta: oktaHolds(['SPE_E3'], synced) }, 'no-conflict', []],
  ['direct licenses only, Okta holds none (Okta removes them, no error)', { user: paths(directPath(SKU_ID.SPE_E3)), okta: oktaHolds([]) }, 'no-conflict', []],
  ['no licenses at all', { user: paths(), okta: oktaHolds([]) }, 'no-conflict', []],
  ['a current inherited-license failure, but no group grants anything now', { user: paths(directPath(SKU_ID.SPE_E3)) }, 'no-conflict', []],
];

describe('verdicts, in order of precedence', () => {
  test.each(VERDICT_CASES.map(([name, overrides, verdict, conflicts]) => [name, verdict, overrides, conflicts] as const))('%s → %s', (_case, verdict, overrides, conflicts) => {
    const f = gatherFindings(diagnosisInput(overrides));
    expect(f.verdict).toBe(verdict);
    expect(f.conflicts.map((c) => [c.skuId, c.groups.map((g) => g.id)])).toEqual(conflicts);
  });

  test('every verdict has a case', () => {
    expect(new Set(VERDICT_CASES.map((c) => c[2]))).toEqual(new Set(VERDICTS));
  });
});

describe('conflicts', () => {
  test('several groups granting the same SKU are all listed', () => {
    const f = gatherFindings(diagnosisInput({ user: paths(groupPath(SKU_ID.SPE_E3, GROUP_ID.E3), groupPath(SKU_ID.SPE_E3, GROUP_ID.SALES)), groups: [E3_GROUP, SALES] }));
    expect(f.conflicts).toEqual([{
      skuId: SKU_ID.SPE_E3, skuPartNumber: 'SPE_E3',
      groups: [{ id: GROUP_ID.E3, displayName: 'Licensing - Microsoft 365 E3', kind: 'assigned' }, { id: GROUP_ID.SALES, displayName: 'Sales (dynamic) - Microsoft 365 E3', kind: 'dynamic' }],
    }]);
  });

  test('the same SKU direct and from a group: the group path conflicts', () => {
    const f = gatherFindings(diagnosisInput({ user: paths(directPath(SKU_ID.SPE_E3), groupPath(SKU_ID.SPE_E3, GROUP_ID.E3)) }));
    expect(f.verdict).toBe('group-inherited-license-conflict');
    expect(f.conflicts.map((c) => c.groups.map((g) => g.id))).toEqual([[GROUP_ID.E3]]);
  });

  test('a group missing from entra.groups is named by its id, kind assigned, and noted as unreadable', () => {
    const f = gatherFindings(diagnosisInput({ user: paths(groupPath(SKU_ID.SPE_E3, GROUP_ID.GONE)), groups: [] }));
    expect(f.conflicts[0]?.groups).toEqual([{ id: GROUP_ID.GONE, displayName: GROUP_ID.GONE, kind: 'assigned' }]);
    expect(f.unreadableGroups).toEqual([GROUP_ID.GONE]);
  });

  test('an unknown SKU: its id stands in for the part number', () => {
    const f = gatherFindings(diagnosisInput({ user: paths(groupPath(SKU_ID.UNKNOWN, GROUP_ID.E3)) }));
    expect(f.conflicts).toEqual([{ skuId: SKU_ID.UNKNOWN, skuPartNumber: SKU_ID.UNKNOWN, groups: [expect.objectContaining({ id: GROUP_ID.E3 })] }]);
  });

  test('several missing SKUs, by product name; SKUs Okta holds are not listed', () => {
    const user = paths(groupPath(SKU_ID.POWER_BI_PRO, GROUP_ID.PBI), groupPath(SKU_ID.SPE_E3, GROUP_ID.E3), groupPath(SKU_ID.ENTERPRISEPACK, GROUP_ID.E3));
    const f = gatherFindings(diagnosisInput({ user, groups: [E3_GROUP, PBI], okta: oktaHolds(['enterprisepack']) }));
    expect(f.conflicts.map((c) => c.skuPartNumber)).toEqual(['SPE_E3', 'POWER_BI_PRO']);
    expect(f.missing).toEqual([SKU_ID.SPE_E3, SKU_ID.POWER_BI_PRO]);
    expect(f.shared).toEqual([SKU_ID.ENTERPRISEPACK]);
  });

  test('the push-failure trigger with nothing missing lists every inherited SKU', () => {
    const user = paths(groupPath(SKU_ID.SPE_E3, GROUP_ID.E3), groupPath(SKU_ID.POWER_BI_PRO, GROUP_ID.PBI));
    const f = gatherFindings(diagnosisInput({ user, groups: [E3_GROUP, PBI], okta: { appUser: appUser(['SPE_E3', 'POWER_BI_PRO']) } }));
    expect(f.verdict).toBe('group-inherited-license-conflict');
    expect(f.conflicts.map((c) => c.skuPartNumber)).toEqual(['SPE_E3', 'POWER_BI_PRO']);
  });

  test('upper-case GUIDs from Graph match', () => {
    const user = paths(groupPath(SKU_ID.SPE_E3.toUpperCase(), GROUP_ID.E3.toUpperCase()));
    const f = gatherFindings(diagnosisInput({ user, okta: oktaHolds(['SPE_E3']) }));
    expect(f.verdict).toBe('dual-managed-license');
    expect(f.conflicts[0]?.groups[0]?.displayName).toBe('Licensing - Microsoft 365 E3');
  });
});

describe('the name sentences use', () => {
  test.each<[string, InputOverrides, string]>([
  ['display name', {}, 'Adele Vance'],
  ['blank display name: the UPN', { user: entraUser({ displayName: '  ' }) }, 'adele.vance@contoso.com'],
  ['no Entra user: what was asked for', { user: null, identifier: 'who@contoso.com' }, 'who@contoso.com'],
  ['nothing at all', { user: null, identifier: null }, 'this user'],
  ])('%s', (_case, overrides, name) => {
    expect(gatherFindings(diagnosisInput(overrides)).name).toBe(name);
  });
});
