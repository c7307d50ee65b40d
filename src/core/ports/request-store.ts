import type { AuditEntry, AuditFilter, AuditHead, AuditRecord, AuditVerification, JournalEntry, LeaseFence } from '../model/journal.ts';
import type { LicenseRequest, RequestStatus } from '../model/request.ts';
import type { ConversationRefs } from './conversation-refs.ts';
import type { EventChannel } from './event-channel.ts';

/**
 * Durable storage of requests, the execution journal, conversation references and the audit log. Implemented on
 * Kysely for SQLite and PostgreSQL; both pass the same contract tests. Every state change is a compare-and-set.
 */
export interface RequestStore extends ConversationRefs {
  /** Creates the schema or migrates it to the current version (idempotent; safe with several instances). */
  migrate(): Promise<void>;
  /** Stores a new request (its version must be 1); appends `audit` records in the same transaction. At most one open
   *  request per target and path (openTargetKey): another one is refused with `conflict`, reason `target-busy`,
   *  `requestId` the open one, whichever instance stored it. */
  create(request: LicenseRequest, options?: { readonly audit?: readonly AuditRecord[] }): Promise<void>;
  /** The request, or null. */
  get(id: string): Promise<LicenseRequest | null>;
  /** Requests, newest first, optionally with one of `statuses`. */
  list(filter?: { readonly statuses?: readonly RequestStatus[]; readonly limit?: number }): Promise<LicenseRequest[]>;
  /** Replaces the request if its stored version is `expectedVersion` (and, with `fence`, only while that owner holds the
   *  lease with that token); appends `audit` records in the same transaction. False if either condition failed. */
  compareAndSet(expectedVersion: number, next: LicenseRequest, options?: { readonly audit?: readonly AuditRecord[]; readonly fence?: LeaseFence }): Promise<boolean>;
  /** Takes the execution lease of a request if it is free, expired or this owner's; resolves its fencing token (larger
   *  than every token handed out before for the request), or null when another owner holds a live lease. */
  acquireLease(requestId: string, owner: string, nowMs: number, ttlMs: number): Promise<number | null>;
  /** Extends the lease `fence` names; false when it was taken over (an expired lease nobody took is still its own). */
  renewLease(requestId: string, fence: LeaseFence, nowMs: number, ttlMs: number): Promise<boolean>;
  /** Releases the lease `fence` names (nothing when it was taken over). */
  releaseLease(requestId: string, fence: LeaseFence): Promise<void>;
  /** Takes the lease of a target (targetKey: user, group or app) like acquireLease: executions of different requests
   *  for one target never overlap. Its token, or null while another owner holds a live lease. */
  acquireTargetLease(targetKey: string, owner: string, nowMs: number, ttlMs: number): Promise<number | null>;
  /** Extends the target lease `fence` names; false when it was taken over. */
  renewTargetLease(targetKey: string, fence: LeaseFence, nowMs: number, ttlMs: number): Promise<boolean>;
  /** Releases the target lease `fence` names (nothing when it was taken over). */
  releaseTargetLease(targetKey: string, fence: LeaseFence): Promise<void>;
  /** Appends a journal row (status `started`) or finishes one (same requestId, stepId and attempt); with `fence`, only
   *  while that lease holds (false otherwise, nothing written). */
  writeJournal(entry: JournalEntry, fence?: LeaseFence): Promise<boolean>;
  /** Every journal row of a request, in order. */
  journal(requestId: string): Promise<JournalEntry[]>;
  /** Records that the notice `key` was sent at `at`; false when it was recorded before (a notice goes out once, across instances). */
  claimNotice(key: string, at: string): Promise<boolean>;
  /** True for the first claim of `key` within `ttlMs` from `nowMs`, across instances; false while an earlier claim holds
   *  (lapsed claims are pruned). Keys are stored as given: pass a hash, never a secret or a payload. */
  claimOnce(key: string, nowMs: number, ttlMs: number): Promise<boolean>;
  /** Appends to the audit log, chaining the entry to the last one (serialised across instances). */
  appendAudit(record: AuditRecord): Promise<AuditEntry>;
  /** Audit entries in order, optionally filtered. */
  audit(filter?: AuditFilter): Promise<AuditEntry[]>;
  /** Recomputes the chain (and its MACs with AUDIT_KEY), checks each request against its last state hash, and names the first broken entry. */
  verifyAudit(): Promise<AuditVerification>;
  /** The last audit entry, or null when the log is empty (for checkpoints). */
  auditHead(): Promise<AuditHead | null>;
  /** The channel that carries request events to the other processes on this store (`origin`: this process). */
  eventChannel(origin: string, options?: { readonly pollMs?: number }): EventChannel;
  /** Whether the database answers (readiness). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
