// Model <-> row mapping for the store's tables. The request's JSON is authoritative; its other columns are copies
// for queries. Rows are this store's own writes, so reading checks only what a hand edit could break.
import { openTargetKey } from '../../core/approval/open-request-for-target.ts';
import { LicenseDoctorError } from '../../core/errors.ts';
import type { AuditEntry, ConversationRef, JournalEntry } from '../../core/model/journal.ts';
import type { LicenseRequest } from '../../core/model/request.ts';
import type { StoredAuditEntry } from './audit-chain.ts';
import type { AuditLogTable, ConversationRefsTable, DecisionsTable, JournalTable, RequestsTable } from './store-database.ts';

/** The request's columns that every compare-and-set rewrites. */
export function requestColumns(r: LicenseRequest): Omit<RequestsTable, 'id' | 'created_at' | 'lease_owner' | 'lease_until' | 'lease_token' | 'open_target'> {
  return {
    status: r.status, version: r.version, path: r.path, scope: r.scope, requested_by: r.requestedBy.userPrincipalName,
    target_upn: r.target.userPrincipalName, updated_at: r.updatedAt, expires_at: r.expiresAt, request_json: JSON.stringify(r),
  };
}

/** A new request's row (no lease; holding its target while open). */
export const requestRow = (r: LicenseRequest): RequestsTable => ({ id: r.id, created_at: r.createdAt, ...requestColumns(r), lease_owner: null, lease_until: null, lease_token: 0, open_target: openTargetKey(r) });

/** What a compare-and-set does to `open_target`: a request that closes frees its target; one that stays open keeps it,
 *  and one reopened by a retry does not take it back (executions of one target never overlap anyway, see target leases). */
export const openTargetUpdate = (r: LicenseRequest): { open_target?: null } => (openTargetKey(r) === null ? { open_target: null } : {});

const unreadable = (what: string, detail: string) =>
  new LicenseDoctorError('store', `The store holds ${what} that cannot be read (${detail}): it was edited outside License Doctor; restore it from a backup.`, { operation: 'read' });

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw unreadable(what, err instanceof Error ? err.message : 'invalid JSON');
  }
}

/** The request stored as `text`. */
export function parseRequest(text: string, id: string): LicenseRequest {
  const value = parseJson(text, `request ${id}`);
  const r = value as Partial<LicenseRequest> | null;
  if (typeof r !== 'object' || r === null || r.id !== id || typeof r.version !== 'number') throw unreadable(`request ${id}`, 'not a request');
  return value as LicenseRequest;
}

/** One row per decision of the request, numbered by position. */
export function decisionRows(r: LicenseRequest, recordedAt: string): DecisionsTable[] {
  return r.decisions.map((d, position) => ({
    request_id: r.id, position, kind: d.kind, by_upn: d.by.userPrincipalName, at: d.at, reason: d.reason, actor_json: JSON.stringify(d.by), recorded_at: recordedAt,
  }));
}

/** The journal row of an entry. */
export function journalRow(e: JournalEntry): JournalTable {
  return {
    request_id: e.requestId, step_id: e.stepId, attempt: e.attempt, status: e.status, vendor_request_ids: JSON.stringify(e.vendorRequestIds),
    started_at: e.startedAt, finished_at: e.finishedAt, detail: e.detail, owner: e.owner,
  };
}

const JOURNAL_STATUSES: ReadonlySet<string> = new Set<JournalEntry['status']>(['started', 'succeeded', 'skipped', 'failed', 'manual']);

/** The journal entry of a row; throws when a hand edit made it unreadable. */
export function journalEntry(row: JournalTable): JournalEntry {
  const what = `journal row ${row.request_id}/${row.step_id}/${row.attempt}`;
  const ids = parseJson(row.vendor_request_ids, what);
  if (!JOURNAL_STATUSES.has(row.status) || !Array.isArray(ids) || !ids.every((i) => typeof i === 'string')) throw unreadable(what, 'unknown status or request ids');
  return {
    requestId: row.request_id, stepId: row.step_id, attempt: Number(row.attempt), status: row.status as JournalEntry['status'], vendorRequestIds: ids,
    startedAt: row.started_at, finishedAt: row.finished_at, detail: row.detail, owner: row.owner,
  };
}

/** The row of a conversation reference. */
export const conversationRefRow = (c: ConversationRef): ConversationRefsTable => ({ surface: c.surface, key: c.key, ref: JSON.stringify(c.ref), updated_at: c.updatedAt });

const SURFACES: ReadonlySet<string> = new Set<ConversationRef['surface']>(['slack', 'teams', 'web']);

/** The conversation reference of a row; throws when a hand edit made it unreadable. */
export function conversationRef(row: ConversationRefsTable): ConversationRef {
  const ref = parseJson(row.ref, `conversation reference ${row.surface}/${row.key}`);
  if (!SURFACES.has(row.surface) || typeof ref !== 'object' || ref === null || Array.isArray(ref)) throw unreadable(`conversation reference ${row.surface}/${row.key}`, 'not an object');
  return { surface: row.surface as ConversationRef['surface'], key: row.key, ref: ref as ConversationRef['ref'], updatedAt: row.updated_at };
}

/** The audit_log row of an entry. */
export function auditRow(e: AuditEntry): AuditLogTable {
  return {
    seq: e.seq, at: e.at, action: e.action, actor: e.actor, actor_detail: JSON.stringify(e.actorDetail), request_id: e.requestId,
    data: JSON.stringify(e.data), prev_hash: e.prevHash, hash: e.hash, request_hash: e.requestHash, mac: e.mac,
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // The chain check reports an unreadable entry as the place where the chain breaks.
    return undefined;
  }
}

/** The audit row as the chain check sees it (`entry` null when its JSON is unreadable). */
export function storedAuditEntry(row: AuditLogTable): StoredAuditEntry {
  const seq = Number(row.seq);
  const actorDetail = tryParse(row.actor_detail);
  const data = tryParse(row.data);
  const entry: AuditEntry | null = isObject(actorDetail) && isObject(data)
    ? { seq, at: row.at, action: row.action, actor: row.actor, actorDetail: actorDetail as AuditEntry['actorDetail'], requestId: row.request_id, data, prevHash: row.prev_hash, hash: row.hash,
        requestHash: row.request_hash ?? null, mac: row.mac ?? null }
    : null;
  return { seq, prevHash: row.prev_hash, hash: row.hash, entry };
}

/** The audit entry of a row; throws when its JSON was damaged. */
export function auditEntry(row: AuditLogTable): AuditEntry {
  const { entry } = storedAuditEntry(row);
  if (entry === null) throw unreadable(`audit entry ${row.seq}`, 'actor_detail or data is not a JSON object');
  return entry;
}
