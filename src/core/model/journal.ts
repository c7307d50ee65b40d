// The execution journal and the audit log (pure data, kept by RequestStore).

/** One attempt of one plan step, written before the vendor call (started) and after it (finished). */
export interface JournalEntry {
  readonly requestId: string;
  readonly stepId: string;
  readonly attempt: number;
  readonly status: 'started' | 'succeeded' | 'skipped' | 'failed' | 'manual';
  /** Request ids the vendor returned (Graph request-id, X-Okta-Request-Id), for support cases. */
  readonly vendorRequestIds: readonly string[];
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly detail: string | null;
  /** Which instance ran it. */
  readonly owner: string;
}

/** Who holds a request's execution lease, and with which token: writes made under a lease are conditional on both. */
export interface LeaseFence {
  readonly owner: string;
  /** Grows with every lease taken on the request, so a paused executor's old token never matches again. */
  readonly token: number;
}

/** An audit entry as the application writes it. */
export interface AuditRecord {
  readonly at: string;
  /** e.g. request.created, request.approved, approval.refused, step.succeeded, execution.finished. */
  readonly action: string;
  /** Entra UPN of the person, or `system` for the executor. */
  readonly actor: string;
  /** Extra identity of the actor: surface, surface user id, OS user for the CLI. */
  readonly actorDetail: Readonly<Record<string, string | null>>;
  readonly requestId: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

/** An audit entry as stored: numbered, and chained to the one before by its hash. */
export interface AuditEntry extends AuditRecord {
  readonly seq: number;
  /** SHA-256 (hex) of the previous entry's `hash`, or 64 zeros for the first. */
  readonly prevHash: string;
  /** SHA-256 (hex) over prevHash and the canonical JSON of the record (with requestHash when present). */
  readonly hash: string;
  /** SHA-256 (hex) of the canonical JSON of the request state this entry's change stored; null for other entries. */
  readonly requestHash: string | null;
  /** HMAC-SHA256 (hex) of `hash` under AUDIT_KEY; null when no key was set. */
  readonly mac: string | null;
}

/** The last entry of the audit log, as checkpoints record it. */
export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
  readonly mac: string | null;
}

/** Which audit entries to read: of one request, written at or after `since`, after seq `afterSeq`, at most `limit`. */
export interface AuditFilter {
  readonly requestId?: string;
  readonly since?: string;
  readonly afterSeq?: number;
  readonly limit?: number;
}

/** Result of checking the audit chain. */
export type AuditVerification =
  | {
      readonly kind: 'intact';
      readonly entries: number;
      /** With AUDIT_KEY: the first entry carrying a MAC (every later one does, and each MAC was checked). */
      readonly keyedFrom?: number;
      /** How many stored requests were checked against the state hash of their last audit entry. */
      readonly requests?: number;
    }
  | { readonly kind: 'broken'; readonly entries: number; readonly firstBrokenSeq: number; readonly reason: string };

/** Where a surface posted a card, so any instance can update it later. */
export interface ConversationRef {
  readonly surface: 'slack' | 'teams' | 'web';
  /** What the card is about: `request:<id>` for approval cards and status lines, `approvals` for the Teams channel itself, ... */
  readonly key: string;
  /** Platform data: Slack channel + ts, Teams conversation reference + activity id, ... */
  readonly ref: Readonly<Record<string, unknown>>;
  readonly updatedAt: string;
}
