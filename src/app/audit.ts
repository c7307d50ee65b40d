// Writes audit records produced by the core, adding this process's context (e.g. the OS user of a CLI run).
import type { AuditRecord } from '../core/model/journal.ts';
import type { ServiceDeps } from './service-deps.ts';

/** Appends each record to the audit log, in order. */
export async function writeAudit(deps: Pick<ServiceDeps, 'store' | 'auditContext'>, records: readonly AuditRecord[]): Promise<void> {
  for (const record of records) {
    await deps.store.appendAudit({ ...record, actorDetail: { ...record.actorDetail, ...deps.auditContext } });
  }
}

/** An audit record for something the application layer (not the core) decided. */
export function auditRecord(at: string, action: string, actor: string, requestId: string | null, data: Record<string, unknown>): AuditRecord {
  return { at, action, actor, actorDetail: {}, requestId, data };
}
