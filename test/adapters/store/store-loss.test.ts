// PostgreSQL going away under a running server: a connection killed in the middle of a transaction
// (pg_terminate_backend while the store waits on a row lock), then the database unreachable (a proxy stopped). The
// process survives (no unhandled 'error' event), store calls fail with LicenseDoctorError `unavailable`, /readyz
// answers 503, and once the database is back everything works again, with the audit log intact.
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { createRequestStore } from '../../../src/adapters/store/create-request-store.ts';
import { eventChannelName } from '../../../src/adapters/store/postgres-event-channel.ts';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.ts';

const DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `ld_loss_${process.pid}_${randomBytes(3).toString('hex')}`;
const appName = `ld_loss_${randomBytes(4).toString('hex')}`;
const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 3 });
let proxy: TcpProxy;

beforeAll(async () => {
  const target = new URL(DATABASE_URL);
  proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
});
afterAll(async () => {
  await proxy.close();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
});

const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
const readyz = async (url: string) => (await fetch(`${url}/readyz`).catch(() => null))?.status ?? 0;

test('a server survives its PostgreSQL connection dropping mid-transaction and the database going away, and recovers', async () => {
  const url = new URL(DATABASE_URL);
  url.host = `127.0.0.1:${proxy.port}`;
  url.searchParams.set('application_name', appName);
  const requestId = randomUUID();
  const env = { ...process.env, NODE_COMPILE_CACHE: join(tmpdir(), 'license-doctor-test-compile-cache') };
  const child = spawn(process.execPath, [`${__dirname}/store-loss-process.ts`, url.toString(), schema, requestId], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const lines = () => out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  const replies = () => lines().filter((l) => 'cas' in l || 'error' in l);
  const reply = async (command: string) => {
    const seen = replies().length;
    child.stdin.write(`${command}\n`);
    await until(`a reply to ${command} (stderr: ${err})`, async () => replies().length > seen);
    return replies()[seen];
  };
  await until(`the server to start (stderr: ${err})`, async () => lines().some((l) => 'url' in l), 60_000);
  const server = String(lines().find((l) => 'url' in l)?.['url']);
  expect(await readyz(server)).toBe(200);
  // Request events from another process arrive (the server's LISTEN connection), and again after each loss below.
  let notices = 0;
  const hearsOthers = async (label: string) => {
    const change = `${label}-${++notices}`;
    const message = JSON.stringify({ o: 'another-process', p: JSON.stringify({ type: 'request-changed', requestId, change }) });
    await until(`a request event to arrive (${label})`, async () => {
      await admin.query('SELECT pg_notify($1, $2)', [eventChannelName(schema), message]);
      return lines().some((l) => l['remote'] === change);
    });
  };
  await hearsOthers('before');

  // 1. The store's connection is terminated while its transaction waits on a row lock held here.
  const holder = await admin.connect();
  try {
    await holder.query('BEGIN');
    await holder.query(`SELECT id FROM "${schema}".requests WHERE id = $1 FOR UPDATE`, [requestId]);
    const pending = reply('cas');
    await until('the store to wait on the row lock', async () =>
      Number((await admin.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'", [appName])).rows[0]?.n) > 0);
    const killed = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [appName]);
    expect(killed.rowCount).toBeGreaterThan(0);
    expect(await pending).toEqual({ error: 'unavailable' });
  } finally {
    await holder.query('ROLLBACK');
    holder.release();
  }
  expect(await reply('cas')).toEqual({ cas: true });
  await hearsOthers('after the backends were terminated');

  // 2. The database goes away: calls fail as `unavailable`, readiness says 503; then it comes back.
  await proxy.stop();
  await until('/readyz to answer 503', async () => (await readyz(server)) === 503);
  expect(await reply('cas')).toEqual({ error: 'unavailable' });
  await proxy.start();
  await until('/readyz to answer 200 again', async () => (await readyz(server)) === 200);
  expect(await reply('cas')).toEqual({ cas: true });
  await hearsOthers('after the database came back');

  child.stdin.end('exit\n');
  expect(await exited).toBe(0);
  expect(err).not.toMatch(/Unhandled|uncaught|Error:/i);

  const store = await createRequestStore(DATABASE_URL, { schema });
  await store.migrate();
  expect((await store.get(requestId))?.version).toBe(3);
  expect((await store.audit({ requestId })).map((e) => e.data['version'])).toEqual([1, 2, 3]);
  expect(await store.verifyAudit()).toMatchObject({ kind: 'intact', requests: 1 });
  await store.close();
}, 120_000);
