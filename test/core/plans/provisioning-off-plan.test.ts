// KB paths 2 and 3: provisioning off for the whole app, licenses unchanged, blast radius shown, 2 approvals.
import type { PathId } from '../../../src/core/model/diagnosis.ts';
import { WORKFLOWS_CHECKLIST } from '../../../src/core/steps/manual-build-workflows-flow.ts';
import { entraUser } from '../../factories/diagnosis-input.ts';
import { SITUATIONS, contextFor, diagnosisOf, planOf, reasonOf, type Situation } from './plan-fixtures.ts';

const APP_PATHS: PathId[] = ['entra-owns-licenses', 'okta-workflows-profile-only'];

describe.each(APP_PATHS)('%s', (path) => {
  test.each(Object.keys(SITUATIONS) as Situation[])('%s: licenses unchanged, scope app, 2 approvals, blast radius = assigned users', (situation) => {
    const plan = planOf(diagnosisOf(SITUATIONS[situation]), path, {}, contextFor(situation));
    expect(plan).toMatchObject({
      path, scope: 'app', approvalsRequired: 2, removedLicenses: [],
      blastRadius: { kind: 'app', appId: '0oasbx00000000000001', appLabel: 'Microsoft Office 365', assignedUsers: 184 },
    });
    expect(plan.after).toEqual(plan.before);
    expect(plan.before.length).toBeGreaterThan(0);
    expect(plan.steps[0]).toMatchObject({
      id: 's1', automatic: true, action: { kind: 'okta-deactivate-provisioning', appId: '0oasbx00000000000001', appLabel: 'Microsoft Office 365' },
      effect: 'POST /api/v1/apps/0oasbx00000000000001/connections/default/lifecycle/deactivate',
    });
    expect(plan.steps.at(-1)?.action).toMatchObject({
      kind: 'verify', expectNoGroupPathFor: [], expectLicenses: plan.before.map((l) => l.skuId), expectOktaPush: false, expectProvisioningDisabled: true,
    });
    expect(plan.warnings[0]).toEqual(
      path === 'entra-owns-licenses'
        ? 'Okta stops provisioning all 184 users of Microsoft Office 365: new hires are not created, profile changes and deactivations are not pushed. Someone deactivated in Okta keeps an enabled Microsoft 365 account until it is disabled in Entra ID.'
        : expect.stringContaining('Okta stops provisioning all 184 users of Microsoft Office 365: new hires are not created'),
    );
    expect(plan.alternatives.join(' ')).toMatch(/"User Attributes Only" in Okta Admin Console > Applications > Microsoft Office 365 > Provisioning > To App.*not in Okta's API/);
    expect(plan.summary).toContain('This reaches all 184 users assigned to the app, not only Adele Vance');
    expect(plan.summary).toContain('It needs 2 approvals.');
  });

  test('provisioning already off: not applicable', () => {
    const d = diagnosisOf({ okta: { provisioning: { connection: 'DISABLED', userProvisioning: 'NOT_ENABLED' } } });
    expect(reasonOf(d, path)).toBe('Provisioning of Microsoft Office 365 is already off in Okta: there is nothing to turn off.');
  });

  test('the assigned users were not counted: not applicable (the approver must see the blast radius)', () => {
    expect(reasonOf(diagnosisOf(), path, {}, { appAssignedUsers: null })).toMatch(/could not count the users assigned to Microsoft Office 365/);
  });

  test.each([
    [{ completeOktaLicenses: false }, 'completeOktaLicenses'],
    [{ allowServiceGap: true }, 'allowServiceGap'],
    [{ removeLicenseFromGroup: true }, 'removeLicenseFromGroup'],
  ])('a path-1 option (%j) contradicts the path: not applicable', (o, name) => {
    expect(reasonOf(diagnosisOf(), path, o)).toBe(`${name} only apply to okta-owns-licenses; ${path} changes the whole app and has no such variants.`);
  });

  test('a user without a usage location: a plan, with a warning', () => {
    const plan = planOf(diagnosisOf(SITUATIONS['no usage location']), path);
    expect(plan.warnings.join(' ')).toContain('Adele Vance has no usage location: group-based licensing uses the tenant');
  });

  test('one assigned user reads as such', () => {
    expect(planOf(diagnosisOf(), path, {}, { appAssignedUsers: 1 }).warnings[0]).toMatch(/^Okta stops provisioning the 1 user of Microsoft Office 365/);
  });

  test('the before lines name where each license comes from', () => {
    const plan = planOf(diagnosisOf(SITUATIONS['dual-managed (Okta and a group both grant it)']), path);
    expect(plan.summary).toContain("licenses stay as they are: Microsoft 365 E3 (directly and from 'Licensing - Microsoft 365 E3')");
    expect(plan.before[0]?.heldByOkta).toBe(true);
  });
});

describe('entra-owns-licenses', () => {
  test('steps: deactivate provisioning, verify; nothing manual', () => {
    const plan = planOf(diagnosisOf(), 'entra-owns-licenses');
    expect(plan.steps.map((s) => s.action.kind)).toEqual(['okta-deactivate-provisioning', 'verify']);
    expect(plan.needsManualSteps).toBe(false);
    expect(plan.steps[1]?.title).toBe('Check that provisioning of Microsoft Office 365 is off and Adele Vance keeps the same licenses');
    expect(plan.steps[1]?.verification).toBe('provisioning of Microsoft Office 365 is DISABLED; Adele Vance has Microsoft 365 E3.');
  });
});

describe('okta-workflows-profile-only', () => {
  test('with a configured flow: the flow is invoked for the user, automatically', () => {
    const plan = planOf(diagnosisOf(), 'okta-workflows-profile-only', {}, { workflowsConfigured: true });
    expect(plan.steps.map((s) => s.action.kind)).toEqual(['okta-deactivate-provisioning', 'workflows-invoke', 'verify']);
    expect(plan.steps[1]).toMatchObject({
      automatic: true,
      action: { kind: 'workflows-invoke', userPrincipalName: 'adele.vance@contoso.com', oktaUserId: '00usbx00000000000001', appId: '0oasbx00000000000001' },
    });
    expect(plan.steps[1]?.effect).toContain('OKTA_WORKFLOWS_INVOKE_URL with the header x-api-client-token');
    expect(plan.needsManualSteps).toBe(false);
    expect(plan.warnings[0]).toContain('profile attributes are pushed only by the Okta Workflows flow');
    expect(plan.summary).toContain("Then the configured Okta Workflows flow pushes Adele Vance's non-license attributes.");
  });

  test('without a flow: a manual step carrying the checklist, and the subscription named', () => {
    const plan = planOf(diagnosisOf(), 'okta-workflows-profile-only', {}, { workflowsConfigured: false });
    expect(plan.steps.map((s) => s.action.kind)).toEqual(['okta-deactivate-provisioning', 'manual-build-workflows-flow', 'verify']);
    expect(plan.steps[1]).toMatchObject({ automatic: false, action: { kind: 'manual-build-workflows-flow', checklist: WORKFLOWS_CHECKLIST } });
    expect(plan.needsManualSteps).toBe(true);
    expect(plan.summary).toContain('it needs an Okta Workflows subscription');
    expect(plan.warnings.join(' ')).toContain('building one needs an Okta Workflows subscription');
    expect(plan.steps[1]?.precondition).toContain('needs an Okta Workflows subscription');
  });

  test('the checklist covers what building the flow takes, in order', () => {
    const needles = [
      /subscription includes Okta Workflows/, /API Endpoint card secured with a client token/,
      /Microsoft Entra ID connector \(formerly Azure AD \/ Office 365 Admin\).*Update User card, or a Custom API Action card with PATCH \/users\/\{id\}.*non-license attributes/,
      /Okta profile updates/, /OKTA_WORKFLOWS_INVOKE_URL and OKTA_WORKFLOWS_CLIENT_TOKEN/, /Test with one user/,
    ];
    expect(WORKFLOWS_CHECKLIST).toHaveLength(needles.length);
    WORKFLOWS_CHECKLIST.forEach((item, i) => expect(item).toMatch(needles[i] ?? /never/));
  });

  test('the workflow step waits for provisioning to be off (step order)', () => {
    const plan = planOf(diagnosisOf({ user: entraUser() }), 'okta-workflows-profile-only', {}, { workflowsConfigured: true });
    expect(plan.steps[1]?.precondition).toMatch(/^Provisioning of Microsoft Office 365 is off \(the step before\)/);
  });
});
