// Realistic requests for the store contract: the KB case diagnosed by the real core, with a path-1 plan.
import { randomUUID } from 'node:crypto';
import { diagnose } from '../../src/core/diagnosis/diagnose.ts';
import type { Diagnosis } from '../../src/core/model/diagnosis.ts';
import type { JournalEntry } from '../../src/core/model/journal.ts';
import type { LicenseLine, Plan } from '../../src/core/model/plan.ts';
import { DEFAULT_PLAN_OPTIONS } from '../factories/plan-options.ts';
import type { Actor, Decision, LicenseRequest } from '../../src/core/model/request.ts';
import type { RequestStore } from '../../src/core/ports/request-store.ts';
import { CHECKED_AT, E3_GROUP, GROUP_ID, SKU_ID, diagnosisInput, entraUser, oktaApp, oktaUser } from '../factories/diagnosis-input.ts';

const REQUESTER: Actor = { userPrincipalName: 'helpdesk.agent@contoso.com', displayName: 'Helpdesk Agent', entraObjectId: 'e0000000-0000-4000-8000-0000000000a1', surface: 'slack', surfaceUserId: 'U024BE7LH' };

/** An approver on `surface`, numbered so that concurrent decisions can be told apart. */
export const approver = (n: number, surface: Actor['surface'] = 'teams'): Actor => ({
  userPrincipalName: `approver${n}@contoso.com`, displayName: `Approver ${n}`, entraObjectId: null, surface, surfaceUserId: surface === 'cli' ? `os-user-${n}` : null,
});

const e3 = (sources: LicenseLine['sources'], heldByOkta: boolean): LicenseLine => ({ skuId: SKU_ID.SPE_E3, skuPartNumber: 'SPE_E3', productName: 'Microsoft 365 E3', sources, heldByOkta });

function kbPlan(): Plan {
  const input = diagnosisInput();
  const diagnosis: Diagnosis = { report: diagnose(input), input };
  const userId = entraUser().id;
  const appId = oktaApp().id;
  const oktaUserId = oktaUser().id;
  const groupSource = { kind: 'group', groupId: GROUP_ID.E3, groupName: E3_GROUP.displayName, groupKind: 'assigned' } as const;
  return {
    path: 'okta-owns-licenses', scope: 'user', options: DEFAULT_PLAN_OPTIONS, approvalsRequired: 1,
    blastRadius: { kind: 'user', userPrincipalName: entraUser().userPrincipalName },
    before: [e3([groupSource], false)],
    after: [e3([{ kind: 'direct' }], true)],
    removedLicenses: [],
    steps: [
      { id: 's1', action: { kind: 'okta-set-user-licenses', appId, oktaUserId, attribute: 'licenses', values: ['SPE_E3'], previous: [] }, automatic: true, title: 'Give Adele Microsoft 365 E3 in Okta', precondition: 'Okta holds no licenses for Adele', effect: `POST /api/v1/apps/${appId}/users/${oktaUserId}`, verification: 'the app user lists SPE_E3' },
      { id: 's2', action: { kind: 'graph-assign-direct-license', userId, license: { skuId: SKU_ID.SPE_E3, disabledPlans: [] } }, automatic: true, title: 'Assign Microsoft 365 E3 directly', precondition: 'a seat is free', effect: `POST /users/${userId}/assignLicense`, verification: 'a direct path for SPE_E3' },
      { id: 's3', action: { kind: 'graph-remove-group-member', groupId: GROUP_ID.E3, groupName: E3_GROUP.displayName, userId }, automatic: true, title: 'Remove Adele from “Licensing - Microsoft 365 E3”', precondition: 'the group is assigned, cloud-only', effect: `DELETE /groups/${GROUP_ID.E3}/members/${userId}/$ref`, verification: 'no group path for SPE_E3' },
      { id: 's4', action: { kind: 'okta-repush', appId, oktaUserId, scope: 'USER' }, automatic: true, title: 'Ask Okta to push again', precondition: 'provisioning is on', effect: `POST /api/v1/apps/${appId}/users/${oktaUserId}`, verification: 'syncState SYNCHRONIZED' },
      { id: 's5', action: { kind: 'verify', userId, appId, oktaUserId, expectNoGroupPathFor: [SKU_ID.SPE_E3], expectLicenses: [SKU_ID.SPE_E3], expectOktaPush: true, expectProvisioningDisabled: false }, automatic: true, title: 'Check both sides agree', precondition: 'every step ran', effect: 'read only', verification: 'Graph and Okta agree with the plan' },
    ],
    needsManualSteps: false,
    warnings: ['Membership of the group may grant more than licenses (SharePoint sites, Teams, app access).'],
    alternatives: ['Okta: Provisioning > To App > "User Attributes Only" stops Okta managing licenses.'],
    summary: 'Okta becomes the only owner of Adele’s licenses: Okta gets SPE_E3, Entra ID assigns it directly, and the group path goes.',
    diagnosis,
  };
}

/** A pending path-1 request for an Adele (version 1, no decisions); ids are unique unless given, and so is the
 *  target's object id, so that open requests never hold the same target (the store allows one per target and path). */
export function licenseRequest(overrides: Partial<LicenseRequest> = {}): LicenseRequest {
  const plan = kbPlan();
  return {
    id: randomUUID(), status: 'pending', version: 1, path: plan.path, scope: plan.scope, approvalsRequired: 1, requestedBy: REQUESTER,
    reason: 'INC0012345 — Adele can’t get her mailbox back; Okta’s push keeps failing (“inherited from a group”) ✓',
    removalAcknowledged: false,
    target: { userPrincipalName: 'adele.vance@contoso.com', displayName: 'Adele Vance', entraObjectId: randomUUID(), oktaUserId: oktaUser().id, appId: oktaApp().id },
    plan,
    decisions: [],
    steps: plan.steps.map((s) => ({ stepId: s.id, status: 'pending', detail: null, at: null })),
    createdAt: CHECKED_AT, expiresAt: '2026-05-14T12:00:00.000Z', updatedAt: CHECKED_AT, outcome: null,
    ...overrides,
  };
}

/** The next version of `request` with one more decision (and the status it leads to). */
export function decided(request: LicenseRequest, kind: Decision['kind'], by: Actor, at: string, reason: string | null = null): LicenseRequest {
  const status = kind === 'approve' ? 'approved' : kind === 'reject' ? 'rejected' : 'cancelled';
  return { ...request, version: request.version + 1, status, decisions: [...request.decisions, { kind, by, at, reason }], updatedAt: at };
}

/** A journal row of `requestId`; started unless overridden. */
export function journalEntry(requestId: string, overrides: Partial<JournalEntry> = {}): JournalEntry {
  return { requestId, stepId: 's1', attempt: 1, status: 'started', vendorRequestIds: [], startedAt: '2026-05-07T12:05:00.000Z', finishedAt: null, detail: null, owner: 'instance-a', ...overrides };
}

/** Spreads `count` calls over the instances round-robin, all started at once. */
export const spread = <T>(instances: readonly RequestStore[], count: number, call: (store: RequestStore, i: number) => Promise<T>): Promise<T[]> =>
  Promise.all(Array.from({ length: count }, (_, i) => call(instances[i % instances.length] as RequestStore, i)));
