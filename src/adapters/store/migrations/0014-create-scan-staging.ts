// Users a scan read on one side and has not met on the other yet: kept in the store, not in memory, so that a
// scan of any tenant runs in bounded memory and resumes after a crash.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Creates `scan_staging` with an index for each join key (keys are stored as `<side>:<key>`). */
export const createScanStaging: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('scan_staging')
      .addColumn('scan_id', 'text', (c) => c.notNull())
      .addColumn('side', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('key_id', 'text')
      .addColumn('key_upn', 'text')
      .addColumn('payload', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('scan_staging_pk', ['scan_id', 'side', 'item_id'])
      .execute();
    // The keys are stored prefixed with their side and looked up alone, so that the planner cannot prefer the primary
    // key's (scan_id, side) prefix and scan every staged row of the side.
    await db.schema.createIndex('scan_staging_key_id_idx').on('scan_staging').column('key_id').execute();
    await db.schema.createIndex('scan_staging_key_upn_idx').on('scan_staging').column('key_upn').execute();
  },
};
