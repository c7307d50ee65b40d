// EventReceipts on Kysely: one row per event uuid; the insert that finds the row already there is a repeat.
import type { EventReceipts } from '../../core/ports/event-receipts.ts';
import type { StoreEngine } from './store-engine.ts';
import { toStoreError } from './to-store-error.ts';

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
