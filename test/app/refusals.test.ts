// What the application refuses, through the services every surface calls: self-approval, a non-approver, an expired
// request and READ_ONLY. Each refusal says why in words a person can act on, and leaves an audit entry.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices } from '../../src/app/services.ts';
import { utcTime } from '../../src/core/approval/utc-time.ts';
import { isLicenseDoctorError } from '../../src/core/errors.ts';
import type { AuditEntry } from '../../src/core/model/journal.ts';
import type { Clock } from '../../src/core/ports/clock.ts';
import { AGENT, CHRISTIE, DEBRA, PATTI, as, ask, approve } from '../support/request-flow.ts';
import { startLiveRuntime, startSandboxRuntime, type SandboxRuntime } from '../support/test-runtime.ts';
import { clearCalls, sandboxWrites } from '../support/vendor-writes.ts';

const dir = mkdtempSync(join(tmpdir(), 'ld-refusals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let rt: SandboxRuntime;
beforeAll(async () => {
  rt = await startSandboxRuntime({ databaseUrl: `sqlite:${join(dir, 'store.sqlite')}` });
});
afterAll(async () => {
  await rt.close();
});

/** The policy error a call was refused with. */
async function refusal(call: Promise<unknown>): Promise<{ message: string; reason: unknown }> {
  const err: unknown = await call.then(() => null, (e: unknown) => e);
  if (!isLicenseDoctorError(err, 'policy')) throw new Error(`expected a policy refusal, got ${String(err)}`);
  return { message: err.message, reason: err.details.reason };
}

const lastAudit = async (requestId: string): Promise<AuditEntry | undefined> => (await rt.store.audit({ requestId })).at(-1);

test('the requester cannot approve their own request, even as a member of the approvers group', async () => {
  const request = await ask(rt.services, { query: 'adele.vance@contoso.com', path: 'okta-owns-licenses' });
  expect(await refusal(rt.services.decide({ requestId: request.id, decision: 'approve', actor: AGENT }))).toEqual({
    reason: 'self-approval', message: 'You asked for this change, so someone else must approve it.',
  });
  expect(await lastAudit(request.id)).toMatchObject({
    action: 'approval.refused', actor: 'allan.deyoung@contoso.com',
    data: { reason: 'self-approval', message: 'You asked for this change, so someone else must approve it.', status: 'pending' },
  });

  const byApprover = await rt.services.createRequest({
    query: 'megan.bowen@contoso.com', path: 'okta-owns-licenses', options: request.plan.options, requester: PATTI, reason: 'Fixing it myself', acknowledgeRemoval: true,
  });
  expect(await refusal(rt.services.decide({ requestId: byApprover.id, decision: 'approve', actor: as('Patti.Fernandez@contoso.com', 'slack') }))).toMatchObject({ reason: 'self-approval' });
  expect(await lastAudit(byApprover.id)).toMatchObject({ action: 'approval.refused', actor: 'patti.fernandez@contoso.com', data: { reason: 'self-approval' } });
  expect((await rt.services.get(byApprover.id))?.status).toBe('pending');
  // One open request per user and path: the next test asks for Megan again.
  await rt.services.decide({ requestId: byApprover.id, decision: 'cancel', actor: PATTI });
});

test('someone outside the approvers group cannot approve', async () => {
  const request = await ask(rt.services, { query: 'megan.bowen@contoso.com', path: 'okta-owns-licenses' });
  expect(await refusal(rt.services.decide({ requestId: request.id, decision: 'approve', actor: DEBRA }))).toEqual({
    reason: 'not-approver', message: 'Only members of the approvers group can approve (you are not).',
  });
  expect(await lastAudit(request.id)).toMatchObject({ action: 'approval.refused', actor: 'debra.berger@contoso.com', data: { reason: 'not-approver' } });
  expect(await rt.services.get(request.id)).toMatchObject({ status: 'pending', decisions: [] });
  // Christie is an approver through a nested group: her approval counts.
  expect(await rt.services.decide({ requestId: request.id, decision: 'approve', actor: CHRISTIE })).toMatchObject({ shouldExecute: true });
  expect(await rt.services.execute(request.id)).toMatchObject({ status: 'succeeded' });
  await rt.sandbox.okta.idle();
});

test('someone who is not a user of the tenant (a forged or foreign identity) is refused, and audited', async () => {
  const request = await ask(rt.services, { query: 'lynne.robbins@contoso.com', path: 'okta-owns-licenses' });
  const stranger = { upnOrId: 'mallory@evil.example', surface: 'slack' as const, surfaceUserId: 'U0MALLORY' };
  const refused = await refusal(rt.services.decide({ requestId: request.id, decision: 'approve', actor: stranger }));
  expect(refused.message).toBe('mallory@evil.example is not a user of this Entra ID tenant, so License Doctor cannot check what they may do.');
  expect(await lastAudit(request.id)).toMatchObject({
    action: 'approval.refused', actor: 'mallory@evil.example', data: { reason: 'unknown-person', surface: 'slack', surfaceUserId: 'U0MALLORY' },
  });
  expect(await rt.services.get(request.id)).toMatchObject({ status: 'pending', decisions: [] });
});

test('a request past its expiry cannot be approved; it expires, and the sweep expires the others', async () => {
  let now = Date.now();
  const clock: Clock = { now: () => now };
  const services = createServices({ ...rt.services.deps, clock });
  const request = await ask(services, { query: 'grady.archie@contoso.com', path: 'okta-owns-licenses' });
  const other = await ask(services, { query: 'adele.vance@contoso.com', path: 'entra-owns-licenses' });
  now = Date.parse(request.expiresAt) + 60_000;
  const at = new Date(now).toISOString();

  const message = `This request expired at ${utcTime(request.expiresAt, at)}; ask for a new one.`;
  expect(await refusal(services.decide({ requestId: request.id, decision: 'approve', actor: PATTI }))).toEqual({ reason: 'expired', message });
  expect(await rt.services.get(request.id)).toMatchObject({ status: 'expired', decisions: [] });
  expect((await rt.store.audit({ requestId: request.id })).slice(-2)).toMatchObject([
    { action: 'request.expired', actor: 'system', data: { approvals: 0, approvalsRequired: 1 } },
    { action: 'approval.refused', actor: 'patti.fernandez@contoso.com', data: { reason: 'expired', message } },
  ]);
  // Later clicks get the same answer.
  expect(await refusal(services.decide({ requestId: request.id, decision: 'approve', actor: CHRISTIE }))).toEqual({ reason: 'expired', message });

  expect((await services.maintenance()).expired).toContain(other.id);
  expect(await lastAudit(other.id)).toMatchObject({ action: 'request.expired', actor: 'system' });
});

describe('READ_ONLY', () => {
  let readOnly: Awaited<ReturnType<typeof startLiveRuntime>>;
  beforeAll(async () => {
    // Another instance on the same tenant and store, started with READ_ONLY=true.
    readOnly = await startLiveRuntime(rt.sandbox, { databaseUrl: `sqlite:${join(dir, 'store.sqlite')}`, env: { READ_ONLY: 'true' } });
  });
  afterAll(async () => {
    await readOnly.close();
  });

  test('an approval is recorded, nothing runs, and the approver is told why', async () => {
    const request = await ask(readOnly.services, { query: 'diego.siciliani@contoso.com', path: 'entra-owns-licenses' });
    await readOnly.services.decide({ requestId: request.id, decision: 'approve', actor: PATTI });
    clearCalls(rt.sandbox);
    const decided = await readOnly.services.decide({ requestId: request.id, decision: 'approve', actor: CHRISTIE });
    expect(decided).toMatchObject({ shouldExecute: false, request: { status: 'approved' } });
    expect(decided.notices).toEqual([
      'Approved by Patti Fernandez and Christie Cline, but READ_ONLY is on: nothing runs while it is on, and this approval will not run after it is lifted either (ask again then).',
      'Approved by Patti Fernandez and Christie Cline, but READ_ONLY is on: the change was not started, and this approval never will start it.',
    ]);
    expect(await lastAudit(request.id)).toMatchObject({ action: 'request.approved', data: { approvedBy: ['patti.fernandez@contoso.com', 'christie.cline@contoso.com'], readOnly: true } });

    // Nothing runs it: not a direct call, not the maintenance pass.
    expect(await readOnly.services.execute(request.id)).toMatchObject({ status: 'approved' });
    expect(await lastAudit(request.id)).toMatchObject({
      action: 'execution.refused', actor: 'system',
      data: { reason: 'read-only', message: 'READ_ONLY is on: License Doctor changes nothing while it is on (plans can still be previewed).' },
    });
    expect((await readOnly.services.maintenance()).executed).toEqual([]);
    expect(sandboxWrites(rt.sandbox)).toEqual([]);
    expect(await rt.store.journal(request.id)).toEqual([]);
  });

  test('a re-check is refused, with an audit entry, and changes nothing', async () => {
    const request = await ask(rt.services, { query: 'lynne.robbins@contoso.com', path: 'okta-owns-licenses' });
    await approve(rt.services, request);
    expect(await rt.services.execute(request.id)).toMatchObject({ status: 'needs-manual-steps' });
    await rt.sandbox.okta.idle();
    clearCalls(rt.sandbox);

    expect(await refusal(readOnly.services.recheck(request.id))).toEqual({
      reason: 'read-only', message: 'READ_ONLY is on: License Doctor changes nothing while it is on (plans can still be previewed).',
    });
    expect(await lastAudit(request.id)).toMatchObject({ action: 'resume.refused', actor: 'system', data: { reason: 'read-only', status: 'needs-manual-steps' } });
    expect(await rt.services.get(request.id)).toMatchObject({ status: 'needs-manual-steps' });
    expect(sandboxWrites(rt.sandbox)).toEqual([]);
  });
});

test('every refusal above is in one intact audit chain', async () => {
  expect(await rt.store.verifyAudit()).toMatchObject({ kind: 'intact' });
});
