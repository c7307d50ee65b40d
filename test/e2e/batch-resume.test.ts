// Batch maintenance: a batch approved without running (the CLI's --no-execute, or an instance that stopped) is started
// by the next pass on any instance, a batch this process runs is left alone, and a finished batch is not run again.
import { AGENT, CHRISTIE, PATTI } from '../support/request-flow.ts';
import { E3_GROUP, startBatchHarness } from './batch-harness.ts';

test('resume starts an approved batch nobody runs, once; a finished batch is left alone', async () => {
  const h = await startBatchHarness();
  try {
    const batch = await h.batches.create({
      from: { kind: 'scan' }, groupId: E3_GROUP, sku: null, path: 'okta-owns-licenses', groupLevel: false, requester: AGENT, reason: 'Approved elsewhere', acknowledgeRemoval: false,
    });
    expect(await h.batches.resume()).toEqual([]);
    await h.batches.decide({ batchId: batch.id, decision: 'approve', actor: PATTI });
    expect((await h.batches.decide({ batchId: batch.id, decision: 'approve', actor: CHRISTIE })).shouldRun).toBe(true);
    // Nobody ran it here: the maintenance pass does, and a second pass while it runs adds nothing.
    expect(await h.batches.resume()).toEqual([batch.id]);
    expect(await h.batches.resume()).toEqual([]);
    await h.batches.idle();
    await h.rt.sandbox.okta.idle();
    expect((await h.batches.state(batch.id))?.batch.status).toBe('finished');
    expect((await h.batches.state(batch.id))?.counts).toMatchObject({ done: 3, manual: 1, pending: 0 });
    expect(await h.batches.resume()).toEqual([]);
    const starts = (await h.rt.store.audit({ requestId: batch.id })).filter((e) => e.action === 'batch.started');
    expect(starts).toHaveLength(1);
  } finally {
    await h.close();
  }
}, 60_000);
