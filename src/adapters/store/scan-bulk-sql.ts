// A page's staging and results written with one statement each: the rows travel as one JSON parameter that the
// database expands itself (SQLite json_each, PostgreSQL jsonb_to_recordset), instead of a statement with thousands of
// bound values that Kysely would build and SQLite would prepare for every page.
import { sql, type Kysely } from 'kysely';
import type { StoreDatabase } from './store-database.ts';

type Kind = 'sqlite' | 'postgres';

/** Staged rows: side, item id, prefixed keys, payload. */
export interface StagingRow { readonly s: string; readonly i: string; readonly k: string | null; readonly u: string | null; readonly p: string }
/** Result rows: key, verdict, row JSON. */
export interface ResultRow { readonly k: string; readonly v: string; readonly j: string }

export async function insertStaging(trx: Kysely<StoreDatabase>, kind: Kind, scanId: string, rows: readonly StagingRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows);
  const query = kind === 'sqlite'
    ? sql`INSERT INTO scan_staging (scan_id, side, item_id, key_id, key_upn, payload)
          SELECT ${scanId}, json_extract(value, '$.s'), json_extract(value, '$.i'), json_extract(value, '$.k'), json_extract(value, '$.u'), json_extract(value, '$.p')
          FROM json_each(${json}) WHERE true ON CONFLICT (scan_id, side, item_id) DO NOTHING`
    : sql`INSERT INTO scan_staging (scan_id, side, item_id, key_id, key_upn, payload)
          SELECT ${scanId}, r.s, r.i, r.k, r.u, r.p FROM jsonb_to_recordset(${json}::jsonb) AS r(s text, i text, k text, u text, p text)
          ON CONFLICT (scan_id, side, item_id) DO NOTHING`;
  await query.execute(trx);
}

export async function insertResults(trx: Kysely<StoreDatabase>, kind: Kind, scanId: string, rows: readonly ResultRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows);
  const query = kind === 'sqlite'
    ? sql`INSERT INTO scan_results (scan_id, user_key, verdict, row_json)
          SELECT ${scanId}, json_extract(value, '$.k'), json_extract(value, '$.v'), json_extract(value, '$.j')
          FROM json_each(${json}) WHERE true ON CONFLICT (scan_id, user_key) DO NOTHING`
    : sql`INSERT INTO scan_results (scan_id, user_key, verdict, row_json)
          SELECT ${scanId}, r.k, r.v, r.j FROM jsonb_to_recordset(${json}::jsonb) AS r(k text, v text, j text)
          ON CONFLICT (scan_id, user_key) DO NOTHING`;
  await query.execute(trx);
}

export async function deleteStaged(trx: Kysely<StoreDatabase>, kind: Kind, scanId: string, side: string, itemIds: readonly string[]): Promise<void> {
  if (itemIds.length === 0) return;
  const json = JSON.stringify(itemIds);
  const query = kind === 'sqlite'
    ? sql`DELETE FROM scan_staging WHERE scan_id = ${scanId} AND side = ${side} AND item_id IN (SELECT value FROM json_each(${json}))`
    : sql`DELETE FROM scan_staging WHERE scan_id = ${scanId} AND side = ${side} AND item_id IN (SELECT jsonb_array_elements_text(${json}::jsonb))`;
  await query.execute(trx);
}
