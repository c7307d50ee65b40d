import type { AuditRecord, LeaseFence } from '../model/journal.ts';
import type { LicenseRequest, RequestStatus } from '../model/request.ts';

/** What a state change stores with it: audit records in the same transaction, and (an executor's change) its lease. */
export interface RequestChangeOptions {
  readonly audit?: readonly AuditRecord[];
  readonly fence?: LeaseFence;
}

/**
 * The requests: created once, read, listed, and changed only by compare-and-set. Implemented by the Kysely store on
 * SQLite and PostgreSQL (test/contracts/requests.contract.ts).
 */
export interface Requests {
  /** Stores a new request (its version must be 1); appends `audit` records in the same transaction. At most one open
   *  request per target and path (openTargetKey): another one is refused with `conflict`, reason `target-busy`,
   *  `requestId` the open one, whichever instance stored it. */
  create(request: LicenseRequest, options?: { readonly audit?: readonly AuditRecord[] }): Promise<void>;
  /** The request, or null. */
  get(id: string): Promise<LicenseRequest | null>;
  /** Requests, newest first, optionally with one of `statuses`. */
  list(filter?: { readonly statuses?: readonly RequestStatus[]; readonly limit?: number }): Promise<LicenseRequest[]>;
  /** Replaces the request if its stored version is `expectedVersion` (and, with `fence`, only while that owner holds the
   *  request's lease with that token); appends `audit` records in the same transaction. False if either condition failed. */
  compareAndSet(expectedVersion: number, next: LicenseRequest, options?: RequestChangeOptions): Promise<boolean>;
}
