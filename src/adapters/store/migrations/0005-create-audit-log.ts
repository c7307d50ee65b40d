// The audit log: append-only, each entry chained to the one before by its hash. `seq` is the primary key, so two
// writers can never both append the same link of the chain.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Creates `audit_log` with an index for the entries of one request. */
export const createAuditLog: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('audit_log')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('actor_detail', 'text', (c) => c.notNull())
      .addColumn('request_id', 'text')
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_request_id_idx').on('audit_log').columns(['request_id', 'seq']).execute();
  },
};
