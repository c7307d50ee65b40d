// Okta event deliveries already taken (events may be delivered again: one row per event uuid), and the System Log
// poller's cursor with the lease that lets one instance poll at a time.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Creates `okta_event_receipts` and `okta_log_cursor`. */
export const createOktaEventReceipts: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('okta_event_receipts')
      .addColumn('uuid', 'text', (c) => c.primaryKey())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('okta_log_cursor')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('cursor', 'text')
      .addColumn('owner', 'text')
      .addColumn('until_ms', 'bigint')
      .execute();
  },
};
