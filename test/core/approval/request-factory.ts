// Small factories for plans, actors and requests in every status. The defaults: Ida (helpdesk) asks to make Okta
// own Adele Vance's licenses (KB path 1, scope user, 5 steps); Patti and Megan are approvers; Lee is neither.
import { transition } from '../../../src/core/approval/transition.ts';
import type { RequestEvent } from '../../../src/core/approval/request-event.ts';
import type { TransitionResult } from '../../../src/core/approval/transition-result.ts';
import { newRequest, type NewRequestInput } from '../../../src/core/approval/new-request.ts';
import { diagnose } from '../../../src/core/diagnosis/diagnose.ts';
import type { Scope } from '../../../src/core/model/diagnosis.ts';
import type { BlastRadius, LicenseLine, Plan, PlanStep } from '../../../src/core/model/plan.ts';
import { DEFAULT_PLAN_OPTIONS } from '../../factories/plan-options.ts';
import type { Actor, LicenseRequest, RequestStatus } from '../../../src/core/model/request.ts';
import { GROUP_ID, SKU_ID, diagnosisInput, entraUser, oktaApp, oktaUser } from '../../factories/diagnosis-input.ts';

/** When the request is made; it expires 24 hours later. */
export const NOW = '2026-05-07T10:00:00.000Z';
/** When decisions are made in most tests. */
export const LATER = '2026-05-07T10:42:00.000Z';
export const EXPIRES_AT = '2026-05-08T10:00:00.000Z';
export const AFTER_EXPIRY = '2026-05-08T10:00:01.000Z';

/** ISO time `minutes` after NOW. */
export const minutesAfter = (minutes: number): string => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();

export function actor(userPrincipalName: string, displayName: string | null, overrides: Partial<Actor> = {}): Actor {
  return { userPrincipalName, displayName, entraObjectId: null, surface: 'slack', surfaceUserId: null, ...overrides };
}

export const IDA = actor('ida.helpdesk@contoso.com', 'Ida Helpdesk', { entraObjectId: 'a0000000-0000-4000-8000-000000000001', surfaceUserId: 'U0IDA' });
export const PATTI = actor('patti.fernandez@contoso.com', 'Patti Fernandez', { entraObjectId: 'a0000000-0000-4000-8000-000000000002', surface: 'teams' });
export const MEGAN = actor('megan.bowen@contoso.com', 'Megan Bowen', { entraObjectId: 'a0000000-0000-4000-8000-000000000003' });
export const LEE = actor('lee.gu@contoso.com', null);

const user = entraUser();
const app = oktaApp();

function step(id: string, action: PlanStep['action'], automatic = true): PlanStep {
  return { id, action, automatic, title: `Step ${id}`, precondition: 'none', effect: action.kind, verification: 'read back' };
}

const INPUT = diagnosisInput();
const DIAGNOSIS = { report: diagnose(INPUT), input: INPUT };

const E3_LINE: LicenseLine = { skuId: SKU_ID.SPE_E3, skuPartNumber: 'SPE_E3', productName: 'Microsoft 365 E3', sources: [{ kind: 'direct' }], heldByOkta: true };

/** KB path 1 for Adele: five automatic steps, nothing removed. */
export function plan(overrides: Partial<Plan> = {}): Plan {
  const oktaUserId = oktaUser().id;
  return {
    path: 'okta-owns-licenses',
    scope: 'user',
    options: DEFAULT_PLAN_OPTIONS,
    approvalsRequired: 1,
    blastRadius: { kind: 'user', userPrincipalName: user.userPrincipalName },
    before: [E3_LINE],
    after: [E3_LINE],
    removedLicenses: [],
    steps: [
      step('s1', { kind: 'okta-set-user-licenses', appId: app.id, oktaUserId, attribute: 'licenses', values: ['SPE_E3'], previous: [] }),
      step('s2', { kind: 'graph-assign-direct-license', userId: user.id, license: { skuId: SKU_ID.SPE_E3, disabledPlans: [] } }),
      step('s3', { kind: 'manual-group-membership', groupId: GROUP_ID.E3, groupName: 'Licensing - Microsoft 365 E3', groupKind: 'dynamic', userId: user.id }, false),
      step('s4', { kind: 'okta-repush', appId: app.id, oktaUserId, scope: 'USER' }),
      step('s5', { kind: 'verify', userId: user.id, appId: app.id, oktaUserId, expectNoGroupPathFor: [SKU_ID.SPE_E3], expectLicenses: [SKU_ID.SPE_E3], expectOktaPush: true, expectProvisioningDisabled: false }),
    ],
    needsManualSteps: true,
    warnings: [],
    alternatives: [],
    summary: 'Okta keeps Microsoft 365 E3 for Adele; she leaves the licensing group.',
    diagnosis: DIAGNOSIS,
    ...overrides,
  };
}

