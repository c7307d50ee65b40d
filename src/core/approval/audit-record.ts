// Audit records for the request state machine; the application layer appends them to the chained audit log.
import type { AuditRecord } from '../model/journal.ts';
import type { Actor } from '../model/request.ts';
import { identityAudit } from './identity-note.ts';

/** Who an audit record names: a person, or the executor (`system`) with the instance that ran it. */
export type AuditSubject = { readonly actor: Actor } | { readonly system: string | null };

/** One audit record at `at` about request `requestId` (null when no request was created). */
export function auditRecord(at: string, action: string, subject: AuditSubject, requestId: string | null, data: Readonly<Record<string, unknown>>): AuditRecord {
  if ('actor' in subject) {
    const { actor } = subject;
    return {
      at, action, requestId, data,
      actor: actor.userPrincipalName,
      actorDetail: { displayName: actor.displayName, entraObjectId: actor.entraObjectId, surface: actor.surface, surfaceUserId: actor.surfaceUserId, ...identityAudit(actor) },
    };
  }
  return { at, action, requestId, data, actor: 'system', actorDetail: { owner: subject.system } };
}
