// Two batch runners on one store (two instances resuming one batch), on SQLite and PostgreSQL. A user's claim reserves
// their request id in the same compare-and-set, so the runner that resumes knows which request is the user's: one
// paused between its claim and creating the request is left alone while its claim is fresh and taken over (the same id)
// once it is stale, and the paused one then finds the request made; one that stopped right after creating the request
// has it run by the other. Each user gets one request and exactly one outcome audit entry. The pause is a gate on the
// first runner's `requests.create`, so no timing decides the order.
import { openStoreEngine } from '../../../src/adapters/store/create-request-store.ts';
import { KyselyBatchStore } from '../../../src/adapters/store/kysely-batch-store.ts';
import { createScanStore } from '../../../src/adapters/store/kysely-scan-store.ts';
import type { BatchDeps } from '../../../src/app/batch/batch-deps.ts';
import { runBatch } from '../../../src/app/batch/run-batch.ts';
import type { ServiceDeps } from '../../../src/app/service-deps.ts';
import type { LicenseRequest } from '../../../src/core/model/request.ts';
import { E3_GROUP, startBatchHarness, type BatchHarness } from '../../e2e/batch-harness.ts';
import { sharedStores } from '../../support/shared-stores.ts';
import { AGENT, CHRISTIE, PATTI } from '../../support/request-flow.ts';
import type { TestRuntimeOptions } from '../../support/test-runtime.ts';

jest.setTimeout(120_000);

/** A gate on the first `requests.create`: `reached` resolves with the request; `store` says whether it is stored first. */
function gatedCreate(deps: ServiceDeps, store: boolean) {
  let reach!: (request: LicenseRequest) => void;
  let release!: (err?: Error) => void;
  const reached = new Promise<LicenseRequest>((resolve) => (reach = resolve));
  const opened = new Promise<void>((resolve, reject) => (release = (err) => (err ? reject(err) : resolve())));
  let gated = false;
  const requests: ServiceDeps['requests'] = {
    get: (id) => deps.requests.get(id),
    list: (f) => deps.requests.list(f),
    compareAndSet: (v, next, o) => deps.requests.compareAndSet(v, next, o),
    create: async (request, options) => {
      if (gated) return deps.requests.create(request, options);
      gated = true;
      if (store) await deps.requests.create(request, options);
      reach(request);
      await opened;
      if (!store) await deps.requests.create(request, options);
    },
  };
  return { requests, reached, release };
}

/** A runner of its own (store connection, clock, requests port) beside the harness's service. */
async function runner(h: BatchHarness, options: TestRuntimeOptions, service: Partial<ServiceDeps>) {
  const engine = await openStoreEngine(options.databaseUrl ?? '', options.databaseSchema);
  const base = h.rt.services.deps;
  const deps: BatchDeps = {
    service: { ...base, ...(base.executionDiagnose ? { diagnose: base.executionDiagnose } : {}), ...service },
    batches: new KyselyBatchStore(engine, { auditKey: h.rt.config.audit.key }), scans: await createScanStore(engine), concurrency: 1,
  };
  return { deps, close: () => engine.close() };
}

async function approvedBatch(h: BatchHarness): Promise<string> {
  const batch = await h.batches.create({
    from: { kind: 'scan' }, groupId: E3_GROUP, sku: 'SPE_E3', path: 'okta-owns-licenses', groupLevel: false, requester: AGENT, reason: 'Two runners', acknowledgeRemoval: false,
  });
  await h.batches.decide({ batchId: batch.id, decision: 'approve', actor: PATTI });
  expect((await h.batches.decide({ batchId: batch.id, decision: 'approve', actor: CHRISTIE })).shouldRun).toBe(true);
  return batch.id;
}

