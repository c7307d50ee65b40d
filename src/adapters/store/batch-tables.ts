// The batch tables (migration 0018), as Kysely sees them.

/** One row per batch; `batch_json` is the whole BatchRequest, the other columns are copies for queries. */
export interface BatchesTable {
  id: string;
  status: string;
  version: number;
  created_at: string;
  updated_at: string;
  batch_json: string;
}

/** One row per user of a batch; `member_json` is the whole BatchMember. */
export interface BatchMembersTable {
  batch_id: string;
  position: number;
  upn: string;
  request_id: string | null;
  state: string;
  updated_at: string;
  member_json: string;
}
