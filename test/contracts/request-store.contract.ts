// The RequestStore contract: every implementation (SQLite file, SQLite in memory, PostgreSQL) passes these tests.
// A test file supplies a StoreContractSetup and calls requestStoreContract(setup) at the top level.
import { STORE_MIGRATIONS } from '../../src/adapters/store/store-migrations.ts';
import type { RequestStore } from '../../src/core/ports/request-store.ts';
import { conversationRefsContract } from './conversation-refs.contract.ts';
import { auditContract } from './request-store-audit.contract.ts';
import { auditStateContract } from './request-store-audit-state.contract.ts';
import { approver, decided, licenseRequest, spread } from './request-store-fixtures.ts';
import { leaseJournalContract } from './request-store-leases.contract.ts';
import { targetContract } from './request-store-targets.contract.ts';

/** One database, as the contract sees it. */
export interface StoreTarget {
  /** A new store instance on this database, with its own connection or pool; not migrated. */
  open(options?: { readonly auditKey?: string }): Promise<RequestStore>;
  /** Runs SQL on this database behind the stores' back (inspection, tampering); the rows of a query. */
  sql(statement: string): Promise<Array<Record<string, unknown>>>;
}

/** What a test file provides. */
export interface StoreContractSetup {
  /** Whether several instances can share one database (false for SQLite in memory). */
  readonly multiInstance: boolean;
  /** A new, empty database. */
  newTarget(): Promise<StoreTarget>;
  /** Closes and drops everything newTarget made. */
  cleanup(): Promise<void>;
}

/** Shared by the contract's parts; filled in beforeAll. */
export interface ContractContext {
  target: StoreTarget;
  /** The first instance (migrated). */
  store: RequestStore;
  /** Every instance on `target` (just `store` when multiInstance is false). */
  instances: RequestStore[];
  readonly multiInstance: boolean;
}

