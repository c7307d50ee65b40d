// claimOnce on Kysely: one upsert that inserts the key or takes over a lapsed claim, so of concurrent claimants on any
// instance exactly one sees a row written. Lapsed rows are deleted now and then (at most once a minute per store).
import type { StoreEngine } from './store-engine.ts';

/** How often a store deletes lapsed claims (each claim also takes over its own lapsed row). */
const PRUNE_EVERY_MS = 60_000;

/** Claims of keys for a time, on one engine. */
export class OnceClaims {
  readonly #engine: StoreEngine;
  #prunedAt = Number.NEGATIVE_INFINITY;

  constructor(engine: StoreEngine) {
    this.#engine = engine;
  }

  /** True when this call claimed `key` (new, or its last claim lapsed); false while another claim holds. */
  async claim(key: string, nowMs: number, ttlMs: number): Promise<boolean> {
    const until = nowMs + ttlMs;
    if (nowMs - this.#prunedAt >= PRUNE_EVERY_MS) {
      this.#prunedAt = nowMs;
      await this.#engine.write((db) => db.deleteFrom('once_claims').where('until_ms', '<=', nowMs).execute());
    }
    const result = await this.#engine.write((db) =>
      db.insertInto('once_claims').values({ key, until_ms: until })
        .onConflict((oc) => oc.column('key').doUpdateSet({ until_ms: until }).where('once_claims.until_ms', '<=', nowMs))
        .executeTakeFirst());
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }
}
