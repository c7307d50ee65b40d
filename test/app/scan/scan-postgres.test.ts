// The scan store on PostgreSQL: the same report as on SQLite, the lease refuses a second owner, and a stopped scan resumes
// from its staged pages on both engines.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { runScan } from '../../../src/app/scan/run-scan.ts';
import { scanRows } from '../../../src/app/scan/scan-report.ts';
import type { ScanUserRow } from '../../../src/core/model/scan.ts';
import { startScanHarness, type ScanHarness } from './scan-harness.ts';

const DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = `ld_scan_${process.pid}_${randomBytes(4).toString('hex')}`;

let postgres: ScanHarness;
let sqlite: ScanHarness;
beforeAll(async () => {
  const now = new Date();
  postgres = await startScanHarness({ users: 200, seed: 5, now, databaseUrl: DATABASE_URL, schema: SCHEMA });
  sqlite = await startScanHarness({ users: 200, seed: 5, now });
});
afterAll(async () => {
  await postgres.close();
  await sqlite.close();
  const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
  await admin.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
  await admin.end();
});

async function rowsOf(h: ScanHarness): Promise<ScanUserRow[]> {
  const outcome = await runScan(h.scanDeps());
  if (outcome.kind !== 'finished') throw new Error('scan did not run');
  const rows: ScanUserRow[] = [];
  for await (const row of scanRows(h.store, outcome.run)) rows.push(row);
  return rows;
}

it('gives the same report on PostgreSQL as on SQLite', async () => {
  const [a, b] = await Promise.all([rowsOf(postgres), rowsOf(sqlite)]);
  expect(a.length).toBe(201);
  // Both report orders are by lower-case user name (PostgreSQL collation may differ; compare as sets).
  const key = (r: ScanUserRow) => r.userPrincipalName;
  expect([...a].sort((x, y) => key(x).localeCompare(key(y)))).toEqual([...b].sort((x, y) => key(x).localeCompare(key(y))));
}, 120_000);

it.each(['postgres', 'sqlite'] as const)('holds the scan lease for one owner at a time, naming who started the scan (%s)', async (engine) => {
  const h = engine === 'postgres' ? postgres : sqlite;
  const now = Date.now();
  expect(await h.store.acquireScanLease('instance-a', now, 10_000, 'Allan Deyoung')).toBe(true);
  expect(await h.store.acquireScanLease('instance-b', now + 1, 10_000, 'Patti Fernandez')).toBe(false);
  expect(await h.store.scanLeaseHolder(now + 2)).toEqual({ startedBy: 'Allan Deyoung', untilMs: now + 10_000 });
  expect(await runScan(h.scanDeps({ owner: 'instance-c', clock: { now: () => now + 3 } }))).toEqual({ kind: 'busy', startedBy: 'Allan Deyoung' });
  // A lapsed lease is nobody's; the next owner's scan is named after them (or nobody when not known).
  expect(await h.store.scanLeaseHolder(now + 10_001)).toBeNull();
  expect(await h.store.acquireScanLease('instance-b', now + 20_000, 10_000)).toBe(true);
  expect(await h.store.scanLeaseHolder(now + 20_001)).toEqual({ startedBy: null, untilMs: now + 30_000 });
  await h.store.releaseScanLease('instance-b');
  expect(await h.store.scanLeaseHolder(now + 20_002)).toBeNull();
  expect(await h.store.acquireScanLease('instance-a', now + 20_001, 10_000)).toBe(true);
  await h.store.releaseScanLease('instance-a');
});

it.each([
  ['postgres', 'in memory', null], ['sqlite', 'in memory', null], ['postgres', 'spilled to the store', 8_000], ['sqlite', 'spilled to the store', 8_000],
] as const)('resumes a scan stopped mid-way from its staged pages, with the report of an uninterrupted one (%s, waiting users %s)', async (engine, _how, budget) => {
  const h = engine === 'postgres' ? postgres : sqlite;
  const settings = budget === null ? {} : { waitingBudgetBytes: budget };
  const stop = new AbortController();
  const stopped = runScan(h.scanDeps({ settings, stopSignal: stop.signal, onProgress: (p) => (p.oktaPages + p.entraPages >= 3 ? stop.abort() : undefined) }));
  await expect(stopped).rejects.toMatchObject({ code: 'unavailable' });
  const unfinished = await h.store.unfinishedScan();
  if (!unfinished) throw new Error('no unfinished scan');
  expect(await h.store.stagedPages(unfinished.id, null, 100)).not.toHaveLength(0);
  expect(await h.store.hasSpilled(unfinished.id)).toBe(budget !== null);
  const resumed = await runScan(h.scanDeps({ settings }));
  if (resumed.kind !== 'finished') throw new Error('scan did not run');
  expect(resumed.resumed).toBe(true);
  const afterResume: ScanUserRow[] = [];
  for await (const row of scanRows(h.store, resumed.run)) afterResume.push(row);
  if (resumed.waiting.peakBytes > (budget ?? Infinity)) throw new Error(`held ${resumed.waiting.peakBytes} bytes over a budget of ${budget}`);
  // The staged pages and spilled users go once the scan is finished.
  expect(await h.store.stagedPages(resumed.run.id, null, 100)).toEqual([]);
  expect(await h.store.hasSpilled(resumed.run.id)).toBe(false);
  expect(afterResume).toEqual(await rowsOf(h));
}, 120_000);
