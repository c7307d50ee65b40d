// Any sequence of events applied to a new request keeps the state machine's invariants:
//  1. a change adds exactly one to the version and sets updatedAt; a refusal or a repeat changes nothing, except that
//     a decision past expiresAt moves a pending request to expired, and a start on a stale approval (past its window, or
//     given under READ_ONLY that is now off) moves an approved one to expired (version + 1);
//  2. every status change follows an edge of the state diagram; terminal statuses never change;
//  3. the approvals are distinct people, none of them the requester, and decisions are only ever appended;
//  4. `execute` is emitted exactly when the quorum is reached, or a failed plan is retried, with READ_ONLY off;
//  5. a request past pending has at least approvalsRequired approvals (or was rejected, cancelled or expired);
//  6. every change and every refusal is audited; a harmless repeat is not.
import fc from 'fast-check';
import { isTerminalStatus } from '../../../src/core/approval/terminal-statuses.ts';
import type { RequestEvent } from '../../../src/core/approval/request-event.ts';
import { samePerson } from '../../../src/core/approval/same-person.ts';
import { transition } from '../../../src/core/approval/transition.ts';
import type { TransitionResult } from '../../../src/core/approval/transition-result.ts';
import { REQUEST_STATUSES, approvalsOf, type LicenseRequest, type RequestStatus } from '../../../src/core/model/request.ts';
import { IDA, LEE, MEGAN, NOW, PATTI, actor, pendingRequest, planFor } from './request-factory.ts';

const EDGES: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  pending: ['pending', 'approved', 'rejected', 'cancelled', 'expired'],
  approved: ['executing', 'cancelled', 'expired'],
  executing: ['executing', 'succeeded', 'failed', 'needs-manual-steps'],
  'needs-manual-steps': ['executing', 'succeeded', 'failed', 'expired'],
  failed: ['approved'],
  succeeded: [], rejected: [], expired: [], cancelled: [],
};

const PEOPLE = [
  IDA, { ...IDA, userPrincipalName: 'IDA.HELPDESK@contoso.com', surface: 'teams' as const }, PATTI,
  { ...PATTI, userPrincipalName: 'Patti.Fernandez@Contoso.com', surface: 'cli' as const }, MEGAN, LEE, actor('nestor@contoso.com', 'Nestor Wilke'),
];

const person = fc.constantFrom(...PEOPLE);
/** Mostly true, so that quorums are reached and later statuses are explored. */
const isApprover = fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });
const reason = fc.constantFrom('', '  ', 'Not now', 'Use the group');
const stepId = fc.constantFrom('s1', 's2', 's3', 's4', 's5', 's9');
const event: fc.Arbitrary<RequestEvent> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('approve' as const), actor: person, isApprover }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reject' as const), actor: person, isApprover, reason }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), actor: person, isApprover }) },
  { weight: 1, arbitrary: fc.oneof(fc.constant({ kind: 'expire' as const }), fc.constant({ kind: 'expire' as const, manualStepsTtlMs: 3_600_000 })) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retry' as const), actor: person, isApprover }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('start-execution' as const), owner: fc.constantFrom('a', 'b') }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('step' as const), progress: fc.record({ stepId, status: fc.constantFrom('running', 'succeeded', 'skipped', 'failed', 'manual'), detail: fc.constant(null), at: fc.constant(null) }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('finish' as const), outcome: fc.record({ status: fc.constantFrom('succeeded', 'failed', 'needs-manual-steps'), message: fc.constant('done') }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('resume' as const), owner: fc.constant('c') }) },
);
const minutes = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 30 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 2000 }) });
const readOnly = fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });
/** An event, the minutes since the previous one (sometimes past the 24 h expiry) and whether READ_ONLY is on. */
const tick = fc.record({ event, minutes, readOnly });

/** Fails the property with what broke (plain checks: this loop runs some 16 000 transitions per test). */
function invariant(holds: boolean, what: string, detail: unknown): void {
  if (!holds) throw new Error(`${what}: ${JSON.stringify(detail)}`);
}

