// Conversation references: where a surface posted a card, so that any instance can update it later.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Creates `conversation_refs`, keyed by surface and key, with an index for lookups by key alone. */
export const createConversationRefs: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('conversation_refs')
      .addColumn('surface', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('ref', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('conversation_refs_pk', ['surface', 'key'])
      .execute();
    await db.schema.createIndex('conversation_refs_key_idx').on('conversation_refs').column('key').execute();
  },
};
