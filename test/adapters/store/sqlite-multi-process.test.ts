// Several processes on one SQLite file: migrations, create, compare-and-set, leases and audit appends stay correct
// across processes (SQLite's file lock and busy_timeout), not just across connections of one process.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createRequestStore } from '../../../src/adapters/store/create-request-store.ts';

const run = promisify(execFile);
/** The children start faster from the compile cache, well before the moment they race at. */
const COMPILE_CACHE = join(tmpdir(), 'license-doctor-test-compile-cache');
const dir = mkdtempSync(join(tmpdir(), 'ld-sqlite-processes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('4 processes racing on one file: one creator, one CAS winner, one lease owner, one intact audit chain', async () => {
  const file = join(dir, 'shared.sqlite');
  const requestId = randomUUID();
  const startAt = String(Date.now() + 1_500);
  const script = join(__dirname, 'sqlite-store-process.ts');
  const outputs = await Promise.all([1, 2, 3, 4].map((n) =>
    run(process.execPath, [script, file, String(n), requestId, '25', startAt], { timeout: 20_000, env: { ...process.env, NODE_COMPILE_CACHE: COMPILE_CACHE } })));
  const results = outputs.map((o) => JSON.parse(o.stdout) as { created: boolean; cas: boolean; lease: boolean });
  expect(results.filter((r) => r.created)).toHaveLength(1);
  expect(results.filter((r) => r.cas)).toHaveLength(1);
  expect(results.filter((r) => r.lease)).toHaveLength(1);

  const store = await createRequestStore(`sqlite:${file}`);
  await store.migrate();
  expect(await store.verifyAudit()).toEqual({ kind: 'intact', entries: 100 });
  expect((await store.audit()).map((e) => e.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  expect((await store.get(requestId))?.version).toBe(2);
  await store.close();
}, 30_000);
