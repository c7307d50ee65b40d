// A batch needs two approvals from distinct approvers, neither of them the requester (the same policy as a request's
// decisions), and starts only when the second one completes the quorum with READ_ONLY off.
import { applyBatchDecision, batchRunRefusal, cancelBySystem } from '../../../src/core/batch/batch-decision.ts';
import { countMembers } from '../../../src/core/batch/batch-counts.ts';
import { newBatch, type NewBatchInput } from '../../../src/core/batch/new-batch.ts';
import type { BatchRequest } from '../../../src/core/model/batch.ts';
import { AFTER_EXPIRY, IDA, LATER, LEE, MEGAN, NOW, PATTI, plan } from '../approval/request-factory.ts';

const ctx = { now: LATER, readOnly: false, approvalTtlHours: 4 };

function input(overrides: Partial<NewBatchInput> = {}): NewBatchInput {
  return {
    id: 'LD-BTEST-0001', kind: 'users', path: 'okta-owns-licenses', options: plan().options, group: { id: 'g1', displayName: 'Lic-M365-E3-Staff' }, sku: 'SPE_E3',
    source: { kind: 'scan', scanId: 'SCAN-1', scannedAt: NOW }, requestedBy: IDA, reason: 'E3 staff migration', removalAcknowledged: false,
    plans: ['adele', 'grady', 'megan'].map((u) => ({ userPrincipalName: `${u}@contoso.com`, displayName: u, plan: plan() })), skipped: [], now: NOW, ttlHours: 24,
    ...overrides,
  };
}

function pending(): BatchRequest {
  const made = newBatch(input());
  if (made.kind !== 'created') throw new Error(made.refusal.message);
  return made.batch;
}

const approve = (b: BatchRequest, who: typeof PATTI, isApprover = true, at = ctx) => applyBatchDecision(b, { kind: 'approve', actor: who, isApprover }, at);

test('a new batch: pending, two approvals required, one member per plan, the blast radius summed, audited once', () => {
  const made = newBatch(input());
  if (made.kind !== 'created') throw new Error('refused');
  expect(made.batch).toMatchObject({ status: 'pending', version: 1, approvalsRequired: 2, memberCount: 3, blastRadius: { users: 3 } });
  expect(made.members.map((m) => [m.position, m.state, m.requestId])).toEqual([[0, 'pending', null], [1, 'pending', null], [2, 'pending', null]]);
  expect(countMembers(made.members)).toMatchObject({ total: 3, pending: 3, done: 0, failed: 0, manual: 0 });
  expect(made.audit.map((a) => a.action)).toEqual(['batch.created']);
});

test('refused without a justification, with no user, or when a plan removes a license and the removal is not acknowledged', () => {
  expect(newBatch(input({ reason: ' ' }))).toMatchObject({ kind: 'refused', refusal: { reason: 'justification-required' } });
  expect(newBatch(input({ plans: [] }))).toMatchObject({ kind: 'refused' });
  const losing = plan({ removedLicenses: plan().before });
  expect(newBatch(input({ plans: [{ userPrincipalName: 'a@contoso.com', displayName: 'a', plan: losing }] }))).toMatchObject({ kind: 'refused', refusal: { reason: 'removal-not-acknowledged' } });
});

test('one approval is not enough; the second distinct approver completes the quorum and the batch runs', () => {
  const first = approve(pending(), PATTI);
  if (first.kind !== 'changed') throw new Error('refused');
  expect(first).toMatchObject({ run: false, batch: { status: 'pending', version: 2 } });
  expect(batchRunRefusal(first.batch, ctx)).toMatch(/only an approved batch runs/);
  const second = approve(first.batch, MEGAN);
  if (second.kind !== 'changed') throw new Error('refused');
  expect(second).toMatchObject({ run: true, batch: { status: 'approved', version: 3, approval: { at: LATER, readOnly: false } } });
  expect(second.audit.map((a) => a.action)).toEqual(['approval.added', 'batch.approved']);
  expect(batchRunRefusal(second.batch, ctx)).toBeNull();
});

test('the requester cannot approve (even as an approver), one approver counts once, a non-approver is refused', () => {
  expect(approve(pending(), IDA)).toMatchObject({ kind: 'refused', refusal: { reason: 'self-approval' }, audit: [{ action: 'approval.refused' }] });
  const once = approve(pending(), PATTI);
  if (once.kind !== 'changed') throw new Error('refused');
  const samePersonOtherCase = { ...PATTI, userPrincipalName: 'Patti.Fernandez@Contoso.com' };
  expect(approve(once.batch, samePersonOtherCase)).toMatchObject({ kind: 'refused', refusal: { reason: 'duplicate-approval' } });
  expect(approve(once.batch, LEE, false)).toMatchObject({ kind: 'refused', refusal: { reason: 'not-approver' } });
});

test('a decision after expiry expires the batch; a decided batch names who decided', () => {
  const late = approve(pending(), PATTI, true, { ...ctx, now: AFTER_EXPIRY });
  expect(late).toMatchObject({ kind: 'refused', refusal: { reason: 'expired' }, batch: { status: 'expired' } });
  const rejected = applyBatchDecision(pending(), { kind: 'reject', actor: PATTI, isApprover: true, reason: 'Not during the freeze' }, ctx);
  if (rejected.kind !== 'changed') throw new Error('refused');
  expect(rejected.batch.status).toBe('rejected');
  expect(approve(rejected.batch, MEGAN)).toMatchObject({ kind: 'refused', refusal: { reason: 'already-decided', message: expect.stringMatching(/rejected by Patti Fernandez/) } });
});

test('an approval under READ_ONLY never runs, also after READ_ONLY is lifted', () => {
  const first = approve(pending(), PATTI, true, { ...ctx, readOnly: true });
  if (first.kind !== 'changed') throw new Error('refused');
  const second = approve(first.batch, MEGAN, true, { ...ctx, readOnly: true });
  if (second.kind !== 'changed') throw new Error('refused');
  expect(second.run).toBe(false);
  expect(batchRunRefusal(second.batch, ctx)).toMatch(/approved while READ_ONLY was on/);
});

test('the system cancels an open batch with its reason (audited), and leaves a decided one alone', () => {
  const waiting = pending();
  const cancelled = cancelBySystem(waiting, 'sandbox reset', LATER, 'host:1');
  expect(cancelled?.batch).toMatchObject({ status: 'cancelled', version: waiting.version + 1, updatedAt: LATER, outcome: 'Cancelled: sandbox reset.' });
  expect(cancelled?.audit).toEqual([expect.objectContaining({ action: 'batch.cancelled', actor: 'system', requestId: waiting.id, data: { reason: 'sandbox reset', status: 'pending' } })]);
  const running = { ...waiting, status: 'running' as const };
  expect(cancelBySystem(running, 'sandbox reset', LATER, null)?.batch.outcome).toBe('Cancelled: sandbox reset. Users already running finished their change; the others were not started.');
  for (const status of ['finished', 'rejected', 'expired', 'cancelled'] as const) expect(cancelBySystem({ ...waiting, status }, 'sandbox reset', LATER, null)).toBeNull();
});
