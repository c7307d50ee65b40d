// A request's execution lease (lease name `request:<id>`), kept on its row in `requests`: owner, expiry and a fencing
// token that grows with every lease taken, so an executor that lost its lease (paused past it and taken over) can no
// longer write (issue 9).
import type { LeaseFence } from '../../core/model/journal.ts';
import type { LeaseTable } from './lease-table.ts';
import type { StoreEngine } from './store-engine.ts';

const iso = (ms: number): string => new Date(ms).toISOString();

/** Takes the lease if it is free, expired or this owner's: its new token, or null while another owner holds it. */
function acquireRequestLease(engine: StoreEngine, requestId: string, owner: string, nowMs: number, ttlMs: number): Promise<number | null> {
  const now = iso(nowMs);
  return engine.writeTransaction(async (trx) => {
    const result = await trx.updateTable('requests')
      .set((eb) => ({ lease_owner: owner, lease_until: iso(nowMs + ttlMs), lease_token: eb('lease_token', '+', 1) }))
      .where('id', '=', requestId)
      .where((eb) => eb.or([eb('lease_owner', 'is', null), eb('lease_until', '<', now), eb('lease_owner', '=', owner)]))
      .executeTakeFirst();
    if (result.numUpdatedRows !== 1n) return null;
    const row = await trx.selectFrom('requests').select('lease_token').where('id', '=', requestId).executeTakeFirstOrThrow();
    return Number(row.lease_token);
  });
}

/** Extends the lease `fence` names; false when it was taken over. */
async function renewRequestLease(engine: StoreEngine, requestId: string, fence: LeaseFence, nowMs: number, ttlMs: number): Promise<boolean> {
  const result = await engine.write((db) =>
    db.updateTable('requests').set({ lease_until: iso(nowMs + ttlMs) }).where('id', '=', requestId)
      .where('lease_owner', '=', fence.owner).where('lease_token', '=', fence.token).executeTakeFirst(),
  );
  return result.numUpdatedRows === 1n;
}

/** Frees the lease `fence` names (nothing when it was taken over). */
async function releaseRequestLease(engine: StoreEngine, requestId: string, fence: LeaseFence): Promise<void> {
  await engine.write((db) =>
    db.updateTable('requests').set({ lease_owner: null, lease_until: null }).where('id', '=', requestId)
      .where('lease_owner', '=', fence.owner).where('lease_token', '=', fence.token).execute(),
  );
}

/** The lease of a request, on its row (none for a request that does not exist). */
export const requestLeases: LeaseTable = { acquire: acquireRequestLease, renew: renewRequestLease, release: releaseRequestLease };
