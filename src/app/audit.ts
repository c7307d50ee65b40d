// Writes audit records produced by the core, adding this process's context (e.g. the OS user of a CLI run).
import type { AuditRecord } from '../core/model/journal.ts';
import type { ServiceDeps } from './service-deps.ts';

/** The records with this process's context added, ready for the store (e.g. compareAndSet's `audit`). */
export function inContext(deps: Pick<ServiceDeps, 'auditContext'>, records: readonly AuditRecord[]): AuditRecord[] {
  return records.map((record) => ({ ...record, actorDetail: { ...record.actorDetail, ...deps.auditContext } }));
}

/** Appends each record to the audit log, in order: for records that go with no state change (a refusal). */
export async function writeAudit(deps: Pick<ServiceDeps, 'auditLog' | 'auditContext'>, records: readonly AuditRecord[]): Promise<void> {
  for (const record of inContext(deps, records)) await deps.auditLog.appendAudit(record);
}

/** An audit record for something the application layer (not the core) decided. */
export function auditRecord(at: string, action: string, actor: string, requestId: string | null, data: Record<string, unknown>): AuditRecord {
  return { at, action, actor, actorDetail: {}, requestId, data };
}
