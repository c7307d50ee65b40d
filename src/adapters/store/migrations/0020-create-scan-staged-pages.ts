// Users waiting for their other side are kept in the scanner's memory up to a budget, keyed by their join keys; what
// the store keeps for a resume is one append-only row per committed page (the users it added and the waiting users it
// matched). Users beyond the budget are appended to `scan_spill`, which has no index while the scan pages (appending
// costs no random-order B-tree writes) and is indexed once for the final merge. Replaces scan_staging (migration 0014).
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Creates `scan_staged_pages` and `scan_spill`, drops `scan_staging`, and forgets an unfinished scan (its staging is
 *  not carried over: the next scan starts afresh). */
export const createScanStagedPages: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('scan_staged_pages')
      .addColumn('scan_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('scan_staged_pages_pk', ['scan_id', 'seq'])
      .execute();
    await db.schema
      .createTable('scan_spill')
      .addColumn('scan_id', 'text', (c) => c.notNull())
      .addColumn('side', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('key_id', 'text')
      .addColumn('key_upn', 'text')
      .addColumn('payload', 'text', (c) => c.notNull())
      .execute();
    await sql`DELETE FROM scan_results WHERE scan_id IN (SELECT id FROM scan_runs WHERE finished_at IS NULL)`.execute(db);
    await sql`DELETE FROM scan_runs WHERE finished_at IS NULL`.execute(db);
    await db.schema.dropTable('scan_staging').ifExists().execute();
  },
};
