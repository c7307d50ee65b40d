// claimOnce on Kysely: one upsert that inserts the key or takes over a lapsed claim, so of concurrent claimants on any
// instance exactly one sees a row written. Lapsed rows are deleted now and then (at most once a minute per store).
// The upsert runs on every Slack request before it is acknowledged, so it is built and compiled once per connection
// pool and then sent with each claim's values (building and compiling it was a seventh of the acknowledgement's CPU).
import type { CompiledQuery, Kysely } from 'kysely';
import type { StoreDatabase } from './store-database.ts';
import type { StoreEngine } from './store-engine.ts';

/** How often a store deletes lapsed claims (each claim also takes over its own lapsed row). */
const PRUNE_EVERY_MS = 60_000;

/** Values no claim has, to find each parameter's place in the compiled upsert. */
const MARK = { key: '\u0000once-claims-key', until: -1.5, now: -2.5 } as const;

const upsert = (db: Kysely<StoreDatabase>, key: string, until: number, nowMs: number) =>
  db.insertInto('once_claims').values({ key, until_ms: until })
    .onConflict((oc) => oc.column('key').doUpdateSet({ until_ms: until }).where('once_claims.until_ms', '<=', nowMs));

type Slot = keyof typeof MARK;

/** The upsert compiled once, and which claim value goes in each parameter; null when a parameter is not one of them. */
function compileUpsert(db: Kysely<StoreDatabase>): { readonly query: CompiledQuery; readonly slots: readonly Slot[] } | null {
  const query = upsert(db, MARK.key, MARK.until, MARK.now).compile();
  const slots = query.parameters.map((p) => (Object.keys(MARK) as Slot[]).find((slot) => MARK[slot] === p));
  return slots.every((s) => s !== undefined) ? { query, slots: slots as Slot[] } : null;
}

/** Claims of keys for a time, on one engine. */
export class OnceClaims {
  readonly #engine: StoreEngine;
  readonly #compiled = new WeakMap<Kysely<StoreDatabase>, ReturnType<typeof compileUpsert>>();
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
    const changed = await this.#engine.write(async (db) => {
      let compiled = this.#compiled.get(db);
      if (compiled === undefined) this.#compiled.set(db, (compiled = compileUpsert(db)));
      if (compiled === null) return (await upsert(db, key, until, nowMs).executeTakeFirst()).numInsertedOrUpdatedRows;
      const values = { key, until, now: nowMs };
      const result = await db.executeQuery({ ...compiled.query, parameters: compiled.slots.map((slot) => values[slot]) });
      return result.numAffectedRows;
    });
    return Number(changed ?? 0n) === 1;
  }
}
