// The store named by DATABASE_URL: SQLite (a file, created with its folder, or in memory) or PostgreSQL.
// It is not migrated here: start-up calls migrate() once, before serving.
import { mkdirSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { RequestStore } from '../../core/ports/request-store.ts';
import { KyselyRequestStore } from './kysely-request-store.ts';
import { parseDatabaseUrl, SQLITE_MEMORY } from './parse-database-url.ts';
import { sqliteEngine } from './sqlite-engine.ts';
import { sqliteWriteLock } from './sqlite-write-lock.ts';
import type { StoreEngine } from './store-engine.ts';
import { toStoreError } from './to-store-error.ts';

export interface RequestStoreOptions {
  /** PostgreSQL only: the schema that holds every table (created if missing); default `public`. */
  readonly schema?: string;
  /** The clock for the store's own bookkeeping (when a decision row was written). */
  readonly now?: () => number;
  /** AUDIT_KEY: audit entries carry an HMAC of their hash, checked by verifyAudit. */
  readonly auditKey?: string;
}

/** Opens the store at `databaseUrl` (`sqlite:<path>`, `sqlite::memory:`, `postgres://...`); call migrate() before use. */
export async function createRequestStore(databaseUrl: string, options: RequestStoreOptions = {}): Promise<RequestStore> {
  return new KyselyRequestStore(await openStoreEngine(databaseUrl, options.schema), {
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.auditKey === undefined ? {} : { auditKey: options.auditKey }),
  });
}

/** The engine for `databaseUrl` (other stores over the same database, e.g. the scan store, open their own). */
export async function openStoreEngine(databaseUrl: string, schema?: string): Promise<StoreEngine> {
  const target = parseDatabaseUrl(databaseUrl, process.cwd());
  // pg is loaded only for PostgreSQL.
  return target.kind === 'postgres'
    ? (await import('./postgres-engine.ts')).postgresEngine(target, schema)
    : openSqlite(target.file, target.display);
}

function openSqlite(file: string, display: string): StoreEngine {
  try {
    if (file === SQLITE_MEMORY) return sqliteEngine(new Database(SQLITE_MEMORY), display, sqliteWriteLock(SQLITE_MEMORY));
    mkdirSync(dirname(file), { recursive: true });
    // One lock per file, whatever path (relative, symlinked) named it.
    const canonical = join(realpathSync(dirname(file)), basename(file));
    return sqliteEngine(new Database(canonical), display, sqliteWriteLock(canonical));
  } catch (err) {
    throw toStoreError(err, 'open', { display, secrets: [] });
  }
}
