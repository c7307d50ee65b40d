// Fencing tokens: every lease taken gets a number larger than any before it for the request, so an executor that
// was paused past its lease (and taken over) can no longer change the request or its journal.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Adds `requests.lease_token` (0 until the first lease). */
export const addLeaseToken: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('requests').addColumn('lease_token', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
};
