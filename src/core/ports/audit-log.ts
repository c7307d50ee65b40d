import type { AuditEntry, AuditFilter, AuditHead, AuditRecord, AuditVerification } from '../model/journal.ts';

/**
 * The hash-chained audit log (a request's state changes append theirs through Requests, in the same transaction).
 * Implemented by the Kysely store on SQLite and PostgreSQL (test/contracts/audit.contract.ts).
 */
export interface AuditLog {
  /** Appends to the audit log, chaining the entry to the last one (serialised across instances). */
  appendAudit(record: AuditRecord): Promise<AuditEntry>;
  /** Audit entries in order, optionally filtered. */
  audit(filter?: AuditFilter): Promise<AuditEntry[]>;
  /** Recomputes the chain (and its MACs with AUDIT_KEY), checks each request against its last state hash, and names the first broken entry. */
  verifyAudit(): Promise<AuditVerification>;
  /** The last audit entry, or null when the log is empty (for checkpoints). */
  auditHead(): Promise<AuditHead | null>;
}
