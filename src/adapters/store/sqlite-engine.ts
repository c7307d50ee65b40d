// SQLite through better-sqlite3: WAL so readers never wait for the writer, busy_timeout so several processes can
// share the file, BEGIN IMMEDIATE so a transaction takes the write lock before it reads (a deferred transaction that
// reads first and writes later can fail with SQLITE_BUSY_SNAPSHOT without waiting), and one in-process write lock per
// file (see sqlite-write-lock.ts).
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { AsyncMutex } from './async-mutex.ts';
import { cachedStatements } from './cached-statements.ts';
import type { StoreDatabase } from './store-database.ts';
import type { StoreEngine } from './store-engine.ts';
import { sqliteEventChannel } from './sqlite-event-channel.ts';
import { MIGRATION_TABLES, storeMigrationProvider } from './store-migrations.ts';

/** How long a writer waits for another process's write lock before SQLite gives up with SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/** A StoreEngine over an open better-sqlite3 database; `writeLock` is the file's lock from sqliteWriteLock. */
export function sqliteEngine(database: BetterSqlite3.Database, display: string, writeLock: AsyncMutex): StoreEngine {
  // exec, not pragma(): pragma() prepares a throw-away statement (see cached-statements.ts).
  database.exec(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  database.exec('PRAGMA journal_mode = WAL');
  // WAL with synchronous=NORMAL stays consistent after a crash; only the last commits may be lost on power failure.
  database.exec('PRAGMA synchronous = NORMAL');
  const db = new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database: cachedStatements(database) }) });

  // The database can be in a transaction only through this engine; a failed statement or COMMIT leaves it open.
  const rollbackIfOpen = () => {
    if (database.inTransaction) database.exec('ROLLBACK');
  };

  // Callers hold `writeLock` first and the connection second, always in that order, so they cannot deadlock.
  const immediateTransaction = async <T>(conn: Kysely<StoreDatabase>, fn: () => Promise<T>): Promise<T> => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    try {
      const result = await fn();
      await sql`COMMIT`.execute(conn);
      return result;
    } finally {
      rollbackIfOpen();
    }
  };

  const engine: StoreEngine = {
    kind: 'sqlite',
    db,
    display,
    secrets: [],
    // Kysely's SQLite migration lock is a no-op (it assumes one connection), so the whole migration runs in one
    // IMMEDIATE transaction: another process waits for it and then finds nothing left to do. SQLite DDL is
    // transactional, so a failed migration leaves the schema as it was.
    migrate: () =>
      writeLock.run(() =>
        immediateTransaction(db, async () => {
          const { error } = await new Migrator({ db, provider: storeMigrationProvider, ...MIGRATION_TABLES }).migrateToLatest();
          if (error !== undefined) throw error;
        }),
      ),
    write: (fn) => writeLock.run(() => fn(db)),
    writeTransaction: (fn) => writeLock.run(() => db.connection().execute((conn) => immediateTransaction(conn, () => fn(conn)))),
    // BEGIN IMMEDIATE already holds the database's write lock for the whole transaction.
    lockAuditLog: async () => undefined,
    eventChannel: (origin, pollMs) => sqliteEventChannel(engine, origin, pollMs),
    close: () => db.destroy(),
  };
  return engine;
}