const BLAST: Readonly<Record<Scope, BlastRadius>> = {
  user: { kind: 'user', userPrincipalName: user.userPrincipalName },
  group: { kind: 'group', groupId: GROUP_ID.E3, groupName: 'Licensing - Microsoft 365 E3', memberCount: 40 },
  app: { kind: 'app', appId: app.id, appLabel: app.label, assignedUsers: 900 },
};

/** A plan of `scope`, asking for the approvals the policy gives that scope. */
export function planFor(scope: Scope): Plan {
  return plan({ scope, approvalsRequired: scope === 'user' ? 1 : 2, blastRadius: BLAST[scope], ...(scope === 'app' ? { path: 'entra-owns-licenses' } : {}) });
}

/** The input of `newRequest` for Ida's request. */
export function requestInput(overrides: Partial<NewRequestInput> = {}): NewRequestInput {
  return {
    id: 'req-1',
    plan: plan(),
    requestedBy: IDA,
    reason: 'Okta keeps failing to push Adele; she needs her mailbox changes.',
    removalAcknowledged: false,
    target: { userPrincipalName: user.userPrincipalName, displayName: 'Adele Vance', entraObjectId: user.id, oktaUserId: oktaUser().id, appId: app.id },
    now: NOW,
    ttlHours: 24,
    ...overrides,
  };
}

/** A pending request (throws if newRequest refuses, which would be a broken test). */
export function pendingRequest(overrides: Partial<NewRequestInput> = {}): LicenseRequest {
  const result = newRequest(requestInput(overrides));
  if (result.kind !== 'created') throw new Error(`newRequest refused: ${result.message}`);
  return result.request;
}

/** Applies `event` and returns the changed request (throws when the transition does not change it). */
export function apply(request: LicenseRequest, event: RequestEvent, now = LATER, readOnly = false): LicenseRequest {
  const result: TransitionResult = transition(request, event, { now, readOnly });
  if (result.kind !== 'changed') throw new Error(`expected a change, got ${result.kind}: ${'message' in result ? result.message : ''}`);
  return result.request;
}

export const approveBy = (a: Actor, isApprover = true): RequestEvent => ({ kind: 'approve', actor: a, isApprover });
export const rejectBy = (a: Actor, reason: string, isApprover = true): RequestEvent => ({ kind: 'reject', actor: a, isApprover, reason });
export const cancelBy = (a: Actor, isApprover = false): RequestEvent => ({ kind: 'cancel', actor: a, isApprover });

/** Ida's user-scoped request in `status`, reached through real transitions (Patti approved at LATER = 10:42 UTC). */
export function requestIn(status: RequestStatus): LicenseRequest {
  const pending = pendingRequest();
  if (status === 'pending') return pending;
  if (status === 'rejected') return apply(pending, rejectBy(PATTI, 'Use the group instead'));
  if (status === 'cancelled') return apply(pending, cancelBy(IDA));
  if (status === 'expired') return apply(pending, { kind: 'expire' }, AFTER_EXPIRY);
  const approved = apply(pending, approveBy(PATTI));
  if (status === 'approved') return approved;
  const executing = apply(approved, { kind: 'start-execution', owner: 'instance-a' }, minutesAfter(43));
  if (status === 'executing') return executing;
  const message = { succeeded: 'Okta pushed Adele at 10:50 UTC.', failed: 'Graph refused the direct license.', 'needs-manual-steps': 'Remove Adele from the dynamic group by hand.' }[status];
  return apply(executing, { kind: 'finish', outcome: { status, message } }, minutesAfter(50));
}
