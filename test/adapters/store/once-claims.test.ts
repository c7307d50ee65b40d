// claimOnce: a key is claimed once within its time across every store instance (three stores on one SQLite file,
// three on one PostgreSQL schema), claimed again once it lapsed, and lapsed claims are pruned.
// PostgreSQL runs on these machines; if it is down: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createRequestStore } from '../../../src/adapters/store/create-request-store.ts';
import type { RequestStore } from '../../../src/core/ports/request-store.ts';

const DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = `ld_once_${process.pid}_${randomBytes(4).toString('hex')}`;
const dir = mkdtempSync(join(tmpdir(), 'ld-once-'));
const file = join(dir, 'store.sqlite');
const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await admin.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
  await admin.end();
});

/** The keys in the table, read beside the store (to see what is stored and what was pruned). */
async function sqliteKeys(): Promise<string[]> {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT key FROM once_claims ORDER BY key').all() as Array<{ key: string }>).map((r) => r.key);
  } finally {
    db.close();
  }
}
const postgresKeys = async (): Promise<string[]> =>
  (await admin.query(`SELECT key FROM "${SCHEMA}".once_claims ORDER BY key`)).rows.map((r: { key: string }) => r.key);

const engines: ReadonlyArray<readonly [string, () => Promise<RequestStore>, () => Promise<string[]>]> = [
  ['SQLite', () => createRequestStore(`sqlite:${file}`), sqliteKeys],
  ['PostgreSQL', () => createRequestStore(DATABASE_URL, { schema: SCHEMA }), postgresKeys],
];

describe.each(engines)('%s', (_name, open, keys) => {
  const stores: RequestStore[] = [];
  beforeAll(async () => {
    const first = await open();
    await first.migrate();
    stores.push(first, await open(), await open());
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
  });
  const T0 = Date.parse('2026-12-03T12:00:00.000Z');
  const TTL = 300_000;

  test('50 concurrent claims of one key from three stores: exactly one wins', async () => {
    const claims = await Promise.all(Array.from({ length: 50 }, (_, i) => stores[i % stores.length]?.claimOnce('k:concurrent', T0, TTL)));
    expect(claims.filter((c) => c === true)).toHaveLength(1);
    expect(claims.filter((c) => c === false)).toHaveLength(49);
  });

  test('a claim holds for its time on every store, other keys are independent, and a lapsed claim is taken again once', async () => {
    const [a, b, c] = stores;
    if (!a || !b || !c) throw new Error('three stores');
    expect(await a.claimOnce('k:window', T0, TTL)).toBe(true);
    expect(await b.claimOnce('k:window', T0 + TTL - 1, TTL)).toBe(false);
    expect(await c.claimOnce('k:other', T0 + 1, TTL)).toBe(true);
    const later = await Promise.all([a, b, c, a].map((s) => s.claimOnce('k:window', T0 + TTL, TTL)));
    expect(later.filter(Boolean)).toHaveLength(1);
    expect(await c.claimOnce('k:window', T0 + 2 * TTL - 1, TTL)).toBe(false);
  });

  test('lapsed claims are pruned; live ones stay', async () => {
    const [a] = stores;
    if (!a) throw new Error('a store');
    const far = T0 + 100 * TTL;
    expect(await a.claimOnce('k:live', far, TTL)).toBe(true);
    await a.claimOnce('k:prune', far + 10 * TTL, TTL);
    expect(await keys()).toEqual(['k:prune']);
  });

  test('a misuse is refused before the database', async () => {
    await expect(stores[0]?.claimOnce('', T0, TTL)).rejects.toMatchObject({ code: 'store', details: { reason: 'invalid-argument' } });
    await expect(stores[0]?.claimOnce('k', T0, 0)).rejects.toMatchObject({ code: 'store', details: { reason: 'invalid-argument' } });
  });
});

test('a store that ran the later migrations first (0011 landed after 0016) gets once_claims on its next migrate', async () => {
  const late = join(dir, 'late.sqlite');
  const first = await createRequestStore(`sqlite:${late}`);
  await first.migrate();
  await first.close();
  const db = new Database(late);
  db.exec("DROP TABLE once_claims; DELETE FROM license_doctor_migration WHERE name = '0011-create-once-claims'");
  db.close();
  const store = await createRequestStore(`sqlite:${late}`);
  try {
    await store.migrate();
    expect(await store.claimOnce('k:late', Date.now(), 1_000)).toBe(true);
  } finally {
    await store.close();
  }
});
