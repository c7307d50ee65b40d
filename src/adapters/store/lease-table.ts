// The one shape of a lease in the store (owner, expiry, a fencing token that grows with every lease taken), and the
// table that keeps each kind of lease name: a request's lease lives on its row in `requests` (so a fenced
// compare-and-set and journal write check it in the same statement), a target's in `target_leases`.
import { LicenseDoctorError } from '../../core/errors.ts';
import type { LeaseFence } from '../../core/model/journal.ts';
import type { LeaseName } from '../../core/ports/leases.ts';
import { requestLeases } from './request-leases.ts';
import type { StoreEngine } from './store-engine.ts';
import { targetLeases } from './kysely-target-leases.ts';

/** The statements of one kind of lease, keyed by what follows the name's prefix. */
export interface LeaseTable {
  /** Takes the lease if it is free, expired or this owner's: its new token, or null while another owner holds it. */
  acquire(engine: StoreEngine, key: string, owner: string, nowMs: number, ttlMs: number): Promise<number | null>;
  /** Extends the lease `fence` names; false when it was taken over. */
  renew(engine: StoreEngine, key: string, fence: LeaseFence, nowMs: number, ttlMs: number): Promise<boolean>;
  /** Frees the lease `fence` names (nothing when it was taken over). */
  release(engine: StoreEngine, key: string, fence: LeaseFence): Promise<void>;
}

const TABLES: Readonly<Record<string, LeaseTable>> = { request: requestLeases, target: targetLeases };

/** The table and key of `name`; a name of no known kind is a bug in the caller of `operation`. */
export function leaseTable(name: LeaseName, operation: string): { readonly table: LeaseTable; readonly key: string } {
  const colon = name.indexOf(':');
  const table = colon > 0 ? TABLES[name.slice(0, colon)] : undefined;
  const key = name.slice(colon + 1);
  if (table === undefined || key === '') {
    throw new LicenseDoctorError('store', `No lease is named ${JSON.stringify(name)} (a bug in the caller of ${operation}).`, { operation, reason: 'invalid-argument' });
  }
  return { table, key };
}
