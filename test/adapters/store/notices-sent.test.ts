// claimNotice: a notice key is claimed once across every store connection (two stores on one SQLite file, two on one
// PostgreSQL schema), so two instances never send the same reminder twice.
// PostgreSQL runs on these machines; if it is down: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createRequestStore } from '../../../src/adapters/store/create-request-store.ts';
import type { RequestStore } from '../../../src/core/ports/request-store.ts';

const DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = `ld_notices_${process.pid}_${randomBytes(4).toString('hex')}`;
const dir = mkdtempSync(join(tmpdir(), 'ld-notices-'));

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
  await admin.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
  await admin.end();
});

const engines: ReadonlyArray<readonly [string, () => Promise<RequestStore>]> = [
  ['SQLite', () => createRequestStore(`sqlite:${join(dir, 'store.sqlite')}`)],
  ['PostgreSQL', () => createRequestStore(DATABASE_URL, { schema: SCHEMA })],
];

test.each(engines)('%s: the first claim of a key wins, on any connection; other keys are independent', async (_name, open) => {
  const a = await open();
  await a.migrate();
  const b = await open();
  try {
    const at = '2026-12-03T12:00:00.000Z';
    const claims = await Promise.all([a, b, a, b].map((s) => s.claimNotice('reminder:slack:LD-2222-AAAA', at)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await b.claimNotice('reminder:teams:LD-2222-AAAA', at)).toBe(true);
    expect(await a.claimNotice('reminder:teams:LD-2222-AAAA', at)).toBe(false);
  } finally {
    await a.close();
    await b.close();
  }
});
