// Fleet scans: one row per scan with each side's checkpoint, and the lease that keeps scans one at a time.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Creates `scan_runs` and `scan_lease`. */
export const createScanRuns: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('scan_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('okta_cursor', 'text')
      .addColumn('okta_done', 'integer', (c) => c.notNull())
      .addColumn('okta_pages', 'integer', (c) => c.notNull())
      .addColumn('okta_users', 'integer', (c) => c.notNull())
      .addColumn('entra_cursor', 'text')
      .addColumn('entra_done', 'integer', (c) => c.notNull())
      .addColumn('entra_pages', 'integer', (c) => c.notNull())
      .addColumn('entra_users', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('scan_lease')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('until_ms', 'bigint', (c) => c.notNull())
      .execute();
  },
};
