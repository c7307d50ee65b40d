import type { BatchMember, BatchRequest } from '../model/batch.ts';
import type { AuditRecord } from '../model/journal.ts';

/**
 * Durable batches: the batch record (compare-and-set on its version, like a request) and one row per user, each
 * changed on its own so that users running at once never contend. Audit records are appended in the same transaction
 * as the change they record, to the one audit chain. Every method throws LicenseDoctorError (store) on database failures.
 */
export interface BatchStore {
  /** Stores a new batch (version 1) and its members; `audit` in the same transaction. */
  createBatch(batch: BatchRequest, members: readonly BatchMember[], audit: readonly AuditRecord[]): Promise<void>;
  getBatch(id: string): Promise<BatchRequest | null>;
  /** Batches, newest first. */
  listBatches(limit?: number): Promise<BatchRequest[]>;
  /** The members of a batch, in position order. */
  members(batchId: string): Promise<BatchMember[]>;
  /** Replaces the batch if its stored version is `expectedVersion`; `audit` in the same transaction. False otherwise. */
  updateBatch(expectedVersion: number, next: BatchRequest, audit?: readonly AuditRecord[]): Promise<boolean>;
  /** Replaces one member (by batch id and position) if its stored state is `expectedState`; `audit` in the same transaction. */
  updateMember(member: BatchMember, expectedState: BatchMember['state'], audit?: readonly AuditRecord[]): Promise<boolean>;
}
