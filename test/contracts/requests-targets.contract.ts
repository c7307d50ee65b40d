// The Requests contract, one change at a time per target across instances: at most one open request per target and
// path can be stored (target leases: leases.contract.ts).
import { randomUUID } from 'node:crypto';
import type { LicenseRequest } from '../../src/core/model/request.ts';
import type { ContractContext } from './store-contract.ts';
import { licenseRequest, spread } from './request-store-fixtures.ts';

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

    test('concurrent creates of one id (two instances resuming one batch user) from several instances: one is stored, the others are refused as that id existing, not as the target busy', async () => {
      const userId = randomUUID();
      const id = randomUUID();
      const candidates = Array.from({ length: 20 }, (_, i) => forUser(userId, { id, reason: `attempt ${i}` }));
      const results = await spread(ctx.instances, 20, (store, i) => store.create(candidates[i] as LicenseRequest).then(() => null, (err: unknown) => err));
      const won = results.flatMap((r, i) => (r === null ? [candidates[i] as LicenseRequest] : []));
      expect(won).toHaveLength(1);
      for (const failure of results.filter((r) => r !== null)) {
        expect(failure).toMatchObject({ name: 'LicenseDoctorError', code: 'conflict', message: expect.stringMatching(/already exists/) as unknown as string });
        expect((failure as { details: Record<string, unknown> }).details['reason']).toBeUndefined();
      }
      expect(await ctx.store.get(id)).toStrictEqual(won[0]);
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
}
