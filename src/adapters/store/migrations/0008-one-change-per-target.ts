// One change at a time per target, across instances. `requests.open_target` holds the path and target of a request
// while it is open (see openTargetKey) and is null otherwise; a unique index over it makes a second open request for
// the same target and path impossible to store, whichever instance tries. (NULLs never collide, on SQLite and
// PostgreSQL alike.) `target_leases` holds one lease per target, so that two executions of different requests for the
// same user, group or app never run at the same time.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { openTargetKey } from '../../../core/approval/open-request-for-target.ts';
import type { LicenseRequest } from '../../../core/model/request.ts';

/** Adds `requests.open_target` (backfilled: the oldest open request of a target keeps it) and `target_leases`. */
export const oneChangePerTarget: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('requests').addColumn('open_target', 'text').execute();
    // Oldest first: where an earlier race left two open requests for one target, the first keeps the key and the other
    // stays open without it (the pre-check still refuses new ones while it is open).
    const rows = await sql<{ id: string; request_json: string }>`SELECT id, request_json FROM requests ORDER BY created_at, id`.execute(db);
    const taken = new Set<string>();
    for (const row of rows.rows) {
      const key = openTargetKey(JSON.parse(row.request_json) as LicenseRequest);
      if (key === null || taken.has(key)) continue;
      taken.add(key);
      await sql`UPDATE requests SET open_target = ${key} WHERE id = ${row.id}`.execute(db);
    }
    await db.schema.createIndex('requests_open_target_idx').on('requests').column('open_target').unique().execute();
    await db.schema
      .createTable('target_leases')
      .addColumn('target_key', 'text', (c) => c.primaryKey())
      .addColumn('owner', 'text')
      .addColumn('until', 'text')
      .addColumn('token', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
