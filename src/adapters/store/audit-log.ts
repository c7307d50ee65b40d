// The audit log's two operations with a protocol of their own: appending a link to the chain, and checking it.
import type { Kysely } from 'kysely';
import type { AuditEntry, AuditRecord, AuditVerification } from '../../core/model/journal.ts';
import { CHAIN_START, chainAuditEntry, checkAuditEntry, normaliseAuditRecord, type ChainPosition } from './audit-chain.ts';
import type { StoreDatabase } from './store-database.ts';
import type { StoreEngine } from './store-engine.ts';
import { auditRow, storedAuditEntry } from './store-rows.ts';

/** How many audit rows verifyAuditLog reads at a time. */
const AUDIT_PAGE = 1_000;

/**
 * Appends `record` as the next entry of the chain. Serialised by a lock rather than by retrying on a duplicate seq:
 * under a burst from several instances the retries grow with the number of writers and a bounded retry can still
 * fail, while the lock covers two short statements. PostgreSQL locks audit_log (EXCLUSIVE: readers unaffected);
 * SQLite's BEGIN IMMEDIATE holds the file's write lock, across processes. The seq primary key stays as the
 * backstop: a fork in the chain would be a unique violation, never a stored entry.
 */
export function appendAuditEntry(engine: StoreEngine, record: AuditRecord): Promise<AuditEntry> {
  return engine.writeTransaction(async (trx) => {
    const [entry] = await appendAuditEntries(engine, trx, [record]);
    if (!entry) throw new Error('appendAuditEntries returned no entry for one record');
    return entry;
  });
}

/** Appends `records` in order inside the caller's transaction `trx` (which then holds the audit lock until it ends). */
export async function appendAuditEntries(engine: StoreEngine, trx: Kysely<StoreDatabase>, records: readonly AuditRecord[]): Promise<AuditEntry[]> {
  if (records.length === 0) return [];
  await engine.lockAuditLog(trx);
  const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let position = last === undefined ? null : { seq: Number(last.seq), hash: last.hash };
  const entries: AuditEntry[] = [];
  for (const record of records) {
    const entry = chainAuditEntry(normaliseAuditRecord(record), position);
    await trx.insertInto('audit_log').values(auditRow(entry)).execute();
    entries.push(entry);
    position = { seq: entry.seq, hash: entry.hash };
  }
  return entries;
}

/** Checks the whole chain in seq order, `pageSize` rows at a time, and names the first entry that breaks it. */
export async function verifyAuditLog(db: Kysely<StoreDatabase>, pageSize = AUDIT_PAGE): Promise<AuditVerification> {
  let position: ChainPosition = CHAIN_START;
  let entries = 0;
  // null: the first page reads from the very first row, whatever its seq (a forged seq 0 must be seen too).
  for (let after: number | null = null; ; ) {
    let page = db.selectFrom('audit_log').selectAll().orderBy('seq').limit(pageSize);
    if (after !== null) page = page.where('seq', '>', after);
    const rows = await page.execute();
    for (const row of rows) {
      const check = checkAuditEntry(position, storedAuditEntry(row));
      if (check.kind === 'broken') {
        const total = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
        return { kind: 'broken', entries: Number(total.n), firstBrokenSeq: check.seq, reason: check.reason };
      }
      position = check.next;
      entries += 1;
    }
    const last = rows.at(-1);
    if (rows.length < pageSize || last === undefined) return { kind: 'intact', entries };
    after = Number(last.seq);
  }
}
