// The execution journal: one row per attempt of a plan step, written before and after the vendor call.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Creates `journal`, keyed by request, step and attempt (the key also serves `journal(requestId)`). */
export const createJournal: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('journal')
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('step_id', 'text', (c) => c.notNull())
      .addColumn('attempt', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('vendor_request_ids', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('detail', 'text')
      .addColumn('owner', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('journal_pk', ['request_id', 'step_id', 'attempt'])
      .execute();
  },
};