/** Every user has one request (the one on their row), one outcome entry, and the batch finished with nothing waiting. */
async function expectOneOutcomeEach(h: BatchHarness, batchId: string): Promise<void> {
  const state = await h.batches.state(batchId);
  expect(state?.batch.status).toBe('finished');
  expect(state?.counts).toMatchObject({ pending: 0, running: 0, failed: 0, done: 3, manual: 1 });
  const finished = (await h.rt.store.audit({ requestId: batchId })).filter((e) => e.action === 'batch.user-finished');
  expect(finished.map((e) => e.data['user']).sort()).toEqual(state?.members.map((m) => m.userPrincipalName).sort());
  const requests = await h.rt.store.list();
  for (const m of state?.members ?? []) {
    expect(requests.filter((r) => r.target.userPrincipalName === m.userPrincipalName).map((r) => r.id)).toEqual([m.requestId]);
  }
}

describe.each(sharedStores('batch_claim_paused'))('%s', (_engine, options) => {
  test('a runner paused between claiming a user and creating their request: left to it while fresh, taken over with the same id once stale', async () => {
    const h = await startBatchHarness(options);
    const base = h.rt.services.deps;
    const gate = gatedCreate(base, false);
    const first = await runner(h, options, { requests: gate.requests });
    const fresh = await runner(h, options, {});
    try {
      const batchId = await approvedBatch(h);
      const running = runBatch(first.deps, batchId);
      const paused = await gate.reached;
      const row = async () => (await h.batches.state(batchId))?.members.find((m) => m.userPrincipalName === paused.target.userPrincipalName);
      // Claimed, with the id the paused runner is about to create.
      expect(await row()).toMatchObject({ state: 'running', requestId: paused.id });

      // Another instance resumes while the claim is fresh: the others are run, the paused user is left to its owner.
      expect((await runBatch(fresh.deps, batchId)).status).toBe('running');
      expect(await row()).toMatchObject({ state: 'running', requestId: paused.id });
      expect(await h.rt.store.get(paused.id)).toBeNull();

      // A lease later the claim is stale (its time moved back by a lease here, through the store): the resuming
      // instance creates the user's request itself, with that id.
      const claimed = await row();
      if (!claimed) throw new Error('no such user');
      const leaseAgo = new Date(base.clock.now() - base.execution.leaseMs - 1_000).toISOString();
      expect(await fresh.deps.batches.updateMember({ ...claimed, updatedAt: leaseAgo }, 'running')).toBe(true);
      expect((await runBatch(fresh.deps, batchId)).status).toBe('finished');
      expect(await row()).toMatchObject({ requestId: paused.id });
      expect(['done', 'manual']).toContain((await row())?.state);

      // The paused runner goes on: its create finds the request made and the user already settled.
      gate.release();
      await running;
      await h.rt.sandbox.okta.idle();
      await expectOneOutcomeEach(h, batchId);
    } finally {
      gate.release();
      for (const r of [first, fresh]) await r.close();
      await h.close();
    }
  });
});

describe.each(sharedStores('batch_claim_crashed'))('%s', (_engine, options) => {
  test('a runner that stopped right after creating a user\'s request: the other runs that request as the user\'s', async () => {
    const h = await startBatchHarness(options);
    const base = h.rt.services.deps;
    const gate = gatedCreate(base, true);
    const first = await runner(h, options, { requests: gate.requests });
    const other = await runner(h, options, {});
    try {
      const batchId = await approvedBatch(h);
      const running = runBatch(first.deps, batchId);
      const made = await gate.reached;
      expect((await h.rt.store.get(made.id))?.status).toBe('approved');

      // The claim is fresh, but the reserved request exists: it is the user's, run here.
      expect((await runBatch(other.deps, batchId)).status).toBe('finished');
      expect(['succeeded', 'needs-manual-steps']).toContain((await h.rt.store.get(made.id))?.status);

      // The stopped runner never comes back; its promise fails and records nothing more.
      gate.release(new Error('the first instance is gone'));
      await running;
      await h.rt.sandbox.okta.idle();
      await expectOneOutcomeEach(h, batchId);
    } finally {
      gate.release();
      for (const r of [first, other]) await r.close();
      await h.close();
    }
  });
});
