// One write lock per SQLite file and process. better-sqlite3 is synchronous: when one connection holds the file's
// write lock across an `await` (a transaction) and another connection of the same process asks for it, SQLite's
// busy handler sleeps on the only thread, the holder can never finish, and the waiter fails with SQLITE_BUSY. So
// writers in one process queue here, and only writers in other processes meet SQLite's lock (and busy_timeout).
import { AsyncMutex } from './async-mutex.ts';
import { SQLITE_MEMORY } from './parse-database-url.ts';

const locks = new Map<string, AsyncMutex>();

/** The write lock of the SQLite file `file` (absolute path) in this process; a new one for each in-memory database. */
export function sqliteWriteLock(file: string): AsyncMutex {
  if (file === SQLITE_MEMORY) return new AsyncMutex();
  let lock = locks.get(file);
  if (lock === undefined) {
    lock = new AsyncMutex();
    locks.set(file, lock);
  }
  return lock;
}
