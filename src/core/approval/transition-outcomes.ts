// Building blocks of transition results, so every change bumps the version and every refusal is audited alike.
import type { AuditRecord } from '../model/journal.ts';
import type { LicenseRequest } from '../model/request.ts';
import { auditRecord, type AuditSubject } from './audit-record.ts';
import type { Refusal } from './refusal-reason.ts';
import type { RequestEvent, RequestEventKind } from './request-event.ts';
import type { Effect, TransitionResult } from './transition-result.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type RequestChanges = Partial<Omit<Mutable<LicenseRequest>, 'id' | 'version' | 'updatedAt'>>;

/** The audit action of a refused event, e.g. `approval.refused`. */
export const REFUSED_ACTION: Readonly<Record<RequestEventKind, string>> = {
  approve: 'approval.refused',
  reject: 'rejection.refused',
  cancel: 'cancellation.refused',
  expire: 'expiry.refused',
  'start-execution': 'execution.refused',
  step: 'step.refused',
  finish: 'finish.refused',
  resume: 'resume.refused',
  retry: 'retry.refused',
};

/** The next version of `request`: `changes` applied, version + 1, updatedAt = now. */
export function advance(request: LicenseRequest, now: string, changes: RequestChanges): LicenseRequest {
  return { ...request, ...changes, version: request.version + 1, updatedAt: now };
}

/** Who sent `event`: the person deciding, or the executor instance. */
function subjectOf(event: RequestEvent): AuditSubject {
  switch (event.kind) {
    case 'approve':
    case 'reject':
    case 'cancel':
    case 'retry':
      return { actor: event.actor };
    case 'start-execution':
    case 'resume':
      return { system: event.owner };
    case 'expire':
    case 'step':
    case 'finish':
      return { system: null };
  }
}

/** A change to store. */
export function changed(request: LicenseRequest, effects: readonly Effect[], audit: readonly AuditRecord[]): TransitionResult {
  return { kind: 'changed', request, effects, audit };
}

/**
 * A refusal of `event`, audited with its reason. `forced` is a change that happens anyway (expiry) and whose audit
 * records come first.
 */
export function refused(request: LicenseRequest, event: RequestEvent, refusal: Refusal, now: string, forced?: { request: LicenseRequest; audit: readonly AuditRecord[] }): TransitionResult {
  const record = auditRecord(now, REFUSED_ACTION[event.kind], subjectOf(event), request.id, {
    reason: refusal.reason, message: refusal.message, status: request.status, version: request.version,
  });
  const base = { kind: 'refused', reason: refusal.reason, message: refusal.message } as const;
  return forced ? { ...base, audit: [...forced.audit, record], request: forced.request } : { ...base, audit: [record] };
}
