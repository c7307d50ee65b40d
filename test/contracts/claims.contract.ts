// The Claims contract (core/ports/claims.ts): a notice is claimed once across every instance, and claimOnce holds a
// key for its time across instances, takes it again once it lapsed, and prunes lapsed claims.
import type { RequestStore } from '../../src/core/ports/request-store.ts';
import type { ContractContext, StoreTarget } from './store-contract.ts';

const T0 = Date.parse('2026-12-03T12:00:00.000Z');
const TTL = 300_000;

/** Defines the claim tests; they work on a database of their own (the prune test reads every key in it). */
export function claimsContract(ctx: ContractContext): void {
  describe('Claims', () => {
    let target: StoreTarget;
    let stores: RequestStore[] = [];
    beforeAll(async () => {
      ({ target, instances: stores } = await ctx.fresh(3));
    });
    const store = (i: number): RequestStore => stores[i % stores.length] as RequestStore;

    test('claimNotice: the first claim of a key wins, on any instance; other keys are independent', async () => {
      const at = '2026-12-03T12:00:00.000Z';
      const claims = await Promise.all([0, 1, 0, 1].map((i) => store(i).claimNotice('reminder:slack:LD-2222-AAAA', at)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store(1).claimNotice('reminder:teams:LD-2222-AAAA', at)).toBe(true);
      expect(await store(0).claimNotice('reminder:teams:LD-2222-AAAA', at)).toBe(false);
    });

    test('claimOnce: 50 concurrent claims of one key from the instances: exactly one wins', async () => {
      const claims = await Promise.all(Array.from({ length: 50 }, (_, i) => store(i).claimOnce('k:concurrent', T0, TTL)));
      expect(claims.filter((c) => c)).toHaveLength(1);
      expect(claims.filter((c) => !c)).toHaveLength(49);
    });

    test('claimOnce: a claim holds for its time on every instance, other keys are independent, and a lapsed claim is taken again once', async () => {
      const [a, b, c] = [store(0), store(1), store(2)];
      expect(await a.claimOnce('k:window', T0, TTL)).toBe(true);
      expect(await b.claimOnce('k:window', T0 + TTL - 1, TTL)).toBe(false);
      expect(await c.claimOnce('k:other', T0 + 1, TTL)).toBe(true);
      const later = await Promise.all([a, b, c, a].map((s) => s.claimOnce('k:window', T0 + TTL, TTL)));
      expect(later.filter(Boolean)).toHaveLength(1);
      expect(await c.claimOnce('k:window', T0 + 2 * TTL - 1, TTL)).toBe(false);
    });

    test('claimOnce: lapsed claims are pruned; live ones stay', async () => {
      const far = T0 + 100 * TTL;
      expect(await store(0).claimOnce('k:live', far, TTL)).toBe(true);
      await store(0).claimOnce('k:prune', far + 10 * TTL, TTL);
      expect((await target.sql('SELECT key FROM once_claims ORDER BY key')).map((r) => r['key'])).toEqual(['k:prune']);
    });

    test('claimOnce: a misuse is refused before the database', async () => {
      await expect(store(0).claimOnce('', T0, TTL)).rejects.toMatchObject({ code: 'store', details: { reason: 'invalid-argument' } });
      await expect(store(0).claimOnce('k', T0, 0)).rejects.toMatchObject({ code: 'store', details: { reason: 'invalid-argument' } });
    });
  });
}
