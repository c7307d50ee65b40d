// The two stores a multi-instance test runs on: one SQLite file and one PostgreSQL schema (TEST_DATABASE_URL), each
// shared by every runtime the test starts; both removed after the file's tests.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestRuntimeOptions } from './test-runtime.ts';

const DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** `[label, store options]` for describe.each; `labels` name the SQLite and the PostgreSQL case. Registers the clean-up. */
export function sharedStores(prefix: string, labels: readonly [string, string] = ['SQLite', 'PostgreSQL']): ReadonlyArray<readonly [string, TestRuntimeOptions]> {
  const schema = `ld_${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), `ld-${prefix}-`));
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });
  return [
    [labels[0], { databaseUrl: `sqlite:${join(dir, 'shared.sqlite')}` }],
    [labels[1], { databaseUrl: DATABASE_URL, databaseSchema: schema }],
  ];
}
