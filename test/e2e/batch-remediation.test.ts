// Issue 14 item 4: batch remediation on the sandbox. One request for the users of a licensing group from the latest
// scan, two approvals (one is not enough; the requester cannot approve), users run at once through the ordinary
// executor; one user's failure (a Graph fault) never stops the others, a user whose state changed since the scan is
// skipped as not applicable, the counts add up, the audit has one entry per user, and failed users are retried under
// the same approval or split into a new batch that needs its own approvals.
import { AGENT, CHRISTIE, DEBRA, PATTI } from '../support/request-flow.ts';
import { graph, settled } from '../support/sandbox-admin.ts';
import { E3_GROUP, startBatchHarness, type BatchHarness } from './batch-harness.ts';

const ADELE = 'adele.vance@contoso.com';
const GRADY = 'grady.archie@contoso.com';
const MEGAN = 'megan.bowen@contoso.com';
const MIRIAM = 'miriam.graham@contoso.com';

async function createAndApprove(h: BatchHarness) {
  const batch = await h.batches.create({
    from: { kind: 'scan' }, groupId: E3_GROUP, sku: 'SPE_E3', path: 'okta-owns-licenses', groupLevel: false, requester: AGENT,
    reason: 'Group licensing turned on for E3 staff', acknowledgeRemoval: false,
  });
  await expect(h.batches.decide({ batchId: batch.id, decision: 'approve', actor: AGENT })).rejects.toMatchObject({ code: 'policy', details: { reason: 'self-approval' } });
  const first = await h.batches.decide({ batchId: batch.id, decision: 'approve', actor: PATTI });
  expect(first).toMatchObject({ shouldRun: false, batch: { status: 'pending' } });
  await expect(h.batches.decide({ batchId: batch.id, decision: 'approve', actor: DEBRA })).rejects.toMatchObject({ details: { reason: 'not-approver' } });
  await expect(h.batches.decide({ batchId: batch.id, decision: 'approve', actor: PATTI })).rejects.toMatchObject({ details: { reason: 'duplicate-approval' } });
  expect((await h.batches.state(batch.id))?.counts).toMatchObject({ total: 4, pending: 4, done: 0 });
  const second = await h.batches.decide({ batchId: batch.id, decision: 'approve', actor: CHRISTIE });
  expect(second).toMatchObject({ shouldRun: true, batch: { status: 'approved' } });
  return batch;
}

const userStates = async (h: BatchHarness, id: string) => Object.fromEntries(((await h.batches.state(id))?.members ?? []).map((m) => [m.userPrincipalName, m.state]));

