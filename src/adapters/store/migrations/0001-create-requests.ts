// Requests: the whole request as JSON plus the columns that queries, compare-and-set and leases need.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Creates `requests` with its status and creation-time indexes. */
export const createRequests: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('requested_by', 'text', (c) => c.notNull())
      .addColumn('target_upn', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('request_json', 'text', (c) => c.notNull())
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', 'text')
      .execute();
    await db.schema.createIndex('requests_status_idx').on('requests').columns(['status', 'created_at']).execute();
    await db.schema.createIndex('requests_created_at_idx').on('requests').columns(['created_at', 'id']).execute();
  },
};
