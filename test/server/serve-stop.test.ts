// A stop signal ends `license-doctor serve` at once at any point of start-up: while modules load, while the sandbox
// and the store open, while PostgreSQL never answers, while a migration waits for another instance's lock, while the
// surfaces load, and while Slack never answers the start-up check. The process runs for real; SIGTERM is sent once
// the process is seen in that phase, and the exit must follow within 2 s (a failure guard, printed as a figure).
// The sandbox and surfaces phases take a few hundred milliseconds, so the signal may land just after them; the
// PostgreSQL, migration and Slack phases are held open by the test, so the signal certainly lands inside them.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { BIN, cliDataDir, cliEnv, ROOT } from '../support/run-cli-process.ts';

jest.setTimeout(60_000);

const DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Kysely's PostgreSQL migration lock (kysely/dist/dialect/postgres/postgres-adapter.js). */
const KYSELY_MIGRATION_LOCK = '3853314791062309107';
const EXIT_GUARD_MS = 2_000;

interface Serve {
  /** Resolves once stdout or stderr has matched `pattern`. */
  seen(pattern: RegExp): Promise<void>;
  /** Sends SIGTERM; resolves with how the process ended and how long it took. */
  terminate(): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number; output: string }>;
}

function startServe(env: Record<string, string>): Serve {
  const child = spawn(process.execPath, [BIN, 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const watchers: Array<{ pattern: RegExp; resolve: () => void }> = [];
  const onData = (d: Buffer) => {
    output += d.toString();
    for (const w of watchers.splice(0)) {
      if (w.pattern.test(output)) w.resolve();
      else watchers.push(w);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    seen: (pattern) => new Promise<void>((resolve, reject) => {
      if (pattern.test(output)) return resolve();
      watchers.push({ pattern, resolve });
      void exited.then(() => reject(new Error(`serve exited before ${pattern}: ${output}`)));
    }),
    terminate: async () => {
      const sent = performance.now();
      child.kill('SIGTERM');
      const guard = setTimeout(() => child.kill('SIGKILL'), EXIT_GUARD_MS * 5);
      const end = await exited;
      clearTimeout(guard);
      return { ...end, ms: Math.round(performance.now() - sent), output };
    },
  };
}

/** Sends SIGTERM and expects the exit within the guard; `hanging`: start-up was certainly stuck in that phase. */
async function expectPromptExit(serve: Serve, phase: string, hanging = false): Promise<void> {
  const end = await serve.terminate();
  process.stdout.write(`serve-stop: ${phase}: exited ${end.ms} ms after SIGTERM (code ${end.code}, signal ${end.signal})\n`);
  expect(end.ms).toBeLessThan(EXIT_GUARD_MS);
  // During start-up the signal keeps its default action; once serving, the graceful stop ends with 0.
  expect(end.code === 0 || end.signal === 'SIGTERM').toBe(true);
  if (hanging) {
    expect(end.output).not.toMatch(/is running on/);
    expect(end.signal).toBe('SIGTERM');
  }
}

const env = (extra: Record<string, string> = {}) => cliEnv(cliDataDir(), { PORT: '0', LOG_LEVEL: 'debug', ...extra });

test('while modules load (right after the process starts)', async () => {
  const serve = startServe(env());
  await expectPromptExit(serve, 'loading');
});

test('while the sandbox tenant and the store open', async () => {
  const serve = startServe(env());
  await serve.seen(/"phase":"runtime"/);
  await expectPromptExit(serve, 'sandbox and store');
});

test('while the surfaces load', async () => {
  const serve = startServe(env());
  await serve.seen(/"phase":"server"/);
  await expectPromptExit(serve, 'surfaces');
});

test('while PostgreSQL accepts the connection and never answers', async () => {
  const sockets: Socket[] = [];
  let connected!: () => void;
  const reached = new Promise<void>((resolve) => (connected = resolve));
  const silent = createTcpServer((socket) => {
    sockets.push(socket);
    connected();
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  try {
    const port = (silent.address() as AddressInfo).port;
    const serve = startServe(env({ DATABASE_URL: `postgres://ld@127.0.0.1:${port}/license_doctor` }));
    await reached;
    await expectPromptExit(serve, 'store connection', true);
  } finally {
    for (const s of sockets) s.destroy();
    silent.close();
  }
});

test('while a migration waits for another instance holding the migration lock', async () => {
  const database = `ld_stop_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(DATABASE_URL);
  url.pathname = `/${database}`;
  const holder = new pg.Client({ connectionString: url.toString() });
  try {
    await holder.connect();
    await holder.query(`SELECT pg_advisory_lock(${KYSELY_MIGRATION_LOCK})`);
    const serve = startServe(env({ DATABASE_URL: url.toString() }));
    const waiting = async (): Promise<void> => {
      for (;;) {
        const { rows } = await admin.query<{ n: string }>(
          "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'license-doctor' AND wait_event_type = 'Lock'",
          [database],
        );
        if (Number(rows[0]?.n) > 0) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await waiting();
    await expectPromptExit(serve, 'migration lock', true);
  } finally {
    await holder.end();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
});

test('while Slack never answers the start-up check', async () => {
  const methods: string[] = [];
  let asked!: () => void;
  const reached = new Promise<void>((resolve) => (asked = resolve));
  // Takes each request and never answers it: a Slack behind a black-holing proxy.
  const silent = createHttpServer((req) => {
    methods.push(req.url ?? '');
    asked();
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  try {
    const apiUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/api/`;
    const serve = startServe(env({ SLACK_BOT_TOKEN: 'xoxb-1-2-stop', SLACK_SIGNING_SECRET: 'f'.repeat(32), SLACK_APPROVALS_CHANNEL: 'C0APPROVALS', SLACK_API_URL: apiUrl }));
    await reached;
    expect(methods).toEqual(['/api/auth.test']);
    await expectPromptExit(serve, 'Slack check', true);
  } finally {
    silent.closeAllConnections();
    silent.close();
  }
});
