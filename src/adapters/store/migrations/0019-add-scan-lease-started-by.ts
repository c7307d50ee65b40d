// Who started the running scan, so that a second scan asked for from chat (or the CLI) can say whose scan it waits for.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Adds `scan_lease.started_by` (null: not known, e.g. a lease taken before this migration). */
export const addScanLeaseStartedBy: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('scan_lease').addColumn('started_by', 'text').execute();
  },
};
