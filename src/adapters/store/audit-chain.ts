// The audit log's hash chain: how an entry is linked to the one before, and how a stored chain is checked. With a
// key, each entry also carries an HMAC of its hash: whoever rewrites an entry and recomputes every hash after it
// cannot recompute the MACs without the key, and since each hash covers the one before, one MAC covers the prefix.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { AuditEntry, AuditRecord } from '../../core/model/journal.ts';
import { canonicalJson } from './canonical-json.ts';

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 (hex) over prevHash followed by the canonical JSON of the entry's record, seq and request hash (if any). */
export function auditHash(prevHash: string, seq: number, record: AuditRecord, requestHash: string | null = null): string {
  const { at, action, actor, actorDetail, requestId, data } = record;
  // Omitted when null, so that entries written before request hashes existed keep their hashes.
  return createHash('sha256')
    .update(prevHash + canonicalJson({ seq, at, action, actor, actorDetail, requestId, data, requestHash: requestHash ?? undefined }))
    .digest('hex');
}

/** HMAC-SHA256 (hex) of an entry's hash under the audit key. */
const auditMac = (key: string, hash: string): string => createHmac('sha256', key).update(hash).digest('hex');

/** SHA-256 (hex) of the canonical JSON of a request state (as it reads back from the database). */
export const requestStateHash = (request: unknown): string =>
  createHash('sha256').update(canonicalJson(JSON.parse(JSON.stringify(request)))).digest('hex');

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

/** How an entry is sealed: the state hash of the request it changed (or null) and the audit key (or null). */
export interface AuditSeal {
  readonly requestHash: string | null;
  readonly key: string | null;
}

/** The next entry of a chain whose last entry is `last` (null: the chain is empty). */
export function chainAuditEntry(record: AuditRecord, last: { readonly seq: number; readonly hash: string } | null, seal: AuditSeal = { requestHash: null, key: null }): AuditEntry {
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = auditHash(prevHash, seq, record, seal.requestHash);
  return { ...record, seq, prevHash, hash, requestHash: seal.requestHash, mac: seal.key === null ? null : auditMac(seal.key, hash) };
}

/** Where a check of the chain stands: the seq and hash the next entry must carry, and the first keyed entry so far. */
export interface ChainPosition {
  readonly expectedSeq: number;
  readonly prevHash: string;
  readonly keyedFrom: number | null;
}

/** Where a check of the chain starts: entry 1, linked to 64 zeros. */
export const CHAIN_START: ChainPosition = { expectedSeq: 1, prevHash: GENESIS_HASH, keyedFrom: null };

/** An entry as read for checking; `entry` is null when its stored JSON cannot be read. */
export interface StoredAuditEntry {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
  readonly entry: AuditEntry | null;
}

type Check = { readonly kind: 'ok'; readonly next: ChainPosition } | { readonly kind: 'broken'; readonly seq: number; readonly reason: string };

/** Checks the next stored entry against the chain so far (and its MAC, given the key): the position after it, or why it breaks the chain. */
export function checkAuditEntry(position: ChainPosition, stored: StoredAuditEntry, key: string | null = null): Check {
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
  if (auditHash(stored.prevHash, stored.seq, stored.entry, stored.entry.requestHash) !== stored.hash) {
    return { kind: 'broken', seq: expectedSeq, reason: 'its content does not match its hash (changed after it was written)' };
  }
  const keyed = checkMac(position, stored.entry, key);
  if (typeof keyed === 'string') return { kind: 'broken', seq: expectedSeq, reason: keyed };
  return { kind: 'ok', next: { expectedSeq: expectedSeq + 1, prevHash: stored.hash, keyedFrom: keyed } };
}

/** The first keyed entry after this one, or why its MAC is wrong. Without a key, MACs are left unchecked. */
function checkMac(position: ChainPosition, entry: AuditEntry, key: string | null): number | null | string {
  if (key === null) return null;
  if (entry.mac === null) {
    return position.keyedFrom === null ? null : `it carries no MAC although entry ${position.keyedFrom} and every entry since did: the chain was rewritten without the key`;
  }
  const expected = Buffer.from(auditMac(key, entry.hash), 'hex');
  const actual = Buffer.from(entry.mac, 'hex');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return 'its MAC does not match (the entry or one before it was rewritten and the hashes recomputed, or AUDIT_KEY is not the key it was written with)';
  }
  return position.keyedFrom ?? entry.seq;
}
