// Decisions: one row per approve / reject / cancel, for querying and audit (the request JSON stays authoritative).
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Creates `decisions`, keyed by request and position in the request's decision list. */
export const createDecisions: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('decisions')
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('by_upn', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('actor_json', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('decisions_pk', ['request_id', 'position'])
      .execute();
    await db.schema.createIndex('decisions_by_upn_idx').on('decisions').columns(['by_upn', 'at']).execute();
  },
};
