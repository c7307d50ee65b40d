// The Requests contract (core/ports/requests.ts): create, get, list and compare-and-set.
import type { ContractContext } from './store-contract.ts';
import { approver, decided, licenseRequest, spread } from './request-store-fixtures.ts';

/** Defines the request tests on the shared context. */
export function requestsContract(ctx: ContractContext): void {
  const { setup, open } = ctx;
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

    test('a compare-and-set appends its audit records in the same transaction, only when it succeeds', async () => {
      const request = licenseRequest();
      await ctx.store.create(request);
      const s = ctx.store;
      const record = { at: '2026-05-07T12:01:00.000Z', action: 'request.approved', actor: 'approver@contoso.com', actorDetail: {}, requestId: request.id, data: { n: 1 } };
      const next = decided(request, 'approve', approver(1), '2026-05-07T12:01:00.000Z');
      expect(await s.compareAndSet(1, next, { audit: [record, { ...record, action: 'request.notified' }] })).toBe(true);
      expect(await s.compareAndSet(1, next, { audit: [{ ...record, action: 'lost' }] })).toBe(false);
      expect((await s.audit({ requestId: request.id })).map((e) => e.action)).toEqual(['request.approved', 'request.notified']);
      expect(await s.verifyAudit()).toMatchObject({ kind: 'intact' });
    });
  });
}