const DECIDED: readonly RequestStatus[] = ['approved', 'executing', 'succeeded', 'failed', 'needs-manual-steps'];

function checkRequest(r: LicenseRequest): void {
  const approvals = approvalsOf(r);
  const who = approvals.map((d) => d.by.userPrincipalName);
  invariant(!approvals.some((d) => samePerson(d.by, r.requestedBy)), 'the requester approved', who);
  invariant(approvals.every((d, i) => approvals.findIndex((e) => samePerson(d.by, e.by)) === i), 'one person approved twice', who);
  invariant(r.decisions.filter((d) => d.kind === 'approve').length === approvals.length, 'a duplicate approval was stored', r.decisions);
  invariant(!DECIDED.includes(r.status) || approvals.length >= r.approvalsRequired, 'decided without the quorum', { status: r.status, who });
}

function checkStep(before: LicenseRequest, result: TransitionResult, now: string, readOnly: boolean): LicenseRequest {
  const detail = { from: before.status, result };
  switch (result.kind) {
    case 'changed': {
      const next = result.request;
      invariant(!isTerminalStatus(before.status), 'a terminal status changed', detail);
      invariant(result.audit.length > 0, 'a change without audit', detail);
      // Execute exactly when this change reached the quorum, or retried a failed plan, with READ_ONLY off.
      const quorum = before.status === 'pending' && next.status === 'approved' && !readOnly;
      const retry = before.status === 'failed' && next.status === 'approved';
      invariant(!retry || !readOnly, 'a retry under READ_ONLY', detail);
      invariant(result.effects.filter((x) => x.kind === 'execute').length === (quorum || retry ? 1 : 0), 'execute not exactly at the quorum or a retry', detail);
      checkChange(before, next, now);
      return next;
    }
    case 'refused':
      invariant(result.audit.at(-1)?.action.endsWith('.refused') === true, 'a refusal without its audit record', detail);
      if (!result.request) return before;
      invariant((before.status === 'pending' || before.status === 'approved') && result.request.status === 'expired' && result.reason === 'expired', 'a refusal changed more than expiry', detail);
      checkChange(before, result.request, now);
      return result.request;
    case 'unchanged':
      invariant(before.status === 'expired' || before.status === 'needs-manual-steps', 'an unexpected repeat', detail);
      return before;
  }
}

function checkChange(before: LicenseRequest, next: LicenseRequest, now: string): void {
  const detail = { before: [before.status, before.version], next: [next.status, next.version, next.updatedAt], now };
  invariant(next.id === before.id && next.createdAt === before.createdAt, 'identity changed', detail);
  invariant(next.version === before.version + 1 && next.updatedAt === now, 'version or updatedAt wrong', detail);
  invariant(EDGES[before.status].includes(next.status), 'a status change off the diagram', detail);
  invariant(before.decisions.every((d, i) => next.decisions[i] === d), 'decisions were rewritten, not appended', detail);
}

test('any sequence of events keeps the invariants', () => {
  const reached = new Set<RequestStatus>();
  fc.assert(fc.property(fc.constantFrom('user', 'group', 'app') as fc.Arbitrary<'user' | 'group' | 'app'>, fc.array(tick, { maxLength: 40, size: 'max' }), (scope, ticks) => {
    let request = pendingRequest({ plan: planFor(scope) });
    let clock = Date.parse(NOW);
    let executes = 0;
    let retries = 0;
    for (const { event: e, minutes, readOnly } of ticks) {
      clock += minutes * 60_000;
      const now = new Date(clock).toISOString();
      const result = transition(request, e, { now, readOnly });
      if (result.kind === 'changed') executes += result.effects.filter((x) => x.kind === 'execute').length;
      if (result.kind === 'changed' && request.status === 'failed') retries += 1;
      request = checkStep(request, result, now, readOnly);
      checkRequest(request);
      reached.add(request.status);
    }
    invariant(executes <= 1 + retries, 'execute emitted more than once per approval and retry', { executes, retries });
  }), { numRuns: 1000 });
  // The generator is not vacuous: the runs went through every status.
  expect([...reached].sort()).toEqual([...REQUEST_STATUSES].sort());
});
