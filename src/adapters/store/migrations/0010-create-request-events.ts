// Request events that cross processes on SQLite: a writer appends a row, running servers poll for rows after the last
// one they saw. (PostgreSQL sends them with NOTIFY instead and never uses this table.)
import { SqliteAdapter, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Creates `request_events`, numbered in the order they were written. */
export const createRequestEvents: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('request_events')
      // AUTOINCREMENT: ids never go back, even when the newest rows are pruned, so a poller's "after id" stays valid.
      .addColumn('id', 'integer', (c) => (db.getExecutor().adapter instanceof SqliteAdapter ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity()))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .execute();
  },
};
