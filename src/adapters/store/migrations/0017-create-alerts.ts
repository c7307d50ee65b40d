// Proactive alerts: `alerts` (one per cause and window, its version growing with every change), `alert_causes` (the
// alert gathering each cause's failures, and until when: the claim that lets one instance open it), `alert_members`
// (the users on each alert) and `alerted_users` (one row per user alerted and not resolved: the claim that alerts a
// user once).
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Creates the four alert tables. */
export const createAlerts: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('alerts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('cause_key', 'text', (c) => c.notNull())
      .addColumn('cause_json', 'text', (c) => c.notNull())
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('window_until_ms', 'bigint', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('alert_causes')
      .addColumn('cause_key', 'text', (c) => c.primaryKey())
      .addColumn('alert_id', 'text', (c) => c.notNull())
      .addColumn('window_until_ms', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('alert_members')
      .addColumn('alert_id', 'text', (c) => c.notNull())
      .addColumn('upn', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('alerted_at', 'text', (c) => c.notNull())
      .addColumn('resolved_at', 'text')
      .addColumn('report_json', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('alert_members_pk', ['alert_id', 'upn'])
      .execute();
    await db.schema
      .createTable('alerted_users')
      .addColumn('upn', 'text', (c) => c.primaryKey())
      .addColumn('alert_id', 'text', (c) => c.notNull())
      .execute();
  },
};
