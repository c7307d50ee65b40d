// better-sqlite3 as Kysely's SqliteDatabase, preparing each distinct SQL text once. Kysely prepares a statement for
// every query; reusing them saves SQLite's parse and plan, and keeps native Statement objects few and long-lived:
// better-sqlite3 12 on Node >= 24.19 aborts the process when the garbage collector frees a Statement outside a
// JavaScript context (node::ObjectWrap's destructor asserts on a missing Environment; better-sqlite3 13 uses N-API).
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** More distinct SQL texts than the store ever issues; a bound in case a caller builds SQL dynamically. */
const MAX_STATEMENTS = 500;

/** Wraps `database` so that `prepare` returns one cached statement per SQL text (so never stream: a statement being iterated is busy). */
export function cachedStatements(database: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare: (sql: string): SqliteStatement => {
      const cached = cache.get(sql);
      if (cached !== undefined) return cached;
      if (cache.size >= MAX_STATEMENTS) cache.clear();
      const statement = database.prepare(sql);
      cache.set(sql, statement);
      return statement;
    },
  };
}