test('partial failure and retry: a Graph fault fails one user, a changed user is skipped, the others finish; retry under the same approval finishes the failed one', async () => {
  const h = await startBatchHarness();
  try {
    const batch = await createAndApprove(h);
    expect(batch.skipped.map((s) => s.userPrincipalName)).toEqual(['henrietta.mueller@contoso.com']);
    // Between the scan and the run an administrator removes Grady from the group himself; Adele's removal fails at Graph.
    const gradyId = await h.userId(GRADY);
    await graph(h.rt.sandbox, 'DELETE', `/groups/${E3_GROUP}/members/${gradyId}/$ref`);
    await settled(h.rt.sandbox);
    h.rt.sandbox.graph.faults.add({ kind: 'server-error', method: 'DELETE', path: `/members/${await h.userId(ADELE)}` });

    const ran = await h.batches.run(batch.id);
    await h.rt.sandbox.okta.idle();
    expect(ran.status).toBe('finished');
    const state = await h.batches.state(batch.id);
    expect(state?.counts).toMatchObject({ total: 4, done: 1, manual: 1, failed: 1, pending: 0, notApplicable: 1 });
    expect(await userStates(h, batch.id)).toEqual({ [ADELE]: 'failed', [GRADY]: 'not-applicable', [MEGAN]: 'done', [MIRIAM]: 'manual' });
    // Each user's change is an ordinary request carrying the batch's two approvals.
    const adele = state?.members.find((m) => m.userPrincipalName === ADELE);
    const request = await h.rt.services.get(adele?.requestId ?? '');
    expect(request).toMatchObject({ status: 'failed', approvalsRequired: 1, decisions: [{ kind: 'approve' }, { kind: 'approve' }] });
    // One audit entry per user for this run, and the chain verifies.
    const perUser = (await h.rt.store.audit({ requestId: batch.id })).filter((e) => e.action === 'batch.user-finished');
    expect(perUser.map((e) => e.data['user']).sort()).toEqual([ADELE, GRADY, MEGAN, MIRIAM]);

    await expect(h.batches.retry({ batchId: batch.id, actor: DEBRA })).rejects.toMatchObject({ code: 'policy', details: { reason: 'not-allowed' } });
    h.rt.sandbox.graph.faults.clear();
    const retried = await h.batches.retry({ batchId: batch.id, actor: AGENT });
    await h.rt.sandbox.okta.idle();
    expect(retried.status).toBe('finished');
    expect(await userStates(h, batch.id)).toEqual({ [ADELE]: 'done', [GRADY]: 'not-applicable', [MEGAN]: 'done', [MIRIAM]: 'manual' });
    // The retry continued Adele's own request (same id, same approval) from its failed step.
    expect((await h.batches.state(batch.id))?.members.find((m) => m.userPrincipalName === ADELE)?.requestId).toBe(adele?.requestId);
    expect((await h.rt.services.get(adele?.requestId ?? ''))?.status).toBe('succeeded');
    const actions = (await h.rt.store.audit({ requestId: batch.id })).map((e) => e.action);
    expect(actions.filter((a) => a === 'batch.user-finished')).toHaveLength(5);
    expect(actions).toEqual(expect.arrayContaining(['batch.created', 'batch.approved', 'batch.started', 'batch.retry-refused', 'batch.user-retried', 'batch.retried', 'batch.finished']));
    expect(await h.rt.store.verifyAudit()).toMatchObject({ kind: 'intact' });
  } finally {
    await h.close();
  }
}, 60_000);

test('split: the failed users become a new batch that needs two approvals of its own; the old batch shows where they went', async () => {
  const h = await startBatchHarness({ concurrency: 2 });
  try {
    const batch = await createAndApprove(h);
    for (const upn of [ADELE, MEGAN]) h.rt.sandbox.graph.faults.add({ kind: 'server-error', method: 'DELETE', path: `/members/${await h.userId(upn)}` });
    await h.batches.run(batch.id);
    expect((await h.batches.state(batch.id))?.counts).toMatchObject({ done: 1, failed: 2, manual: 1 });
    h.rt.sandbox.graph.faults.clear();

    const split = await h.batches.split({ batchId: batch.id, actor: AGENT });
    expect(split).toMatchObject({ status: 'pending', memberCount: 2, approvalsRequired: 2, source: { kind: 'split', batchId: batch.id } });
    expect(await userStates(h, batch.id)).toMatchObject({ [ADELE]: 'split', [MEGAN]: 'split' });
    expect(await userStates(h, split.id)).toEqual({ [ADELE]: 'pending', [MEGAN]: 'pending' });
    await expect(h.batches.run(split.id)).rejects.toMatchObject({ code: 'policy' });
    await expect(h.batches.split({ batchId: batch.id, actor: AGENT })).rejects.toMatchObject({ details: { reason: 'invalid-transition' } });

    expect((await h.batches.decide({ batchId: split.id, decision: 'approve', actor: PATTI })).shouldRun).toBe(false);
    expect((await h.batches.decide({ batchId: split.id, decision: 'approve', actor: CHRISTIE })).shouldRun).toBe(true);
    expect(await h.batches.run(split.id)).toMatchObject({ status: 'finished' });
    await h.rt.sandbox.okta.idle();
    const after = await h.batches.state(split.id);
    expect(after?.members.filter((m) => m.state !== 'done').map((m) => m.detail)).toEqual([]);
    expect(after?.counts).toMatchObject({ total: 2, done: 2, failed: 0 });
    expect(await h.rt.store.verifyAudit()).toMatchObject({ kind: 'intact' });
  } finally {
    await h.close();
  }
}, 60_000);
