// ScanStore on Kysely (SQLite and PostgreSQL, the same engine as the request store). The one scan lease is a
// conditional upsert; a page's staged-page row, results and checkpoint are written in one transaction.
import { sql, type Kysely } from 'kysely';
import type { ScanPageCommit, ScanResult, ScanRun, ScanSide, ScanStore, SpilledUser, StagedPage } from '../../core/ports/scan-store.ts';
import type { ScanUserRow } from '../../core/model/scan.ts';
import type { StoreDatabase } from './store-database.ts';
import type { StoreEngine } from './store-engine.ts';
import { deleteSpilled, insertResults, insertSpill } from './scan-bulk-sql.ts';
import { inLists, sideKey, spilledUser, toRun, type SpilledRow } from './scan-store-rows.ts';
import { storeCall } from './to-store-error.ts';

const LEASE = 'scan';
/** The spilled users' indexes, built once for the final merge and dropped when a scan starts (keys stored with their
 *  side's prefix and looked up alone, so that no composite prefix tempts the planner into scanning a whole side). */
const SPILL_INDEXES = [['scan_spill_item_idx', 'item_id'], ['scan_spill_key_id_idx', 'key_id'], ['scan_spill_key_upn_idx', 'key_upn']] as const;

/** The durable ScanStore over a StoreEngine; call migrate() before use. */
export class KyselyScanStore implements ScanStore {
  readonly #engine: StoreEngine;

  constructor(engine: StoreEngine) {
    this.#engine = engine;
  }

  #run<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    return storeCall(operation, this.#engine, fn);
  }

  migrate(): Promise<void> {
    return this.#run('migrate', () => this.#engine.migrate());
  }

  close(): Promise<void> {
    return this.#engine.close();
  }

  acquireScanLease(owner: string, nowMs: number, ttlMs: number, startedBy: string | null = null): Promise<boolean> {
    return this.#run('acquireScanLease', () =>
      this.#engine.writeTransaction(async (trx) => {
        await trx.insertInto('scan_lease').values({ name: LEASE, owner, until_ms: nowMs + ttlMs, started_by: startedBy })
          .onConflict((oc) => oc.column('name').doUpdateSet({ owner, until_ms: nowMs + ttlMs, started_by: startedBy })
            .where((eb) => eb.or([eb('scan_lease.owner', '=', owner), eb('scan_lease.until_ms', '<', nowMs)])))
          .execute();
        const row = await trx.selectFrom('scan_lease').select('owner').where('name', '=', LEASE).executeTakeFirst();
        return row?.owner === owner;
      }));
  }

  scanLeaseHolder(nowMs: number): Promise<{ startedBy: string | null; untilMs: number } | null> {
    return this.#run('scanLeaseHolder', async () => {
      const row = await this.#engine.db.selectFrom('scan_lease').select(['started_by', 'until_ms']).where('name', '=', LEASE).executeTakeFirst();
      return row && Number(row.until_ms) >= nowMs ? { startedBy: row.started_by, untilMs: Number(row.until_ms) } : null;
    });
  }

  releaseScanLease(owner: string): Promise<void> {
    return this.#run('releaseScanLease', async () => {
      await this.#engine.write((db) => db.deleteFrom('scan_lease').where('name', '=', LEASE).where('owner', '=', owner).execute());
    });
  }

  unfinishedScan(): Promise<ScanRun | null> {
    return this.#run('unfinishedScan', async () => {
      const row = await this.#engine.db.selectFrom('scan_runs').selectAll().where('finished_at', 'is', null).orderBy('started_at', 'desc').executeTakeFirst();
      return row ? toRun(row) : null;
    });
  }

  latestFinishedScan(): Promise<ScanRun | null> {
    return this.#run('latestFinishedScan', async () => {
      const row = await this.#engine.db.selectFrom('scan_runs').selectAll().where('finished_at', 'is not', null).orderBy('finished_at', 'desc').executeTakeFirst();
      return row ? toRun(row) : null;
    });
  }

  startScan(run: ScanRun): Promise<void> {
    return this.#run('startScan', () =>
      this.#engine.writeTransaction(async (trx) => {
        // Only the newest scan is kept: a report is read from the latest one, and old rows would only grow the store.
        await trx.deleteFrom('scan_staged_pages').execute();
        await trx.deleteFrom('scan_spill').execute();
        // Spilling appends without index maintenance; the indexes come back for the final merge only.
        for (const [name] of SPILL_INDEXES) await sql`DROP INDEX IF EXISTS ${sql.raw(name)}`.execute(trx);
        await trx.deleteFrom('scan_results').execute();
        await trx.deleteFrom('scan_runs').execute();
        await trx.insertInto('scan_runs').values({
          id: run.id, started_at: run.startedAt, finished_at: null, app_id: run.appId,
          okta_cursor: run.okta.cursor, okta_done: run.okta.done ? 1 : 0, okta_pages: run.okta.pages, okta_users: run.okta.users,
          entra_cursor: run.entra.cursor, entra_done: run.entra.done ? 1 : 0, entra_pages: run.entra.pages, entra_users: run.entra.users,
        }).execute();
      }));
  }

  stagedPages(scanId: string, afterSeq: number | null, limit: number): Promise<StagedPage[]> {
    return this.#run('stagedPages', async () => {
      let q = this.#engine.db.selectFrom('scan_staged_pages').select(['seq', 'body']).where('scan_id', '=', scanId).orderBy('seq').limit(limit);
      if (afterSeq !== null) q = q.where('seq', '>', afterSeq);
      return (await q.execute()).map((r) => ({ seq: Number(r.seq), body: r.body }));
    });
  }

  hasSpilled(scanId: string): Promise<boolean> {
    return this.#run('hasSpilled', async () => (await this.#engine.db.selectFrom('scan_spill').select('item_id').where('scan_id', '=', scanId).limit(1).execute()).length > 0);
  }

  indexSpilled(): Promise<void> {
    return this.#run('indexSpilled', () =>
      this.#engine.writeTransaction(async (trx) => {
        for (const [name, column] of SPILL_INDEXES) await sql`CREATE INDEX IF NOT EXISTS ${sql.raw(name)} ON scan_spill (${sql.raw(column)})`.execute(trx);
      }));
  }

  spilled(scanId: string, side: ScanSide, limit: number): Promise<SpilledUser[]> {
    return this.#run('spilled', async () => {
      const rows = await this.#engine.db.selectFrom('scan_spill').select(['side', 'item_id', 'key_id', 'key_upn', 'payload'])
        .where('scan_id', '=', scanId).where('side', '=', side).orderBy('item_id').limit(limit).execute();
      return rows.map(spilledUser);
    });
  }

  findSpilled(scanId: string, side: ScanSide, ids: readonly string[], upns: readonly string[]): Promise<SpilledUser[]> {
    if (ids.length === 0 && upns.length === 0) return Promise.resolve([]);
    return this.#run('findSpilled', async () => {
      const base = () => this.#engine.db.selectFrom('scan_spill').select(['scan_id', 'side', 'item_id', 'key_id', 'key_upn', 'payload']);
      const found = new Map<string, SpilledUser>();
      const keep = (rows: ReadonlyArray<SpilledRow & { scan_id: string }>) => {
        for (const r of rows) if (r.scan_id === scanId && r.side === side && !found.has(r.item_id)) found.set(r.item_id, spilledUser(r));
      };
      for (const part of inLists(ids.map((k) => sideKey(side, k)))) keep(await base().where('key_id', 'in', part).execute());
      for (const part of inLists(upns.map((k) => sideKey(side, k)))) keep(await base().where('key_upn', 'in', part).execute());
      return [...found.values()];
    });
  }

  commitPage(scanId: string, commit: ScanPageCommit): Promise<void> {
    return this.#run('commitPage', () => this.#engine.writeTransaction((trx) => applyCommit(trx, this.#engine.kind, scanId, commit)));
  }

  finishScan(scanId: string, finishedAt: string): Promise<void> {
    return this.#run('finishScan', async () => {
      await this.#engine.writeTransaction(async (trx) => {
        await trx.updateTable('scan_runs').set({ finished_at: finishedAt }).where('id', '=', scanId).execute();
        await trx.deleteFrom('scan_staged_pages').where('scan_id', '=', scanId).execute();
        await trx.deleteFrom('scan_spill').where('scan_id', '=', scanId).execute();
      });
    });
  }

  results(scanId: string, afterKey: string | null, limit: number): Promise<ScanResult[]> {
    return this.#run('results', async () => {
      let q = this.#engine.db.selectFrom('scan_results').select(['user_key', 'row_json']).where('scan_id', '=', scanId).orderBy('user_key').limit(limit);
      if (afterKey !== null) q = q.where('user_key', '>', afterKey);
      // The store wrote these rows itself from ScanUserRow values.
      return (await q.execute()).map((r) => ({ key: r.user_key, row: JSON.parse(r.row_json) as ScanUserRow }));
    });
  }
}

