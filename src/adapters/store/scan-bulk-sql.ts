// A page's results written with one statement: the rows travel as one JSON parameter that the
// database expands itself (SQLite json_each, PostgreSQL jsonb_to_recordset), instead of a statement with thousands of
// bound values that Kysely would build and SQLite would prepare for every page.
import { sql, type Kysely } from 'kysely';
import type { StoreDatabase } from './store-database.ts';

type Kind = 'sqlite' | 'postgres';

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
