// A page's results and spilled users written with one statement each: the rows travel as one JSON parameter that the
// database expands itself (SQLite json_each, PostgreSQL jsonb_to_recordset), instead of a statement with thousands of
// bound values that Kysely would build and SQLite would prepare for every page.
import { sql, type Kysely } from 'kysely';
import type { StoreDatabase } from './store-database.ts';

type Kind = 'sqlite' | 'postgres';

/** Spilled rows: side, item id, side-prefixed keys, payload. */
export interface SpillRow { readonly s: string; readonly i: string; readonly k: string | null; readonly u: string | null; readonly p: string }
/** Result rows: key, verdict, row JSON. */
export interface ResultRow { readonly k: string; readonly v: string; readonly j: string }

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

/** Appends spilled users (no index, no conflict check: the final merge takes every copy of a user at once). */
export async function insertSpill(trx: Kysely<StoreDatabase>, kind: Kind, scanId: string, rows: readonly SpillRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows);
  const query = kind === 'sqlite'
    ? sql`INSERT INTO scan_spill (scan_id, side, item_id, key_id, key_upn, payload)
          SELECT ${scanId}, json_extract(value, '$.s'), json_extract(value, '$.i'), json_extract(value, '$.k'), json_extract(value, '$.u'), json_extract(value, '$.p')
          FROM json_each(${json})`
    : sql`INSERT INTO scan_spill (scan_id, side, item_id, key_id, key_upn, payload)
          SELECT ${scanId}, r.s, r.i, r.k, r.u, r.p FROM jsonb_to_recordset(${json}::jsonb) AS r(s text, i text, k text, u text, p text)`;
  await query.execute(trx);
}

/** Removes spilled users of `side` (item ids) once diagnosed. */
export async function deleteSpilled(trx: Kysely<StoreDatabase>, kind: Kind, scanId: string, side: string, itemIds: readonly string[]): Promise<void> {
  if (itemIds.length === 0) return;
  const json = JSON.stringify(itemIds);
  const query = kind === 'sqlite'
    ? sql`DELETE FROM scan_spill WHERE item_id IN (SELECT value FROM json_each(${json})) AND scan_id = ${scanId} AND side = ${side}`
    : sql`DELETE FROM scan_spill WHERE item_id IN (SELECT jsonb_array_elements_text(${json}::jsonb)) AND scan_id = ${scanId} AND side = ${side}`;
  await query.execute(trx);
}
