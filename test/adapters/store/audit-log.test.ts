// verifyAuditLog reads the chain in pages; small pages put the breaks on and around page boundaries.
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { AsyncMutex } from '../../../src/adapters/store/async-mutex.ts';
import { appendAuditEntry, verifyAuditLog } from '../../../src/adapters/store/audit-log.ts';
import { sqliteEngine } from '../../../src/adapters/store/sqlite-engine.ts';
import type { StoreEngine } from '../../../src/adapters/store/store-engine.ts';

let engine: StoreEngine;

beforeEach(async () => {
  engine = sqliteEngine(new Database(':memory:'), 'SQLite in memory', new AsyncMutex());
  await engine.migrate();
  for (let n = 1; n <= 7; n++) {
    await appendAuditEntry(engine, { at: `2026-05-07T12:00:0${n}.000Z`, action: 'test', actor: 'system', actorDetail: {}, requestId: null, data: { n } });
  }
});

afterEach(() => engine.close());

test.each([1, 3, 7, 100])('an intact chain of 7 reads as intact with pages of %i', async (pageSize) => {
  expect(await verifyAuditLog(engine.db, pageSize)).toEqual({ kind: 'intact', entries: 7 });
});

test.each([
  ['the first row of the second page edited', 4, "UPDATE audit_log SET data = '{\"n\":0}' WHERE seq = 4"],
  ['the last row of the first page deleted', 3, 'DELETE FROM audit_log WHERE seq = 3'],
  ['the last entry edited', 7, "UPDATE audit_log SET action = 'forged' WHERE seq = 7"],
  ['a forged entry 0 in front of the chain', 1, "INSERT INTO audit_log VALUES (0, 'x', 'x', 'x', '{}', NULL, '{}', 'x', 'x', NULL, NULL)"],
])('%s: broken at entry %i (pages of 3)', async (_name, seq, statement) => {
  await sql.raw(statement).execute(engine.db);
  expect(await verifyAuditLog(engine.db, 3)).toMatchObject({ kind: 'broken', firstBrokenSeq: seq });
});
