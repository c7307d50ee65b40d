// Target leases (lease name `target:<key>`) and the one-open-request-per-target conflict, for KyselyRequestStore. A
// target lease works like a request's execution lease (owner, expiry, growing fencing token) but is keyed by the
// target (user, group or app), so executions of two different requests for one target cannot run at the same time.
import { LicenseDoctorError } from '../../core/errors.ts';
import type { LeaseFence } from '../../core/model/journal.ts';
import type { LicenseRequest } from '../../core/model/request.ts';
import type { LeaseTable } from './lease-table.ts';
import type { StoreEngine } from './store-engine.ts';
import { requestRow } from './store-rows.ts';

const iso = (ms: number): string => new Date(ms).toISOString();

/** Takes the target's lease if it is free, expired or this owner's: its new token, or null while another holds it. */
function acquireTargetLease(engine: StoreEngine, targetKey: string, owner: string, nowMs: number, ttlMs: number): Promise<number | null> {
  const now = iso(nowMs);
  return engine.writeTransaction(async (trx) => {
    // On PostgreSQL the conflicting row is locked by the upsert, so two instances cannot both find it free.
    await trx.insertInto('target_leases').values({ target_key: targetKey, owner, until: iso(nowMs + ttlMs), token: 1 })
      .onConflict((oc) => oc.column('target_key')
        .doUpdateSet((eb) => ({ owner, until: iso(nowMs + ttlMs), token: eb('target_leases.token', '+', 1) }))
        .where((eb) => eb.or([eb('target_leases.owner', 'is', null), eb('target_leases.until', '<', now), eb('target_leases.owner', '=', owner)])))
      .execute();
    const row = await trx.selectFrom('target_leases').select(['owner', 'token']).where('target_key', '=', targetKey).executeTakeFirstOrThrow();
    return row.owner === owner ? Number(row.token) : null;
  });
}

/** Extends the lease `fence` names; false when another execution took the target over. */
async function renewTargetLease(engine: StoreEngine, targetKey: string, fence: LeaseFence, nowMs: number, ttlMs: number): Promise<boolean> {
  const result = await engine.write((db) =>
    db.updateTable('target_leases').set({ until: iso(nowMs + ttlMs) }).where('target_key', '=', targetKey)
      .where('owner', '=', fence.owner).where('token', '=', fence.token).executeTakeFirst(),
  );
  return result.numUpdatedRows === 1n;
}

/** Frees the lease `fence` names (nothing when it was taken over); the row stays, so tokens keep growing. */
async function releaseTargetLease(engine: StoreEngine, targetKey: string, fence: LeaseFence): Promise<void> {
  await engine.write((db) =>
    db.updateTable('target_leases').set({ owner: null, until: null }).where('target_key', '=', targetKey)
      .where('owner', '=', fence.owner).where('token', '=', fence.token).execute(),
  );
}

/** The lease of a target, a row of its own in `target_leases` (made on first use). */
export const targetLeases: LeaseTable = { acquire: acquireTargetLease, renew: renewTargetLease, release: releaseTargetLease };

/** After a unique violation on create: the id exists (a caller bug), or another open request holds the target. */
export async function createConflict(engine: StoreEngine, request: LicenseRequest): Promise<LicenseDoctorError> {
  const { open_target: key } = requestRow(request);
  const same = await engine.db.selectFrom('requests').select('id').where('id', '=', request.id).executeTakeFirst();
  const holder = same !== undefined || key === null ? undefined : await engine.db.selectFrom('requests').select('id').where('open_target', '=', key).executeTakeFirst();
  if (same !== undefined || key === null) {
    return new LicenseDoctorError('conflict', `Request ${request.id} already exists; create each request once, with a new id.`, { operation: 'create', licenseRequestId: request.id });
  }
  return new LicenseDoctorError('conflict', `Another open request${holder ? ` (${holder.id})` : ''} holds ${key}: one change at a time per target.`,
    { operation: 'create', reason: 'target-busy', ...(holder ? { requestId: holder.id } : {}) });
}
