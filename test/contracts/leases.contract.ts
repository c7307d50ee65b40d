// The Leases contract (core/ports/leases.ts, part of ExecutionStore): one shape for a request's execution lease
// (`request:<id>`, whose fence also guards compare-and-set) and a target's (`target:<key>`).
import { randomUUID } from 'node:crypto';
import type { LeaseName } from '../../src/core/ports/leases.ts';
import type { ContractContext } from './store-contract.ts';
import { approver, decided, licenseRequest, spread } from './request-store-fixtures.ts';

const T0 = Date.parse('2026-05-07T12:00:00.000Z');
const TTL = 60_000;

/** Defines the lease tests on the shared context. */
export function leasesContract(ctx: ContractContext): void {
  const newRequest = async () => {
    const request = licenseRequest();
    await ctx.store.create(request);
    return request;
  };

  describe('request leases', () => {
    test('acquire, re-acquire by the holder, refusal while live, takeover once expired; every lease taken has a larger token', async () => {
      const { id } = await newRequest();
      const s = ctx.store;
      expect(await s.acquireLease(`request:${id}`, 'a', T0, TTL)).toBe(1);
      expect(await s.acquireLease(`request:${id}`, 'a', T0 + 1_000, TTL)).toBe(2);
      expect(await s.acquireLease(`request:${id}`, 'b', T0 + 2_000, TTL)).toBeNull();
      // a's lease now runs to T0 + 1s + TTL; at that instant it is still live, a millisecond later it has expired
      expect(await s.acquireLease(`request:${id}`, 'b', T0 + 1_000 + TTL, TTL)).toBeNull();
      expect(await s.acquireLease(`request:${id}`, 'b', T0 + 1_001 + TTL, TTL)).toBe(3);
      expect(await s.acquireLease(`request:${id}`, 'a', T0 + 2_000 + TTL, TTL)).toBeNull();
    });

    test('renew by the holder of the current token only; a lost lease cannot be renewed', async () => {
      const { id } = await newRequest();
      const s = ctx.store;
      expect(await s.renewLease(`request:${id}`, { owner: 'a', token: 0 }, T0, TTL)).toBe(false);
      const a = { owner: 'a', token: await s.acquireLease(`request:${id}`, 'a', T0, TTL) ?? -1 };
      expect(await s.renewLease(`request:${id}`, { owner: 'b', token: a.token }, T0 + 1_000, TTL)).toBe(false);
      expect(await s.renewLease(`request:${id}`, { owner: 'a', token: a.token - 1 }, T0 + 1_000, TTL)).toBe(false);
      expect(await s.renewLease(`request:${id}`, a, T0 + 50_000, TTL)).toBe(true);
      // renewed to T0 + 110s: b cannot take it at T0 + 100s
      expect(await s.acquireLease(`request:${id}`, 'b', T0 + 100_000, TTL)).toBeNull();
      expect(await s.acquireLease(`request:${id}`, 'b', T0 + 110_001, TTL)).toBe(a.token + 1);
      expect(await s.renewLease(`request:${id}`, a, T0 + 120_000, TTL)).toBe(false);
    });

    test('an expired lease nobody took is still renewable by its holder', async () => {
      const { id } = await newRequest();
      const a = { owner: 'a', token: await ctx.store.acquireLease(`request:${id}`, 'a', T0, TTL) ?? -1 };
      expect(await ctx.store.renewLease(`request:${id}`, a, T0 + 10 * TTL, TTL)).toBe(true);
    });

    test('release by the holder frees it; release by another or with an old token changes nothing', async () => {
      const { id } = await newRequest();
      const s = ctx.store;
      const token = await s.acquireLease(`request:${id}`, 'a', T0, TTL) ?? -1;
      await s.releaseLease(`request:${id}`, { owner: 'b', token });
      await s.releaseLease(`request:${id}`, { owner: 'a', token: token - 1 });
      expect(await s.acquireLease(`request:${id}`, 'b', T0 + 1_000, TTL)).toBeNull();
      await s.releaseLease(`request:${id}`, { owner: 'a', token });
      expect(await s.acquireLease(`request:${id}`, 'b', T0 + 1_000, TTL)).toBe(token + 1);
    });

    test('an unknown request has no lease to take', async () => {
      expect(await ctx.store.acquireLease('request:no-such-request', 'a', T0, TTL)).toBeNull();
    });

    test('a name of no known kind, an empty key, no owner or a bad ttl is refused before the database', async () => {
      const misuse = { name: 'LicenseDoctorError', code: 'store', details: { reason: 'invalid-argument' } };
      // A name outside LeaseName's type, as a caller that casts could pass one.
      await expect(ctx.store.acquireLease('scan:x' as LeaseName, 'a', T0, TTL)).rejects.toMatchObject(misuse);
      await expect(ctx.store.renewLease('target:', { owner: 'a', token: 1 }, T0, TTL)).rejects.toMatchObject(misuse);
      await expect(ctx.store.releaseLease('nothing' as LeaseName, { owner: 'a', token: 1 })).rejects.toMatchObject(misuse);
      await expect(ctx.store.acquireLease('target:user:x', '', T0, TTL)).rejects.toMatchObject(misuse);
      await expect(ctx.store.acquireLease('target:user:x', 'a', T0, 0)).rejects.toMatchObject(misuse);
    });

    test('leases and compare-and-set do not disturb each other', async () => {
      const request = await newRequest();
      const s = ctx.store;
      const token = await s.acquireLease(`request:${request.id}`, 'a', T0, TTL) ?? -1;
      expect(await s.get(request.id)).toStrictEqual(request);
      const next = decided(request, 'approve', approver(1), '2026-05-07T12:01:00.000Z');
      expect(await s.compareAndSet(1, next)).toBe(true);
      expect(await s.acquireLease(`request:${request.id}`, 'b', T0 + 1_000, TTL)).toBeNull();
      expect(await s.renewLease(`request:${request.id}`, { owner: 'a', token }, T0 + 1_000, TTL)).toBe(true);
    });

    test('a fenced compare-and-set succeeds only while that owner holds the lease with that token', async () => {
      const request = await newRequest();
      const s = ctx.store;
      const a = { owner: 'a', token: await s.acquireLease(`request:${request.id}`, 'a', T0, TTL) ?? -1 };
      const first = decided(request, 'approve', approver(1), '2026-05-07T12:01:00.000Z');
      expect(await s.compareAndSet(1, first, { fence: { owner: 'b', token: a.token } })).toBe(false);
      expect(await s.compareAndSet(1, first, { fence: { owner: 'a', token: a.token + 1 } })).toBe(false);
      expect(await s.compareAndSet(1, first, { fence: a })).toBe(true);
      // Taken over after expiry: the old holder's writes are refused, the new holder's go through.
      const b = { owner: 'b', token: await s.acquireLease(`request:${request.id}`, 'b', T0 + 2 * TTL, TTL) ?? -1 };
      const second = decided(first, 'approve', approver(2), '2026-05-07T12:02:00.000Z');
      expect(await s.compareAndSet(2, second, { fence: a })).toBe(false);
      expect(await s.get(request.id)).toStrictEqual(first);
      expect(await s.compareAndSet(2, second, { fence: b })).toBe(true);
      // Released: no fenced write passes.
      await s.releaseLease(`request:${request.id}`, b);
      expect(await s.compareAndSet(3, decided(second, 'reject', approver(3), '2026-05-07T12:03:00.000Z', 'no'), { fence: b })).toBe(false);
    });

    test('two instances contend for a free lease: exactly one gets it', async () => {
      const { id } = await newRequest();
      const a = ctx.instances[0];
      const b = ctx.instances.at(-1);
      if (a === undefined || b === undefined) throw new Error('an instance expected');
      const results = await Promise.all([a.acquireLease(`request:${id}`, 'a', T0, TTL), b.acquireLease(`request:${id}`, 'b', T0, TTL)]);
      expect(results.filter((t) => t !== null)).toHaveLength(1);
    });

    test('50 concurrent acquireLease from several instances: exactly one owner', async () => {
      const { id } = await newRequest();
      const results = await spread(ctx.instances, 50, (store, i) => store.acquireLease(`request:${id}`, `owner-${i}`, T0, TTL));
      expect(results.filter((t) => t !== null)).toEqual([1]);
      const winner = `owner-${results.findIndex((t) => t !== null)}`;
      expect(await ctx.store.renewLease(`request:${id}`, { owner: winner, token: 1 }, T0 + 1, TTL)).toBe(true);
      expect(await ctx.store.renewLease(`request:${id}`, { owner: winner === 'owner-0' ? 'owner-1' : 'owner-0', token: 1 }, T0 + 1, TTL)).toBe(false);
    });
  });

  describe('target leases', () => {
    test('acquire, refusal while live, takeover once expired, renew and release by the current holder only; tokens grow', async () => {
      const key = `user:${randomUUID()}`;
      const s = ctx.store;
      expect(await s.acquireLease(`target:${key}`, 'a', T0, TTL)).toBe(1);
      expect(await s.acquireLease(`target:${key}`, 'b', T0 + 1_000, TTL)).toBeNull();
      expect(await s.renewLease(`target:${key}`, { owner: 'a', token: 1 }, T0 + 30_000, TTL)).toBe(true);
      expect(await s.acquireLease(`target:${key}`, 'b', T0 + 90_000, TTL)).toBeNull();
      expect(await s.acquireLease(`target:${key}`, 'b', T0 + 90_001, TTL)).toBe(2);
      expect(await s.renewLease(`target:${key}`, { owner: 'a', token: 1 }, T0 + 90_002, TTL)).toBe(false);
      await s.releaseLease(`target:${key}`, { owner: 'a', token: 1 });
      expect(await s.acquireLease(`target:${key}`, 'c', T0 + 90_003, TTL)).toBeNull();
      await s.releaseLease(`target:${key}`, { owner: 'b', token: 2 });
      expect(await s.acquireLease(`target:${key}`, 'c', T0 + 90_004, TTL)).toBe(3);
      expect(await s.acquireLease(`target:user:${randomUUID()}`, 'b', T0, TTL)).toBe(1);
    });

    test('30 concurrent acquires of one free target from several instances: exactly one gets it', async () => {
      const key = `group:${randomUUID()}`;
      const results = await spread(ctx.instances, 30, (store, i) => store.acquireLease(`target:${key}`, `owner-${i}`, T0, TTL));
      expect(results.filter((t) => t !== null)).toEqual([1]);
    });
  });
}
