// The diagnosed users of a scan, in report order (lower-case user name).
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Creates `scan_results`. */
export const createScanResults: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('scan_results')
      .addColumn('scan_id', 'text', (c) => c.notNull())
      .addColumn('user_key', 'text', (c) => c.notNull())
      .addColumn('verdict', 'text', (c) => c.notNull())
      .addColumn('row_json', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('scan_results_pk', ['scan_id', 'user_key'])
      .execute();
  },
};
