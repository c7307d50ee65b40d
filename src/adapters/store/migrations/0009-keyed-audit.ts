// The audit log covers the requests table and can carry a key: each entry that records a state change keeps the hash
// of the request state it produced, and with AUDIT_KEY set each entry carries an HMAC of its hash. Both columns are
// null on entries written before (and, for `mac`, without a key).
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Adds `request_hash` and `mac` to `audit_log`. */
export const keyedAudit: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('audit_log').addColumn('request_hash', 'text').execute();
    await db.schema.alterTable('audit_log').addColumn('mac', 'text').execute();
  },
};
