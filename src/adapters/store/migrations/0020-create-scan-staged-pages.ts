// Users waiting for their other side are kept in the scanner's memory, keyed by their join keys; what the store keeps
// for a resume is one append-only row per committed page (the users it staged and the staged users it matched), so a
// page no longer writes per-user rows into random-order indexes. Replaces scan_staging (migration 0014).
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Creates `scan_staged_pages`, drops `scan_staging`, and forgets an unfinished scan (its staging is not carried over:
 *  the next scan starts afresh). */
export const createScanStagedPages: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('scan_staged_pages')
      .addColumn('scan_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('scan_staged_pages_pk', ['scan_id', 'seq'])
      .execute();
    await sql`DELETE FROM scan_results WHERE scan_id IN (SELECT id FROM scan_runs WHERE finished_at IS NULL)`.execute(db);
    await sql`DELETE FROM scan_runs WHERE finished_at IS NULL`.execute(db);
    await db.schema.dropTable('scan_staging').ifExists().execute();
  },
};
