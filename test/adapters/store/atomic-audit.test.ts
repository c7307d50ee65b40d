// A state change and its audit entries commit together or not at all: a real child process is SIGKILLed inside
// compareAndSet's transaction (after the request row is updated and before its audit entry; on PostgreSQL also after
// the audit entry is inserted and before COMMIT; and at random moments of a busy loop), on SQLite and PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createRequestStore } from '../../../src/adapters/store/create-request-store.ts';

const DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCRIPT = join(__dirname, 'atomic-audit-process.ts');
const dir = mkdtempSync(join(tmpdir(), 'ld-atomic-audit-'));
const schema = `ld_atomic_${process.pid}_${randomBytes(3).toString('hex')}`;
const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 3 });
afterAll(async () => {
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
  rmSync(dir, { recursive: true, force: true });
});

interface Child {
  readonly process: ChildProcess;
  /** Resolves with the first stdout line that has `key`. */
  line(key: string): Promise<Record<string, unknown>>;
  /** Resolves with the exit signal (or code) once the process ended. */
  readonly ended: Promise<string>;
}

function start(url: string, requestId: string, mode: string): Child {
  // The compile cache spares each of the eleven children compiling the store's modules again.
  const env = { ...process.env, NODE_COMPILE_CACHE: join(tmpdir(), 'license-doctor-test-compile-cache') };
  const child = spawn(process.execPath, [SCRIPT, url, schema, requestId, mode], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiting: Array<() => void> = [];
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    waiting.splice(0).forEach((w) => w());
  });
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const ended = new Promise<string>((resolve) => child.on('close', (code, signal) => resolve(signal ?? `exit ${code} ${err}`)));
  const line = (key: string) => new Promise<Record<string, unknown>>((resolve, reject) => {
    const look = () => {
      const found = out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => key in l);
      if (found) resolve(found);
      else waiting.push(look);
    };
    void ended.then((how) => reject(new Error(`the process ended (${how}) before printing ${key}`)));
    look();
  });
  return { process: child, line, ended };
}

/** The stored version of the request and the versions its audit entries recorded: equal when nothing was torn apart. */
async function bothOrNeither(url: string, requestId: string): Promise<{ version: number; audited: number[] }> {
  const store = await createRequestStore(url, { schema });
  await store.migrate();
  try {
    const version = (await store.get(requestId))?.version ?? 0;
    const audited = (await store.audit({ requestId })).map((e) => Number(e.data['version']));
    expect(audited).toEqual(Array.from({ length: version }, (_, i) => i + 1));
    expect(await store.verifyAudit()).toMatchObject({ kind: 'intact' });
    return { version, audited };
  } finally {
    await store.close();
  }
}

describe.each([
  ['SQLite', () => `sqlite:${join(dir, 'atomic.sqlite')}`],
  ['PostgreSQL', () => DATABASE_URL],
])('%s', (_engine, url) => {
  const requestId = randomUUID();

  test('killed after the row is updated and before its audit entry: neither is stored', async () => {
    const child = start(url(), requestId, 'kill-in-cas');
    expect(await child.ended).toBe('SIGKILL');
    expect(await bothOrNeither(url(), requestId)).toEqual({ version: 1, audited: [1] });
  }, 30_000);

  test('not killed: both are stored', async () => {
    const child = start(url(), requestId, 'cas');
    expect(await child.line('cas')).toEqual({ cas: true });
    await child.ended;
    expect(await bothOrNeither(url(), requestId)).toEqual({ version: 2, audited: [1, 2] });
  }, 30_000);

  test.each([150, 400, 900])('killed at a random moment of a busy loop (after %i ms): every stored version has its entry and no more', async (delayMs) => {
    const child = start(url(), requestId, 'loop');
    const before = Number((await child.line('ready'))['ready']);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    child.process.kill('SIGKILL');
    expect(await child.ended).toBe('SIGKILL');
    const { version } = await bothOrNeither(url(), requestId);
    expect(version).toBeGreaterThan(before);
  }, 30_000);
});

test('PostgreSQL: killed after the audit entry is inserted and before COMMIT: neither is stored', async () => {
  const requestId = randomUUID();
  const prepared = start(DATABASE_URL, requestId, 'cas');
  await prepared.ended;
  await bothOrNeither(DATABASE_URL, requestId);
  // A trigger makes the insert into audit_log wait on an advisory lock this test holds: the child's transaction then
  // sits after its audit insert, with COMMIT not yet sent.
  const lockKey = 1_000_000 + Math.floor(Math.random() * 1_000_000_000);
  await admin.query(`CREATE OR REPLACE FUNCTION "${schema}".ld_pause() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_advisory_xact_lock(${lockKey}); RETURN NEW; END $$`);
  await admin.query(`CREATE TRIGGER ld_pause AFTER INSERT ON "${schema}".audit_log FOR EACH ROW EXECUTE FUNCTION "${schema}".ld_pause()`);
  const holder = await admin.connect();
  try {
    await holder.query('SELECT pg_advisory_lock($1)', [lockKey]);
    const child = start(DATABASE_URL, requestId, 'cas');
    await child.line('ready');
    for (let waiting = 0; waiting === 0; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const { rows } = await admin.query<{ n: string }>("SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = $1", [lockKey]);
      waiting = Number(rows[0]?.n ?? 0);
    }
    child.process.kill('SIGKILL');
    expect(await child.ended).toBe('SIGKILL');
    await holder.query('SELECT pg_advisory_unlock($1)', [lockKey]);
    // The dead client's transaction ends when its backend notices the closed socket; its EXCLUSIVE lock goes with it.
    await holder.query('BEGIN');
    await holder.query("SET LOCAL lock_timeout = '10s'");
    await holder.query(`LOCK TABLE "${schema}".audit_log IN EXCLUSIVE MODE`);
    await holder.query('COMMIT');
  } finally {
    holder.release();
    await admin.query(`DROP TRIGGER IF EXISTS ld_pause ON "${schema}".audit_log`);
  }
  expect(await bothOrNeither(DATABASE_URL, requestId)).toEqual({ version: 2, audited: [1, 2] });
}, 30_000);
