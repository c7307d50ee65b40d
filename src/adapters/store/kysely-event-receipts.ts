// EventReceipts on Kysely: one row per event uuid; the insert that finds the row already there is a repeat. And the
// System Log poller's cursor with its lease.
import type { EventReceipts } from '../../core/ports/event-receipts.ts';
import type { PollCursorStore } from '../../core/ports/okta-system-log.ts';
import type { StoreEngine } from './store-engine.ts';
import { storeCall, toStoreError } from './to-store-error.ts';

/** Event receipts in the store (migration 0016). */
export class KyselyEventReceipts implements EventReceipts {
  readonly #engine: StoreEngine;

  constructor(engine: StoreEngine) {
    this.#engine = engine;
  }

  async recordNew(uuid: string, at: string): Promise<boolean> {
    try {
      const result = await this.#engine.write((db) =>
        db.insertInto('okta_event_receipts').values({ uuid, received_at: at }).onConflict((oc) => oc.column('uuid').doNothing()).executeTakeFirst());
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    } catch (err) {
      throw toStoreError(err, 'recordNew', this.#engine);
    }
  }
}

const POLLER = 'poller';

/** PollCursorStore in the store (migration 0016): one row, its owner and lease time, and the saved next link. */
export class KyselyPollCursor implements PollCursorStore {
  readonly #engine: StoreEngine;

  constructor(engine: StoreEngine) {
    this.#engine = engine;
  }

  #run<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    return storeCall(operation, this.#engine, fn);
  }

  acquirePollLease(owner: string, nowMs: number, ttlMs: number): Promise<boolean> {
    return this.#run('acquirePollLease', () =>
      this.#engine.writeTransaction(async (trx) => {
        await trx.insertInto('okta_log_cursor').values({ name: POLLER, cursor: null, owner, until_ms: nowMs + ttlMs })
          .onConflict((oc) => oc.column('name').doUpdateSet({ owner, until_ms: nowMs + ttlMs })
            .where((eb) => eb.or([eb('okta_log_cursor.owner', '=', owner), eb('okta_log_cursor.owner', 'is', null), eb('okta_log_cursor.until_ms', '<', nowMs)])))
          .execute();
        const row = await trx.selectFrom('okta_log_cursor').select('owner').where('name', '=', POLLER).executeTakeFirst();
        return row?.owner === owner;
      }));
  }

  pollCursor(): Promise<string | null> {
    return this.#run('pollCursor', async () =>
      (await this.#engine.db.selectFrom('okta_log_cursor').select('cursor').where('name', '=', POLLER).executeTakeFirst())?.cursor ?? null);
  }

  savePollCursor(owner: string, cursor: string): Promise<boolean> {
    return this.#run('savePollCursor', async () => {
      const result = await this.#engine.write((db) =>
        db.updateTable('okta_log_cursor').set({ cursor }).where('name', '=', POLLER).where('owner', '=', owner).executeTakeFirst());
      return result.numUpdatedRows === 1n;
    });
  }
}
