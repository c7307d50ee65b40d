// What differs between SQLite and PostgreSQL, behind one small interface; everything else is the same Kysely code.
import type { Kysely } from 'kysely';
import type { EventChannel } from '../../core/ports/event-channel.ts';
import type { StoreDatabase } from './store-database.ts';

/** One database connection (SQLite) or pool (PostgreSQL), with the engine's own way to serialise writers. */
export interface StoreEngine {
  readonly kind: 'sqlite' | 'postgres';
  /** The database, for reads (and for writes only through `write` / `writeTransaction`). */
  readonly db: Kysely<StoreDatabase>;
  /** Where the database is, safe to show (no password). */
  readonly display: string;
  /** Strings that must never appear in an error (the password in DATABASE_URL). */
  readonly secrets: readonly string[];
  /** Creates or migrates the schema; safe when several instances or processes start at once. */
  migrate(): Promise<void>;
  /** Runs one write statement (serialised with this process's other writers on SQLite). */
  write<T>(fn: (db: Kysely<StoreDatabase>) => Promise<T>): Promise<T>;
  /** Runs `fn` in a transaction; committed when it resolves, rolled back when it throws. */
  writeTransaction<T>(fn: (trx: Kysely<StoreDatabase>) => Promise<T>): Promise<T>;
  /** Inside `writeTransaction`: blocks other writers of the audit log until the transaction ends. */
  lockAuditLog(trx: Kysely<StoreDatabase>): Promise<void>;
  /** The channel for request events between processes (`origin`: this process; SQLite polls every `pollMs`). */
  eventChannel(origin: string, pollMs: number): EventChannel;
  /** Closes the connection or pool. */
  close(): Promise<void>;
}
