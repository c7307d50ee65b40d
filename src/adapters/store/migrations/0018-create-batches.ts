// Batches (issue 14 item 4): the batch record, and one row per user so that users running at once change their own rows.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Creates `batches` and `batch_members`. */
export const createBatches: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('batches')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('batch_json', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('batch_members')
      .addColumn('batch_id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('upn', 'text', (c) => c.notNull())
      .addColumn('request_id', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('member_json', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('batch_members_pk', ['batch_id', 'position'])
      .execute();
  },
};
