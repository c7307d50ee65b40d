// PostgreSQL through a pg Pool, for several bot instances. Every table lives in one schema (`public` unless told
// otherwise), put first on each connection's search_path, so that plain table names mean this store's tables.
import { Kysely, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { LicenseDoctorError } from '../../core/errors.ts';
import type { StoreDatabase } from './store-database.ts';
import type { StoreEngine } from './store-engine.ts';
import { postgresEventChannel } from './postgres-event-channel.ts';
import { SchemaScopedPostgresDialect } from './schema-scoped-dialect.ts';
import { MIGRATION_TABLES, storeMigrationProvider } from './store-migrations.ts';

/** Where PostgreSQL is, as parseDatabaseUrl gives it. */
export interface PostgresTarget {
  readonly url: string;
  readonly display: string;
  readonly secrets: readonly string[];
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A StoreEngine over a new pg Pool; the tables live in `schema`. */
export function postgresEngine(target: PostgresTarget, schema = 'public'): StoreEngine {
  if (!SCHEMA_NAME.test(schema)) {
    throw new LicenseDoctorError('configuration', `The store schema "${schema}" is not a plain lower-case PostgreSQL name (a-z, 0-9, _; at most 63).`);
  }
  const { connectionString, options } = withSearchPath(target.url, schema);
  const pool = new pg.Pool({
    connectionString,
    options,
    application_name: 'license-doctor',
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    // A peer that vanished without closing the socket (network cut, host gone) is found by TCP keepalive.
    keepAlive: true,
  });
  // A client that loses its connection emits 'error'; with no listener Node would end the process. The pool listens
  // only while a client is idle (and then drops it), so each client gets a listener of its own for the time it is
  // checked out (a query or a transaction in flight). Nothing is lost by ignoring the event itself: pg rejects every
  // query of that client with the same error, which toStoreError turns into `unavailable`, and the pool replaces it.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  const db = new Kysely<StoreDatabase>({ dialect: new SchemaScopedPostgresDialect({ pool }, schema) });

  return {
    kind: 'postgres',
    db,
    display: schema === 'public' ? target.display : `${target.display} (schema ${schema})`,
    secrets: target.secrets,
    // Kysely creates the schema if needed (the dialect's introspector looks at this schema only), takes a PostgreSQL advisory lock for the whole run (so instances starting
    // together run each migration once) and runs each migration in a transaction (DDL is transactional here).
    migrate: async () => {
      const { error } = await new Migrator({ db, provider: storeMigrationProvider, migrationTableSchema: schema, ...MIGRATION_TABLES }).migrateToLatest();
      if (error !== undefined) throw error;
    },
    // Row locks taken by UPDATE ... WHERE version = ? already serialise writers; READ COMMITTED re-checks the WHERE
    // against the winner's row, so a loser changes nothing.
    write: (fn) => fn(db),
    writeTransaction: (fn) => db.transaction().execute(fn),
    // EXCLUSIVE blocks other writers of audit_log until commit but not readers, and it lives in this schema only.
    lockAuditLog: async (trx) => {
      await sql`LOCK TABLE audit_log IN EXCLUSIVE MODE`.execute(trx);
    },
    eventChannel: (origin) => postgresEventChannel(db, { connectionString, options }, schema, origin),
    close: () => db.destroy(),
  };
}

/** Moves a libpq `options` query parameter out of the URL (pg lets the URL win) and adds the search_path to it. */
function withSearchPath(url: string, schema: string): { connectionString: string; options: string } {
  const parsed = new URL(url);
  const existing = parsed.searchParams.get('options');
  parsed.searchParams.delete('options');
  const searchPath = `-c search_path=${schema}`;
  return { connectionString: parsed.toString(), options: existing === null ? searchPath : `${existing} ${searchPath}` };
}
