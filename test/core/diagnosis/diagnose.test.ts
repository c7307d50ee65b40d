import fc from 'fast-check';
import { diagnose } from '../../../src/core/diagnosis/diagnose.ts';
import { verdictHeadline } from '../../../src/core/diagnosis/verdict-headline.ts';
import { VERDICTS, type DiagnosisInput, type Verdict } from '../../../src/core/model/diagnosis.ts';
import type { LicenseError, LicenseState } from '../../../src/core/model/entra.ts';
import type { ParsedError } from '../../../src/core/model/parsed-error.ts';
import {
  CHECKED_AT, E3_GROUP, GROUP_ID, SKU_ID, TENANT_SKUS, appUser, diagnosisInput, entraGroup, entraUser, groupPath, oktaApp,
  oktaSnapshot, oktaUser, pushFailure,
} from '../../factories/diagnosis-input.ts';

const PARSED: ParsedError = { source: 'okta-push', classification: 'group-inherited-license', httpStatus: 400, userPrincipalName: 'adele.vance@contoso.com' };

describe('diagnose: the report', () => {
  test('the KB case, field by field', () => {
    const report = diagnose(diagnosisInput({ query: 'Could not push profile…', sandbox: true, parsedError: PARSED }));
    expect(report).toMatchObject({
      query: 'Could not push profile…',
      sandbox: true,
      parsedError: PARSED,
      user: { userPrincipalName: 'adele.vance@contoso.com', displayName: 'Adele Vance', entraObjectId: entraUser().id, usageLocation: 'US', oktaUserId: oktaUser().id },
      licenses: [{ skuId: SKU_ID.SPE_E3, skuPartNumber: 'SPE_E3', productName: 'Microsoft 365 E3', assignment: 'group', group: { id: GROUP_ID.E3, displayName: 'Licensing - Microsoft 365 E3', kind: 'assigned' }, state: 'Active', error: null }],
      okta: { appId: oktaApp().id, appUserStatus: 'PROVISIONED', syncState: 'ERROR', scope: 'USER', provisioning: 'enabled', managedLicenses: [], lastPushFailure: { at: pushFailure(2).published } },
      verdict: 'group-inherited-license-conflict',
      conflicts: [{ skuId: SKU_ID.SPE_E3, skuPartNumber: 'SPE_E3', groups: [{ id: GROUP_ID.E3, displayName: 'Licensing - Microsoft 365 E3', kind: 'assigned' }] }],
    });
    expect(report.remedies.map((r) => r.id)).toEqual(['okta-owns-licenses', 'entra-owns-licenses', 'okta-workflows-profile-only']);
  });

  test('is plain JSON (what --json prints is what the object holds)', () => {
    const report = diagnose(diagnosisInput({ parsedError: PARSED }));
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  test.each([
    ['display name falls back to the UPN', diagnosisInput({ user: entraUser({ displayName: null }) }), { displayName: 'adele.vance@contoso.com' }],
    ['no Okta user: oktaUserId null', diagnosisInput({ okta: { user: null, appUser: null } }), { oktaUserId: null }],
    ['Okta not consulted: oktaUserId null', diagnosisInput({ okta: null }), { oktaUserId: null }],
    ['no usage location', diagnosisInput({ user: entraUser({ usageLocation: null }) }), { usageLocation: null }],
  ])('user: %s', (_case, input, expected) => {
    expect(diagnose(input).user).toMatchObject(expected);
  });

  test.each([
    ['no user identified', diagnosisInput({ identifier: null, user: null, okta: null })],
    ['no such user', diagnosisInput({ user: null, okta: null })],
  ])('%s: no user, no licenses, no Okta part', (_case, input) => {
    expect(diagnose(input)).toMatchObject({ user: null, licenses: [], okta: null, conflicts: [], remedies: [] });
  });

  test('not assigned to the app: the Okta part keeps the app, app-user fields are null', () => {
    expect(diagnose(diagnosisInput({ okta: { appUser: null, pushFailures: [] } })).okta).toEqual({
      appId: oktaApp().id, appUserStatus: null, syncState: null, scope: null, provisioning: 'enabled', managedLicenses: [], lastPushFailure: null,
    });
  });

  test('provisioning off: no conflicts or remedies even though a push would conflict', () => {
    const report = diagnose(diagnosisInput({ okta: { provisioning: { connection: 'DISABLED', userProvisioning: null } } }));
    expect(report).toMatchObject({ verdict: 'okta-provisioning-disabled', conflicts: [], remedies: [] });
  });
});

// Totality: whatever the adapters hand over, diagnose answers and every part of the answer is usable.
const STATES: LicenseState[] = ['Active', 'ActiveWithError', 'Disabled', 'Error'];
const ERRORS: Array<LicenseError | null> = [null, 'CountViolation', 'MutuallyExclusiveViolation', 'DependencyViolation', 'ProhibitedInUsageLocationViolation', 'UniquenessViolation', 'Other'];
const GROUPS = [
  E3_GROUP,
  entraGroup(GROUP_ID.SALES, 'Sales', { groupTypes: ['DynamicMembership'], membershipRule: 'user.department -eq "Sales"' }),
  entraGroup(GROUP_ID.PBI, 'Legal', { mailEnabled: true, onPremisesSyncEnabled: true, isAssignableToRole: true }),
];
const timeArb = fc.constantFrom(pushFailure(1).published, pushFailure(30).published, 'garbage', '');

const inputArb: fc.Arbitrary<DiagnosisInput> = fc
  .record({
    identifier: fc.constantFrom(null, 'adele.vance@contoso.com'),
    hasUser: fc.boolean(),
    displayName: fc.constantFrom(null, '', 'Adele Vance'),
    usageLocation: fc.constantFrom(null, 'US'),
    paths: fc.array(fc.record({
      skuId: fc.constantFrom(...Object.values(SKU_ID), SKU_ID.SPE_E3.toUpperCase()),
      group: fc.constantFrom(null, GROUP_ID.E3, GROUP_ID.SALES, GROUP_ID.PBI, GROUP_ID.GONE),
      state: fc.constantFrom(...STATES),
      error: fc.constantFrom(...ERRORS),
    }), { maxLength: 5 }),
    groups: fc.subarray(GROUPS),
    skus: fc.subarray([...TENANT_SKUS]),
    okta: fc.option(fc.record({
      app: fc.option(fc.record({ status: fc.constantFrom('ACTIVE', 'INACTIVE'), features: fc.subarray(['PUSH_NEW_USERS', 'PUSH_PROFILE_UPDATES']) })),
      user: fc.boolean(),
      appUser: fc.option(fc.record({
        licenses: fc.oneof(fc.constant(undefined), fc.constant(null), fc.constantFrom('SPE_E3', 'FOO'), fc.subarray(['SPE_E3', 'spe_e3:TEAMS1', 'ENTERPRISEPACK', 'POWER_BI_PRO', 'FOO', '']), fc.anything()),
        scope: fc.constantFrom('USER', 'GROUP', null),
        syncState: fc.constantFrom('SYNCHRONIZED', 'ERROR', null),
        lastSync: fc.option(timeArb),
      })),
      schema: fc.constantFrom(null, 'licenses', 'none'),
      provisioning: fc.option(fc.record({ connection: fc.constantFrom('ENABLED', 'DISABLED', 'UNKNOWN'), userProvisioning: fc.constantFrom('ENABLED', 'DISABLED', 'NOT_ENABLED', null) })),
      failures: fc.array(fc.record({ at: timeArb, message: fc.constantFrom(pushFailure(1).message, 'other', '') }), { maxLength: 3 }),
    })),
    parsed: fc.boolean(),
    checkedAt: fc.constantFrom(CHECKED_AT, 'garbage'),
    workflows: fc.boolean(),
  })
  .map((r) => diagnosisInput({
    identifier: r.identifier,
    checkedAt: r.checkedAt,
    parsedError: r.parsed ? PARSED : null,
    workflowsConfigured: r.workflows,
    user: r.hasUser ? entraUser({ displayName: r.displayName, usageLocation: r.usageLocation, licenseAssignmentStates: r.paths.map((p) => groupPath(p.skuId, p.group ?? '', { assignedByGroup: p.group, state: p.state, error: p.error })) }) : null,
    groups: r.groups,
    subscribedSkus: r.skus,
    okta: r.okta && oktaSnapshot({
      app: r.okta.app && oktaApp(r.okta.app),
      user: r.okta.user ? oktaUser() : null,
      appUser: r.okta.appUser && appUser(r.okta.appUser.licenses, { scope: r.okta.appUser.scope, syncState: r.okta.appUser.syncState, lastSync: r.okta.appUser.lastSync }),
      licenseSchema: r.okta.schema === null ? null : { licensesAttribute: r.okta.schema === 'none' ? null : r.okta.schema, rolesAttribute: null },
      provisioning: r.okta.provisioning,
      pushFailures: r.okta.failures.map((f, i) => ({ uuid: `u${i}`, published: f.at, eventType: 'app.office365.api.error.push.profile', message: f.message })),
    }),
  }));

const CONFLICT_VERDICTS: readonly Verdict[] = ['group-inherited-license-conflict', 'dual-managed-license'];

describe('diagnose is total', () => {
  test('any input gives a verdict, a readable explanation and headline, and remedies only for conflicts', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const report = diagnose(input);
        expect(VERDICTS).toContain(report.verdict);
        const conflict = CONFLICT_VERDICTS.includes(report.verdict);
        expect(report.remedies).toHaveLength(conflict ? 3 : 0);
        expect(report.conflicts.length > 0).toBe(conflict);
        for (const text of [report.explanation, verdictHeadline(report), ...report.remedies.map((r) => r.reason ?? '')]) {
          expect(text).not.toMatch(/undefined|\bnull\b|\[object|NaN/);
        }
        expect(report.explanation.length).toBeGreaterThan(20);
        expect(JSON.parse(JSON.stringify(report))).toEqual(report);
      }),
      { numRuns: 400, seed: 20260507 },
    );
  });
});
