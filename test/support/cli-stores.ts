// The two stores a CLI process and servers can share in a cross-process test: a PostgreSQL database of the file's own
// (the CLI has no schema setting; dropped after the file) and a SQLite file in a CLI data folder (removed after it).
// Each engine gives a fresh data folder and the store's URL; they are independent, so a file can run both at once.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { cliDataDir } from './run-cli-process.ts';

const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export type CliStore = () => Promise<{ readonly dir: string; readonly url: string }>;

/** [name, store] for PostgreSQL (carried by NOTIFY) and SQLite (a polled table); registers the clean-up with afterAll. */
export function cliStores(prefix: string): Array<[string, CliStore]> {
  const database = `${prefix}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
  const dirs: string[] = [];
  const folder = () => {
    const dir = cliDataDir();
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
    dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  });
  return [
    ['PostgreSQL (LISTEN/NOTIFY)', async () => {
      await admin.query(`CREATE DATABASE "${database}"`);
      const url = new URL(TEST_DATABASE_URL);
      url.pathname = `/${database}`;
      return { dir: folder(), url: url.toString() };
    }],
    ['SQLite (polled events table)', async () => {
      const dir = folder();
      return { dir, url: `sqlite:${join(dir, 'store.sqlite')}` };
    }],
  ];
}

/** Polls `check` every 100 ms until it holds; throws naming `what` after `timeoutMs`. */
export async function until(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
