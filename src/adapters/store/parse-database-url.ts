// DATABASE_URL, understood: which engine, where, and how to name it in messages without its password.
import { isAbsolute, resolve } from 'node:path';
import { LicenseDoctorError } from '../../core/errors.ts';

/** Where the store lives; `display` is safe to show (it never contains the password). */
export type DatabaseTarget =
  | { readonly kind: 'sqlite'; readonly file: string; readonly display: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly display: string; readonly secrets: readonly string[] };

/** The SQLite file name of an in-memory database. */
export const SQLITE_MEMORY = ':memory:';

const usage = 'DATABASE_URL must be sqlite:<file> (e.g. sqlite:./data/license-doctor.sqlite), sqlite::memory:, or postgres://user:password@host:5432/database.';

/** Parses DATABASE_URL; a relative SQLite path is resolved against `cwd`. */
export function parseDatabaseUrl(databaseUrl: string, cwd: string): DatabaseTarget {
  const url = databaseUrl.trim();
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path === SQLITE_MEMORY) return { kind: 'sqlite', file: SQLITE_MEMORY, display: 'SQLite in memory' };
    if (path === '') throw new LicenseDoctorError('configuration', `DATABASE_URL names no SQLite file. ${usage}`);
    const file = isAbsolute(path) ? path : resolve(cwd, path);
    return { kind: 'sqlite', file, display: `SQLite file ${file}` };
  }
  if (/^postgres(ql)?:\/\//i.test(url)) return postgresTarget(url);
  throw new LicenseDoctorError('configuration', `DATABASE_URL has an unknown scheme. ${usage}`, { scheme: url.split(':')[0] ?? '' });
}

function postgresTarget(url: string): DatabaseTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (err) {
    throw new LicenseDoctorError('configuration', `DATABASE_URL is not a valid URL. ${usage}`, {}, { cause: err instanceof Error ? err.name : 'invalid URL' });
  }
  const password = safeDecode(parsed.password);
  const user = safeDecode(parsed.username);
  const database = safeDecode(parsed.pathname.replace(/^\//, ''));
  const display = `PostgreSQL ${user === '' ? '' : `${user}@`}${parsed.host}/${database}`;
  const secrets = [password, parsed.password].filter((s) => s !== '');
  return { kind: 'postgres', url, display, secrets };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    // A malformed escape is not worth refusing the URL for; pg parses it its own way.
    return value;
  }
}
