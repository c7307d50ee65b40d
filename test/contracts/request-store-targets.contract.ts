// RequestStore contract, part 4: one change at a time per target, across instances. At most one open request per
// target and path can be stored, and a target's lease is held by one execution at a time.
import { randomUUID } from 'node:crypto';
import type { LicenseRequest } from '../../src/core/model/request.ts';
import type { ContractContext } from './request-store.contract.ts';
import { licenseRequest, spread } from './request-store-fixtures.ts';

const T0 = Date.parse('2026-05-07T12:00:00.000Z');
const TTL = 60_000;

/** A pending request for the user with object id `userId`. */
function forUser(userId: string, overrides: Partial<LicenseRequest> = {}): LicenseRequest {
  const base = licenseRequest(overrides);
  return { ...base, target: { ...base.target, entraObjectId: userId } };
}

/** The next version of `request` with `status`. */
const moved = (request: LicenseRequest, status: LicenseRequest['status']): LicenseRequest => ({ ...request, status, version: request.version + 1 });

/** Defines the one-change-per-target tests on the shared context. */
export function targetContract(ctx: ContractContext): void {
  describe('one open request per target and path', () => {
    test('50 concurrent creates for one target and path from several instances: exactly one is stored, the others name it', async () => {
      const userId = randomUUID();
      const candidates = Array.from({ length: 50 }, () => forUser(userId));
      const results = await spread(ctx.instances, 50, (store, i) => store.create(candidates[i] as LicenseRequest).then(() => null, (err: unknown) => err));
      const won = results.flatMap((r, i) => (r === null ? [candidates[i] as LicenseRequest] : []));
      expect(won).toHaveLength(1);
      const winner = won[0] as LicenseRequest;
      for (const failure of results.filter((r) => r !== null)) {
        expect(failure).toMatchObject({ name: 'LicenseDoctorError', code: 'conflict', details: { reason: 'target-busy', requestId: winner.id } });
      }
      const stored = (await ctx.store.list({ statuses: ['pending'] })).filter((r) => r.target.entraObjectId === userId);
      expect(stored).toStrictEqual([winner]);
    });

    test('another path is another slot; a closed or failed request frees the target; a retried one does not take it back', async () => {
      const userId = randomUUID();
      const first = forUser(userId);
      await ctx.store.create(first);
      const otherPath = forUser(userId);
      await ctx.store.create({ ...otherPath, plan: { ...otherPath.plan, path: 'entra-owns-licenses' }, path: 'entra-owns-licenses' });
      await expect(ctx.store.create(forUser(userId))).rejects.toMatchObject({ code: 'conflict', details: { reason: 'target-busy', requestId: first.id } });
      const failed = moved(moved(first, 'approved'), 'failed');
      expect(await ctx.store.compareAndSet(1, moved(first, 'approved'))).toBe(true);
      expect(await ctx.store.compareAndSet(2, failed)).toBe(true);
      const second = forUser(userId);
      await ctx.store.create(second);
      // The failed request retried (failed → approved) while the second is open: allowed, its executions wait on the target lease.
      expect(await ctx.store.compareAndSet(3, moved(failed, 'approved'))).toBe(true);
      expect(await ctx.store.compareAndSet(1, moved(second, 'cancelled'))).toBe(true);
      await ctx.store.create(forUser(userId));
    });

    test('an id that exists is still reported as such, not as a busy target', async () => {
      const request = forUser(randomUUID());
      await ctx.store.create(request);
      await expect(ctx.store.create({ ...request, reason: 'again' })).rejects.toThrow(/already exists/);
    });
  });

  describe('target leases', () => {
    test('acquire, refusal while live, takeover once expired, renew and release by the current holder only; tokens grow', async () => {
      const key = `user:${randomUUID()}`;
      const s = ctx.store;
      expect(await s.acquireTargetLease(key, 'a', T0, TTL)).toBe(1);
      expect(await s.acquireTargetLease(key, 'b', T0 + 1_000, TTL)).toBeNull();
      expect(await s.renewTargetLease(key, { owner: 'a', token: 1 }, T0 + 30_000, TTL)).toBe(true);
      expect(await s.acquireTargetLease(key, 'b', T0 + 90_000, TTL)).toBeNull();
      expect(await s.acquireTargetLease(key, 'b', T0 + 90_001, TTL)).toBe(2);
      expect(await s.renewTargetLease(key, { owner: 'a', token: 1 }, T0 + 90_002, TTL)).toBe(false);
      await s.releaseTargetLease(key, { owner: 'a', token: 1 });
      expect(await s.acquireTargetLease(key, 'c', T0 + 90_003, TTL)).toBeNull();
      await s.releaseTargetLease(key, { owner: 'b', token: 2 });
      expect(await s.acquireTargetLease(key, 'c', T0 + 90_004, TTL)).toBe(3);
      expect(await s.acquireTargetLease(`user:${randomUUID()}`, 'b', T0, TTL)).toBe(1);
    });

    test('30 concurrent acquires of one free target from several instances: exactly one gets it', async () => {
      const key = `group:${randomUUID()}`;
      const results = await spread(ctx.instances, 30, (store, i) => store.acquireTargetLease(key, `owner-${i}`, T0, TTL));
      expect(results.filter((t) => t !== null)).toEqual([1]);
    });
  });
}
