// Every store port's contract on SQLite: a temp file (several instances, separate connections), the same through the
// lazy store, and in memory.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AsyncMutex } from '../../../src/adapters/store/async-mutex.ts';
import { cachedStatements } from '../../../src/adapters/store/cached-statements.ts';
import { createRequestStore } from '../../../src/adapters/store/create-request-store.ts';
import { KyselyRequestStore } from '../../../src/adapters/store/kysely-request-store.ts';
import { lazyRequestStore } from '../../../src/adapters/store/lazy-request-store.ts';
import { sqliteEngine } from '../../../src/adapters/store/sqlite-engine.ts';
import { storeContracts, type StoreTarget } from '../../contracts/store-contract.ts';
import { licenseRequest } from '../../contracts/request-store-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'ld-sqlite-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Raw SQL on `database`, through the store's statement cache (see cached-statements.ts for why). */
function rawSql(database: Database.Database) {
  const statements = cachedStatements(database);
  return async (statement: string): Promise<Array<Record<string, unknown>>> => {
    const stmt = statements.prepare(statement);
    if (stmt.reader) return stmt.all([]) as Array<Record<string, unknown>>;
    stmt.run([]);
    return [];
  };
}

describe('SQLite file', () => {
  const raws: Database.Database[] = [];
  let n = 0;
  storeContracts({
    multiInstance: true,
    newTarget: async (): Promise<StoreTarget> => {
      const file = join(dir, `contract-${++n}.sqlite`);
      const raw = new Database(file);
      raws.push(raw);
      return { open: (options = {}) => createRequestStore(`sqlite:${file}`, options), sql: rawSql(raw) };
    },
    cleanup: async () => raws.forEach((r) => r.close()),
  });
});

// What the CLI opens (main.ts, storeOnDemand): every port through the lazy store, which opens the file on first use.
describe('SQLite file through the lazy store', () => {
  const raws: Database.Database[] = [];
  let n = 0;
  storeContracts({
    multiInstance: true,
    newTarget: async (): Promise<StoreTarget> => {
      const file = join(dir, `lazy-${++n}.sqlite`);
      const raw = new Database(file);
      raws.push(raw);
      return { open: async (options = {}) => lazyRequestStore(() => createRequestStore(`sqlite:${file}`, options)), sql: rawSql(raw) };
    },
    cleanup: async () => raws.forEach((r) => r.close()),
  });
});

describe('SQLite in memory', () => {
  storeContracts({
    multiInstance: false,
    newTarget: async (): Promise<StoreTarget> => {
      const database = new Database(':memory:');
      let opened = false;
      return {
        // One database, one connection: the store and the raw SQL share the handle.
        open: async (options = {}) => {
          if (opened) throw new Error('an in-memory database has one instance');
          opened = true;
          return new KyselyRequestStore(sqliteEngine(database, 'SQLite in memory', new AsyncMutex()), options);
        },
        sql: rawSql(database),
      };
    },
    cleanup: async () => undefined,
  });
});

describe('createRequestStore on SQLite', () => {
  test('sqlite::memory: gives a working, private store', async () => {
    const [a, b] = [await createRequestStore('sqlite::memory:'), await createRequestStore('sqlite::memory:')];
    await Promise.all([a.migrate(), b.migrate()]);
    const request = licenseRequest();
    await a.create(request);
    expect(await a.get(request.id)).toStrictEqual(request);
    expect(await b.get(request.id)).toBeNull();
    await Promise.all([a.close(), b.close()]);
  });

  test('creates the folders of the file, and keeps the data in WAL mode with a busy timeout', async () => {
    const file = join(dir, 'nested', 'deeper', 'license-doctor.sqlite');
    const store = await createRequestStore(`sqlite:${file}`);
    await store.migrate();
    const request = licenseRequest();
    await store.create(request);
    await store.close();
    expect(existsSync(file)).toBe(true);
    const raw = new Database(file, { readonly: true });
    const sql = rawSql(raw);
    expect(await sql('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await sql('SELECT id FROM requests')).toEqual([{ id: request.id }]);
    raw.close();
    const reopened = await createRequestStore(`sqlite:${file}`);
    await reopened.migrate();
    expect(await reopened.get(request.id)).toStrictEqual(request);
    await reopened.close();
  });

  test('a file that cannot be created is a store error that says what to check', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    await expect(createRequestStore(`sqlite:${join(blocker, 'x.sqlite')}`)).rejects.toMatchObject({ code: 'store', message: expect.stringMatching(/folder/) });
  });

  test('a file that is not a database is reported as such by migrate', async () => {
    const file = join(dir, 'garbage.sqlite');
    writeFileSync(file, 'x'.repeat(4096));
    const store = await createRequestStore(`sqlite:${file}`).catch((err: unknown) => err);
    const failure = store instanceof KyselyRequestStore ? await store.migrate().catch((err: unknown) => err) : store;
    expect(failure).toMatchObject({ code: 'store', message: expect.stringMatching(/not a valid SQLite database/), details: { vendorCode: 'SQLITE_NOTADB' } });
    if (store instanceof KyselyRequestStore) {
      expect(await store.ping()).toBe(false);
      await store.close();
    }
  });
});
