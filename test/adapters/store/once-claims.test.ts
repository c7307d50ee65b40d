// claimOnce on a SQLite store that ran later migrations before 0011 (once_claims) landed; the Claims contract on
// SQLite and PostgreSQL is in test/contracts/claims.contract.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createRequestStore } from '../../../src/adapters/store/create-request-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'ld-once-'));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
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