async function applyCommit(trx: Kysely<StoreDatabase>, kind: StoreEngine['kind'], scanId: string, commit: ScanPageCommit): Promise<void> {
  if (commit.staged) await trx.insertInto('scan_staged_pages').values({ scan_id: scanId, seq: commit.staged.seq, body: commit.staged.body }).execute();
  await insertSpill(trx, kind, scanId, (commit.spill ?? []).map((u) => ({
    s: u.side, i: u.itemId, p: u.payload, k: u.keyId === null ? null : sideKey(u.side, u.keyId), u: u.keyUpn === null ? null : sideKey(u.side, u.keyUpn),
  })));
  for (const side of ['okta', 'entra'] as const) {
    await deleteSpilled(trx, kind, scanId, side, (commit.unspill ?? []).filter((u) => u.side === side).map((u) => u.itemId));
  }
  await insertResults(trx, kind, scanId, commit.results.map((r) => ({ k: r.key, v: r.row.verdict, j: JSON.stringify(r.row) })));
  if (commit.progress) {
    const { side, value } = commit.progress;
    const set = side === 'okta'
      ? { okta_cursor: value.cursor, okta_done: value.done ? 1 : 0, okta_pages: value.pages, okta_users: value.users }
      : { entra_cursor: value.cursor, entra_done: value.done ? 1 : 0, entra_pages: value.pages, entra_users: value.users };
    await trx.updateTable('scan_runs').set(set).where('id', '=', scanId).execute();
  }
}

/** A migrated ScanStore over `engine` (opened with openStoreEngine). */
export async function createScanStore(engine: StoreEngine): Promise<KyselyScanStore> {
  const store = new KyselyScanStore(engine);
  await store.migrate();
  return store;
}
