import type { LeaseFence } from '../model/journal.ts';

/**
 * A lease's name: `request:<id>`, the execution of one request (its fence also guards the request's changes and
 * journal), or `target:<key>`, one change at a time per target (user, group or app) across requests.
 */
export type LeaseName = `request:${string}` | `target:${string}`;

/**
 * Leases that several instances contend for: an owner, an expiry and a fencing token that grows with every lease
 * taken, so an owner that lost its lease (paused past it and taken over) can no longer write. Implemented by the Kysely
 * store on SQLite and PostgreSQL (test/contracts/leases.contract.ts).
 */
export interface Leases {
  /** Takes the lease if it is free, expired or this owner's: its new token (larger than every token handed out before
   *  for that name), or null while another owner holds it live (or, for `request:`, when there is no such request). */
  acquireLease(name: LeaseName, owner: string, nowMs: number, ttlMs: number): Promise<number | null>;
  /** Extends the lease `fence` names; false when it was taken over (an expired lease nobody took is still its own). */
  renewLease(name: LeaseName, fence: LeaseFence, nowMs: number, ttlMs: number): Promise<boolean>;
  /** Releases the lease `fence` names (nothing when it was taken over). */
  releaseLease(name: LeaseName, fence: LeaseFence): Promise<void>;
}
