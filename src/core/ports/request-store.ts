import type { AuditEntry, AuditRecord, AuditVerification, ConversationRef, JournalEntry } from '../model/journal.ts';
import type { LicenseRequest, RequestStatus } from '../model/request.ts';

/**
 * Durable storage of requests, the execution journal, conversation references and the audit log. Implemented on
 * Kysely for SQLite and PostgreSQL; both pass the same contract tests. Every state change is a compare-and-set.
 */
export interface RequestStore {
  /** Creates the schema or migrates it to the current version (idempotent; safe with several instances). */
  migrate(): Promise<void>;
  /** Stores a new request (its version must be 1). */
  create(request: LicenseRequest): Promise<void>;
  /** The request, or null. */
  get(id: string): Promise<LicenseRequest | null>;
  /** Requests, newest first, optionally with one of `statuses`. */
  list(filter?: { readonly statuses?: readonly RequestStatus[]; readonly limit?: number }): Promise<LicenseRequest[]>;
  /** Replaces the request if its stored version is `expectedVersion` (next.version must be expectedVersion + 1); false if someone changed it first. */
  compareAndSet(expectedVersion: number, next: LicenseRequest): Promise<boolean>;
  /** Takes the execution lease of a request if it is free or expired; false when another owner holds a live lease. */
  acquireLease(requestId: string, owner: string, nowMs: number, ttlMs: number): Promise<boolean>;
  /** Extends a lease this owner holds; false when it was lost. */
  renewLease(requestId: string, owner: string, nowMs: number, ttlMs: number): Promise<boolean>;
  /** Releases a lease this owner holds. */
  releaseLease(requestId: string, owner: string): Promise<void>;
  /** Appends a journal row (status `started`) or finishes one (same requestId, stepId and attempt). */
  writeJournal(entry: JournalEntry): Promise<void>;
  /** Every journal row of a request, in order. */
  journal(requestId: string): Promise<JournalEntry[]>;
  /** Saves (replaces) a conversation reference. */
  saveConversationRef(ref: ConversationRef): Promise<void>;
  /** Conversation references with this key. */
  conversationRefs(key: string): Promise<ConversationRef[]>;
  /** Records that the notice `key` was sent at `at`; false when it was recorded before (a notice goes out once, across instances). */
  claimNotice(key: string, at: string): Promise<boolean>;
  /** Appends to the audit log, chaining the entry to the last one (serialised across instances). */
  appendAudit(record: AuditRecord): Promise<AuditEntry>;
  /** Audit entries in order, optionally for one request. */
  audit(filter?: { readonly requestId?: string }): Promise<AuditEntry[]>;
  /** Recomputes the chain and names the first broken entry. */
  verifyAudit(): Promise<AuditVerification>;
  /** Whether the database answers (readiness). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
