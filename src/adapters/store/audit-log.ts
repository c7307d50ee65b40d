// The audit log's two operations with a protocol of their own: appending links to the chain, and checking it.
import type { Kysely } from 'kysely';
import type { AuditEntry, AuditRecord, AuditVerification } from '../../core/model/journal.ts';
import { CHAIN_START, chainAuditEntry, checkAuditEntry, normaliseAuditRecord, type AuditSeal, type ChainPosition } from './audit-chain.ts';
import type { StoreDatabase } from './store-database.ts';
import type { StoreEngine } from './store-engine.ts';
import { auditRow, storedAuditEntry } from './store-rows.ts';

/** How many audit rows verifyAuditLog reads at a time. */
const AUDIT_PAGE = 1_000;

/**
 * Appends `records` as the next entries of the chain, inside the caller's transaction `trx` (so they commit or roll
 * back with the state change they record). Serialised by a lock rather than by retrying on a duplicate seq: under a
 * burst from several instances the retries grow with the number of writers and a bounded retry can still fail, while
 * the lock covers two short statements. PostgreSQL locks audit_log (EXCLUSIVE: readers unaffected); SQLite's BEGIN
 * IMMEDIATE holds the file's write lock, across processes. The seq primary key stays as the backstop: a fork in the
 * chain would be a unique violation, never a stored entry.
 */
export async function appendAuditEntries(engine: StoreEngine, trx: Kysely<StoreDatabase>, records: readonly AuditRecord[], seal: AuditSeal): Promise<AuditEntry[]> {
  if (records.length === 0) return [];
  await engine.lockAuditLog(trx);
  const top = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let last = top === undefined ? null : { seq: Number(top.seq), hash: top.hash };
  const entries: AuditEntry[] = [];
  for (const record of records) {
    const entry = chainAuditEntry(normaliseAuditRecord(record), last, seal);
    await trx.insertInto('audit_log').values(auditRow(entry)).execute();
    entries.push(entry);
    last = entry;
  }
  return entries;
}

/** Appends one record in a transaction of its own (an audit entry that records no state change). */
export async function appendAuditEntry(engine: StoreEngine, record: AuditRecord, key: string | null = null): Promise<AuditEntry> {
  const [entry] = await engine.writeTransaction((trx) => appendAuditEntries(engine, trx, [record], { requestHash: null, key }));
  if (entry === undefined) throw new Error('appendAuditEntries returned no entry for one record');
  return entry;
}

/**
 * Checks the whole chain in seq order, `pageSize` rows at a time, and names the first entry that breaks it. With
 * `key`, every MAC is checked too, and the last entry must carry one (a deployment with a key writes a MAC on every
 * entry, so a head without one means the chain was rewritten and its MACs dropped).
 */
export async function verifyAuditLog(db: Kysely<StoreDatabase>, pageSize = AUDIT_PAGE, key: string | null = null): Promise<AuditVerification> {
  let position: ChainPosition = CHAIN_START;
  let entries = 0;
  const total = async () => Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  // null: the first page reads from the very first row, whatever its seq (a forged seq 0 must be seen too).
  for (let after: number | null = null; ; ) {
    let page = db.selectFrom('audit_log').selectAll().orderBy('seq').limit(pageSize);
    if (after !== null) page = page.where('seq', '>', after);
    const rows = await page.execute();
    for (const row of rows) {
      const check = checkAuditEntry(position, storedAuditEntry(row), key);
      if (check.kind === 'broken') return { kind: 'broken', entries: await total(), firstBrokenSeq: check.seq, reason: check.reason };
      position = check.next;
      entries += 1;
    }
    const last = rows.at(-1);
    if (rows.length < pageSize || last === undefined) break;
    after = Number(last.seq);
  }
  if (key === null) return { kind: 'intact', entries };
  if (entries > 0 && position.keyedFrom === null) {
    return { kind: 'broken', entries, firstBrokenSeq: entries, reason: 'AUDIT_KEY is set but no entry carries a MAC: the log was written without this key, or rewritten and its MACs dropped' };
  }
  return { kind: 'intact', entries, ...(position.keyedFrom === null ? {} : { keyedFrom: position.keyedFrom }) };
}
