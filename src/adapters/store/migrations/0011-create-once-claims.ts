// Keys claimed once for a while, across every instance on the store (a Slack request's signature hash for the
// signature window): the row is the claim, `until_ms` when it lapses. Only hashes are stored, never a payload.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Creates `once_claims`, one row per claimed key, and the index that prunes lapsed claims. */
export const createOnceClaims: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('once_claims')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('until_ms', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('once_claims_until_ms').on('once_claims').column('until_ms').execute();
  },
};
