// Notices sent once (an approver's reminder before a request expires): the key's row is the proof it went out, so
// several instances never send the same reminder twice.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Creates `notices_sent`, one row per notice key. */
export const createNoticesSent: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('notices_sent')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .execute();
  },
};
