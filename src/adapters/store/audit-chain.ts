// The audit log's hash chain: how an entry is linked to the one before, and how a stored chain is checked.
import { createHash } from 'node:crypto';
import type { AuditEntry, AuditRecord } from '../../core/model/journal.ts';
import { canonicalJson } from './canonical-json.ts';

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 (hex) over prevHash followed by the canonical JSON of the entry's record and seq. */
export function auditHash(prevHash: string, seq: number, record: AuditRecord): string {
  const { at, action, actor, actorDetail, requestId, data } = record;
  return createHash('sha256')
    .update(prevHash + canonicalJson({ seq, at, action, actor, actorDetail, requestId, data }))
    .digest('hex');
}

/**
 * The record as it will read back from the database: `data` and `actorDetail` pass through JSON once, so that the
 * hash written now is the hash recomputed from the stored text later (undefined members vanish, dates become strings).
 */
export function normaliseAuditRecord(record: AuditRecord): AuditRecord {
  return {
    at: record.at,
    action: record.action,
    actor: record.actor,
    actorDetail: JSON.parse(JSON.stringify(record.actorDetail)) as AuditRecord['actorDetail'],
    requestId: record.requestId,
    data: JSON.parse(JSON.stringify(record.data)) as AuditRecord['data'],
  };
}

/** The next entry of a chain whose last entry is `last` (null: the chain is empty). */
export function chainAuditEntry(record: AuditRecord, last: { readonly seq: number; readonly hash: string } | null): AuditEntry {
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  return { ...record, seq, prevHash, hash: auditHash(prevHash, seq, record) };
}

/** Where a check of the chain stands: the seq and hash the next entry must carry. */
export interface ChainPosition {
  readonly expectedSeq: number;
  readonly prevHash: string;
}

/** Where a check of the chain starts: entry 1, linked to 64 zeros. */
export const CHAIN_START: ChainPosition = { expectedSeq: 1, prevHash: GENESIS_HASH };

/** An entry as read for checking; `entry` is null when its stored JSON cannot be read. */
export interface StoredAuditEntry {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
  readonly entry: AuditEntry | null;
}

/** Checks the next stored entry against the chain so far: the position after it, or why it breaks the chain. */
export function checkAuditEntry(position: ChainPosition, stored: StoredAuditEntry): { readonly kind: 'ok'; readonly next: ChainPosition } | { readonly kind: 'broken'; readonly seq: number; readonly reason: string } {
  const { expectedSeq } = position;
  if (stored.seq !== expectedSeq) {
    if (stored.seq < expectedSeq) return { kind: 'broken', seq: expectedSeq, reason: `an entry numbered ${stored.seq} stands where entry ${expectedSeq} belongs` };
    const gap = expectedSeq === 1 ? `the log starts at ${stored.seq}` : `the log jumps from ${expectedSeq - 1} to ${stored.seq}`;
    return { kind: 'broken', seq: expectedSeq, reason: `entry ${expectedSeq} is missing (${gap}): entries were deleted` };
  }
  if (stored.prevHash !== position.prevHash) {
    return { kind: 'broken', seq: expectedSeq, reason: expectedSeq === 1 ? 'the first entry does not start the chain (its prev_hash is not 64 zeros)' : `its prev_hash is not the hash of entry ${expectedSeq - 1}` };
  }
  if (stored.entry === null) return { kind: 'broken', seq: expectedSeq, reason: 'its actor_detail or data is not valid JSON' };
  if (auditHash(stored.prevHash, stored.seq, stored.entry) !== stored.hash) {
    return { kind: 'broken', seq: expectedSeq, reason: 'its content does not match its hash (changed after it was written)' };
  }
  return { kind: 'ok', next: { expectedSeq: expectedSeq + 1, prevHash: stored.hash } };
}
