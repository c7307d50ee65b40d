// The fleet's tables (migrations 0013-0016, 0020: scans, Okta event receipts), as Kysely sees them.

/** One row per scan; each side's checkpoint is its next page's cursor. */
export interface ScanRunsTable {
  id: string;
  started_at: string;
  finished_at: string | null;
  app_id: string;
  okta_cursor: string | null;
  okta_done: number;
  okta_pages: number;
  okta_users: number;
  entra_cursor: string | null;
  entra_done: number;
  entra_pages: number;
  entra_users: number;
}

/** The one scan lease (name `scan`): one scan at a time across instances. */
export interface ScanLeaseTable {
  name: string;
  owner: string;
  until_ms: number;
  /** Who started the scan (a person, `schedule`), when known. */
  started_by: string | null;
}

/** One row per committed page of a scan: the users it staged and the staged users it matched (the app's JSON). */
export interface ScanStagedPagesTable {
  scan_id: string;
  seq: number;
  body: string;
}

/** Waiting users beyond the scan's memory budget (no index while the scan pages; indexed for the final merge). */
export interface ScanSpillTable {
  scan_id: string;
  side: string;
  item_id: string;
  key_id: string | null;
  key_upn: string | null;
  payload: string;
}

/** Diagnosed users of a scan. */
export interface ScanResultsTable {
  scan_id: string;
  user_key: string;
  verdict: string;
  row_json: string;
}

/** Okta events already received (by uuid). */
export interface OktaEventReceiptsTable {
  uuid: string;
  received_at: string;
}

/** The System Log poller's cursor (name `poller`) and its lease. */
export interface OktaLogCursorTable {
  name: string;
  cursor: string | null;
  owner: string | null;
  until_ms: number | null;
}
