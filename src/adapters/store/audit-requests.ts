// The requests table under the audit chain: every entry that records a state change carries the hash of the request
// state it stored, so a request row edited (or deleted) outside License Doctor no longer matches its last such entry.
// Run after the chain itself verified, so the hashes read here are the ones that were written.
import type { Kysely } from 'kysely';
import type { AuditVerification } from '../../core/model/journal.ts';
import { requestStateHash } from './audit-chain.ts';
import type { StoreDatabase } from './store-database.ts';

/** What the requests check found: how many requests it checked against a state hash, or the first one that does not match. */
export type RequestStateCheck = { readonly kind: 'ok'; readonly requests: number } | { readonly kind: 'broken'; readonly seq: number; readonly reason: string };

/**
 * Compares each stored request with the state hash of the last audit entry that recorded it. A request with no such
 * entry is accepted only if it predates request hashes (created before the first hashed entry was written).
 */
export async function verifyRequestStates(db: Kysely<StoreDatabase>): Promise<RequestStateCheck> {
  const anchors = await db.selectFrom('audit_log')
    .select(['seq', 'request_id', 'request_hash'])
    .where('request_hash', 'is not', null)
    .where('seq', 'in', (eb) => eb.selectFrom('audit_log').select((e) => e.fn.max('seq').as('seq')).where('request_hash', 'is not', null).groupBy('request_id'))
    .execute();
  const byRequest = new Map(anchors.map((a) => [a.request_id ?? '', a]));
  const firstHashed = await db.selectFrom('audit_log').select(['at']).where('request_hash', 'is not', null).orderBy('seq').limit(1).executeTakeFirst();
  const rows = await db.selectFrom('requests').select(['id', 'request_json', 'created_at']).orderBy('id').execute();
  let checked = 0;
  for (const row of rows) {
    const anchor = byRequest.get(row.id);
    byRequest.delete(row.id);
    if (anchor === undefined) {
      if (firstHashed !== undefined && row.created_at >= firstHashed.at) {
        return { kind: 'broken', seq: 0, reason: `request ${row.id} has no audit entry recording its state: it was written outside License Doctor` };
      }
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.request_json);
    } catch {
      // An unreadable row cannot match any hash; the mismatch below names it.
      parsed = row.request_json;
    }
    if (requestStateHash(parsed) !== anchor.request_hash) {
      return { kind: 'broken', seq: Number(anchor.seq), reason: `request ${row.id} does not match the state its last audit entry (${anchor.seq}) recorded: the row was changed outside License Doctor` };
    }
    checked += 1;
  }
  const [missing] = byRequest.values();
  if (missing !== undefined) {
    return { kind: 'broken', seq: Number(missing.seq), reason: `request ${missing.request_id ?? '?'} is in the audit log (entry ${missing.seq}) but missing from the requests table: it was deleted` };
  }
  return { kind: 'ok', requests: checked };
}

/** The chain's verdict with the requests check folded in. */
export function withRequestStates(chain: AuditVerification, requests: RequestStateCheck): AuditVerification {
  if (chain.kind === 'broken') return chain;
  if (requests.kind === 'broken') return { kind: 'broken', entries: chain.entries, firstBrokenSeq: requests.seq, reason: requests.reason };
  return requests.requests === 0 ? chain : { ...chain, requests: requests.requests };
}
