// The tables of the durable store, as Kysely sees them. Timestamps are ISO 8601 strings and JSON is text, so that
// SQLite and PostgreSQL hold exactly the same values and the same queries work on both.
import type { Generated } from 'kysely';
import type { AlertCausesTable, AlertedUsersTable, AlertMembersTable, AlertsTable } from './alert-tables.ts';
import type { BatchesTable, BatchMembersTable } from './batch-tables.ts';
import type { OktaEventReceiptsTable, OktaLogCursorTable, ScanLeaseTable, ScanResultsTable, ScanRunsTable, ScanSpillTable, ScanStagedPagesTable } from './scan-tables.ts';

/** One row per request; `request_json` is the whole LicenseRequest, the other columns are copies for queries. */
export interface RequestsTable {
  id: string;
  status: string;
  version: number;
  path: string;
  scope: string;
  requested_by: string;
  target_upn: string;
  created_at: string;
  updated_at: string;
  expires_at: string;
  request_json: string;
  /** The instance executing the request's plan, while its lease lasts. */
  lease_owner: string | null;
  lease_until: string | null;
  /** Grows with every lease taken (fencing token); writes under a lease name the token they hold. */
  lease_token: number;
  /** The request's path and target while it is open, else null (unique: one open request per target and path). */
  open_target: string | null;
}

/** One lease per target (user, group or app): one execution at a time changes it, across instances. */
export interface TargetLeasesTable {
  target_key: string;
  owner: string | null;
  until: string | null;
  /** Grows with every lease taken (fencing token). */
  token: number;
}

/** One row per decision on a request (its position in `decisions`), written with the compare-and-set that adds it. */
export interface DecisionsTable {
  request_id: string;
  position: number;
  kind: string;
  by_upn: string;
  at: string;
  reason: string | null;
  actor_json: string;
  /** When the store wrote the row (the decision's own time is `at`). */
  recorded_at: string;
}

/** One row per attempt of a plan step. */
export interface JournalTable {
  request_id: string;
  step_id: string;
  attempt: number;
  status: string;
  vendor_request_ids: string;
  started_at: string;
  finished_at: string | null;
  detail: string | null;
  owner: string;
}

export interface ConversationRefsTable {
  surface: string;
  key: string;
  ref: string;
  updated_at: string;
}

/** The append-only audit log; each row carries the hash of the row before it. */
export interface AuditLogTable {
  seq: number;
  at: string;
  action: string;
  actor: string;
  actor_detail: string;
  request_id: string | null;
  data: string;
  prev_hash: string;
  hash: string;
  /** SHA-256 of the request state this entry's change produced (entries that record a state change). */
  request_hash: string | null;
  /** HMAC-SHA256 of `hash` under AUDIT_KEY, when a key was set. */
  mac: string | null;
}

/** Request events for other processes (SQLite; PostgreSQL uses NOTIFY). */
export interface RequestEventsTable {
  id: Generated<number>;
  at: string;
  /** The instance that wrote it (it skips its own). */
  origin: string;
  payload: string;
}

export interface NoticesSentTable {
  key: string;
  sent_at: string;
}

/** A key claimed until `until_ms` (claimOnce; migration 0011). */
export interface OnceClaimsTable {
  key: string;
  until_ms: number;
}

/** The store's schema for Kysely. */
export interface StoreDatabase {
  requests: RequestsTable;
  target_leases: TargetLeasesTable;
  decisions: DecisionsTable;
  journal: JournalTable;
  conversation_refs: ConversationRefsTable;
  audit_log: AuditLogTable;
  request_events: RequestEventsTable;
  scan_runs: ScanRunsTable;
  scan_lease: ScanLeaseTable;
  scan_staged_pages: ScanStagedPagesTable;
  scan_spill: ScanSpillTable;
  scan_results: ScanResultsTable;
  notices_sent: NoticesSentTable;
  once_claims: OnceClaimsTable;
  okta_event_receipts: OktaEventReceiptsTable;
  okta_log_cursor: OktaLogCursorTable;
  alerts: AlertsTable;
  alert_causes: AlertCausesTable;
  alert_members: AlertMembersTable;
  alerted_users: AlertedUsersTable;
  batches: BatchesTable;
  batch_members: BatchMembersTable;
}
