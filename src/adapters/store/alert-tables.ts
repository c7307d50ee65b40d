// The alert tables (migration 0017), as Kysely sees them.

/** One alert: a cause's failures within a window. */
export interface AlertsTable {
  id: string;
  cause_key: string;
  cause_json: string;
  opened_at: string;
  window_until_ms: number;
  version: number;
}

/** The alert gathering a cause's failures until `window_until_ms`. */
export interface AlertCausesTable {
  cause_key: string;
  alert_id: string;
  window_until_ms: number;
}

/** A user on an alert. */
export interface AlertMembersTable {
  alert_id: string;
  upn: string;
  seq: number;
  display_name: string;
  status: string;
  alerted_at: string;
  resolved_at: string | null;
  report_json: string;
}

/** A user alerted and not resolved, and on which alert. */
export interface AlertedUsersTable {
  upn: string;
  alert_id: string;
}