/** Defines the whole RequestStore contract suite. */
export function requestStoreContract(setup: StoreContractSetup): void {
  const ctx = { multiInstance: setup.multiInstance } as ContractContext;
  const opened: RequestStore[] = [];
  const open = async (target: StoreTarget) => {
    const store = await target.open();
    opened.push(store);
    return store;
  };

  beforeAll(async () => {
    ctx.target = await setup.newTarget();
    ctx.store = await open(ctx.target);
    await ctx.store.migrate();
    ctx.instances = setup.multiInstance ? [ctx.store, await open(ctx.target), await open(ctx.target)] : [ctx.store];
  });

  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    await setup.cleanup();
  });

  describe('migrate', () => {
    test('is idempotent, and the store works afterwards', async () => {
      const target = await setup.newTarget();
      const store = await open(target);
      await store.migrate();
      await store.migrate();
      const request = licenseRequest();
      await store.create(request);
      expect(await store.get(request.id)).toStrictEqual(request);
      expect(await store.ping()).toBe(true);
    });

    // Only engines whose database several instances can share (not SQLite :memory:) define this test.
    if (setup.multiInstance) test('runs safely from two instances starting at once', async () => {
      const target = await setup.newTarget();
      const [a, b] = await Promise.all([open(target), open(target)]);
      if (a === undefined || b === undefined) throw new Error('two instances expected');
      await Promise.all([a.migrate(), b.migrate()]);
      const [ra, rb] = [licenseRequest(), licenseRequest()];
      await Promise.all([a.create(ra), b.create(rb)]);
      expect(await a.get(rb.id)).toStrictEqual(rb);
      expect(await b.get(ra.id)).toStrictEqual(ra);
      const [{ n } = { n: 0 }] = await target.sql('SELECT count(*) AS n FROM license_doctor_migration');
      expect(Number(n)).toBe(Object.keys(STORE_MIGRATIONS).length);
    });
  });

  describe('requests', () => {
    test('a realistic request (diagnosis, plan, unicode) round-trips exactly', async () => {
      const request = licenseRequest();
      await ctx.store.create(request);
      const stored = await ctx.store.get(request.id);
      expect(stored).toStrictEqual(request);
      expect(JSON.stringify(stored)).toBe(JSON.stringify(request));
    });

    test('get answers null for an unknown id', async () => {
      expect(await ctx.store.get('no-such-request')).toBeNull();
    });

    test('create refuses an id that exists (conflict) and a version other than 1', async () => {
      const request = licenseRequest();
      await ctx.store.create(request);
      const again = ctx.store.create({ ...request, reason: 'second' });
      await expect(again).rejects.toThrow(/already exists/);
      await expect(ctx.store.create(licenseRequest({ id: request.id }))).rejects.toMatchObject({ name: 'LicenseDoctorError', code: 'conflict' });
      await expect(ctx.store.create(licenseRequest({ version: 2 }))).rejects.toThrow(/version 1/);
      expect(await ctx.store.get(request.id)).toStrictEqual(request);
    });

    test('list: newest first, filtered by status, limited', async () => {
      const target = await setup.newTarget();
      const store = await open(target);
      await store.migrate();
      const at = (day: number) => `2026-06-0${day}T09:00:00.000Z`;
      const requests = [
        licenseRequest({ createdAt: at(1), status: 'pending' }),
        licenseRequest({ createdAt: at(3), status: 'rejected' }),
        licenseRequest({ createdAt: at(2), status: 'pending' }),
        licenseRequest({ createdAt: at(4), status: 'succeeded' }),
      ];
      for (const r of requests) await store.create(r);
      const ids = (rs: readonly { id: string }[]) => rs.map((r) => r.id);
      const [d1, d3, d2, d4] = ids(requests);
      expect(ids(await store.list())).toEqual([d4, d3, d2, d1]);
      expect(ids(await store.list({ statuses: ['pending'] }))).toEqual([d2, d1]);
      expect(ids(await store.list({ statuses: ['rejected', 'succeeded'] }))).toEqual([d4, d3]);
      expect(ids(await store.list({ limit: 2 }))).toEqual([d4, d3]);
      expect(ids(await store.list({ statuses: ['pending'], limit: 1 }))).toEqual([d2]);
      expect(await store.list({ statuses: [] })).toEqual([]);
      expect(await store.list({ statuses: ['expired'] })).toEqual([]);
      expect((await store.list({ limit: 1 }))[0]).toStrictEqual(requests[3]);
    });
  });

  describe('compareAndSet', () => {
    test('replaces the request when the version matches, and records the decision', async () => {
      const request = licenseRequest();
      await ctx.store.create(request);
      const approved = decided(request, 'approve', approver(1), '2026-05-07T12:30:00.000Z', 'looks right');
      expect(await ctx.store.compareAndSet(1, approved)).toBe(true);
      expect(await ctx.store.get(request.id)).toStrictEqual(approved);
      expect(await ctx.store.list({ statuses: ['approved'] })).toContainEqual(approved);
      const rows = await ctx.target.sql(`SELECT position, kind, by_upn, at, reason FROM decisions WHERE request_id = '${request.id}'`);
      expect(rows.map((r) => ({ ...r, position: Number(r['position']) }))).toEqual([{ position: 0, kind: 'approve', by_upn: 'approver1@contoso.com', at: '2026-05-07T12:30:00.000Z', reason: 'looks right' }]);
    });

    test('answers false for a stale version and changes nothing', async () => {
      const request = licenseRequest();
      await ctx.store.create(request);
      const first = decided(request, 'approve', approver(1), '2026-05-07T12:30:00.000Z');
      expect(await ctx.store.compareAndSet(1, first)).toBe(true);
      expect(await ctx.store.compareAndSet(1, decided(request, 'reject', approver(2), '2026-05-07T12:31:00.000Z'))).toBe(false);
      expect(await ctx.store.get(request.id)).toStrictEqual(first);
      const second = decided(first, 'cancel', approver(99, 'cli'), '2026-05-07T12:32:00.000Z');
      expect(await ctx.store.compareAndSet(2, second)).toBe(true);
      const rows = await ctx.target.sql(`SELECT kind FROM decisions WHERE request_id = '${request.id}' ORDER BY position`);
      expect(rows).toEqual([{ kind: 'approve' }, { kind: 'cancel' }]);
    });

    test('answers false for an unknown request', async () => {
      expect(await ctx.store.compareAndSet(1, licenseRequest({ version: 2 }))).toBe(false);
    });

    test('throws when next.version is not expectedVersion + 1', async () => {
      const request = licenseRequest();
      await ctx.store.create(request);
      await expect(ctx.store.compareAndSet(1, { ...request, version: 3 })).rejects.toThrow(/version must be 2/);
      await expect(ctx.store.compareAndSet(1, request)).rejects.toThrow(/version must be 2/);
      expect(await ctx.store.get(request.id)).toStrictEqual(request);
    });

    test('50 concurrent compare-and-sets of one version from several instances: exactly one wins', async () => {
      const request = licenseRequest();
      await ctx.store.create(request);
      const candidates = Array.from({ length: 50 }, (_, i) => decided(request, 'approve', approver(i), `2026-05-07T12:${String(i).padStart(2, '0')}:00.000Z`));
      const results = await spread(ctx.instances, 50, (store, i) => store.compareAndSet(1, candidates[i] as typeof request));
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = candidates[results.indexOf(true)];
      expect(await ctx.store.get(request.id)).toStrictEqual(winner);
      const rows = await ctx.target.sql(`SELECT by_upn FROM decisions WHERE request_id = '${request.id}'`);
      expect(rows).toEqual([{ by_upn: winner?.decisions[0]?.by.userPrincipalName }]);
    });
  });

  leaseJournalContract(ctx);
  conversationRefsContract(ctx);
  targetContract(ctx);
  auditContract(ctx);
  auditStateContract(setup);
}
