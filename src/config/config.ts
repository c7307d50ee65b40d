// The typed configuration License Doctor runs with; `loadConfig` builds it from the environment.

export type GraphCredentialConfig =
  | { readonly kind: 'static'; readonly token: string }
  | { readonly kind: 'client-secret'; readonly tenantId: string; readonly clientId: string; readonly clientSecret: string }
  | { readonly kind: 'client-certificate'; readonly tenantId: string; readonly clientId: string; readonly certificatePath: string }
  | { readonly kind: 'managed-identity'; readonly clientId: string };

export type OktaAuthConfig =
  | { readonly kind: 'ssws'; readonly token: string }
  | { readonly kind: 'private-key'; readonly clientId: string; readonly privateKey: string; readonly keyId: string | null };

export interface LiveTenantConfig {
  readonly graph: { readonly baseUrl: string; readonly credential: GraphCredentialConfig };
  readonly okta: { readonly orgUrl: string; readonly auth: OktaAuthConfig };
}

export interface SlackConfig {
  readonly botToken: string;
  readonly signingSecret: string | null;
  readonly appToken: string | null;
  readonly approvalsChannel: string | null;
  readonly apiUrl: string;
}

export interface TeamsConfig {
  readonly clientId: string | null;
  readonly clientSecret: string | null;
  readonly tenantId: string | null;
  readonly approvalsConversation: string | null;
  readonly allowUnauthenticated: boolean;
}

export interface Config {
  /** `sandbox`: the built-in sandbox tenant; `live`: real Graph and Okta. */
  readonly mode: 'sandbox' | 'live';
  /** Real Graph and Okta settings (null in sandbox mode: the sandbox supplies its own). */
  readonly tenant: LiveTenantConfig | null;
  readonly oktaAppId: string | null;
  readonly workflows: { readonly invokeUrl: string; readonly clientToken: string } | null;
  readonly approvals: {
    /** Entra group whose transitive members may approve (in sandbox mode, the seeded approvers group by default). */
    readonly groupId: string | null;
    /** Explicitly allowed approvers (UPNs, lower-case), in addition to the group. */
    readonly approvers: readonly string[];
    readonly requestTtlHours: number;
    /** Hours an approved request may wait to start before the approval expires. */
    readonly approvalTtlHours: number;
    /** Whether approve, reject and cancel are accepted from the command line in live mode (CLI_DECISIONS). */
    readonly cliDecisions: boolean;
  };
  /** Entra group whose transitive members may diagnose, preview and request (null: anyone who can reach the bot). */
  readonly helpdeskGroupId: string | null;
  readonly readOnly: boolean;
  /** Deadline of one Graph or Okta call (VENDOR_TIMEOUT_SECONDS). */
  readonly vendorTimeoutMs: number;
  /** Execution: how long a needs-manual-steps request waits before it expires; how long a stop may take. */
  readonly execution: { readonly manualStepsTtlDays: number; readonly stopGraceSeconds: number };
  readonly port: number;
  /** Interface the server listens on (null: every interface). */
  readonly host: string | null;
  /** The one work queue every chat surface shares, and the per-person limit on diagnoses. */
  readonly work: { readonly concurrency: number; readonly queueLimit: number; readonly diagnosesPerMinute: number };
  /** Okta event hook at /okta/events (OKTA_EVENT_HOOK_SECRET set), else null. */
  readonly oktaEventHook: { readonly secret: string } | null;
  /** Seconds between System Log polls (OKTA_LOG_POLL_SECONDS), null: no polling. */
  readonly oktaLogPollSeconds: number | null;
  /** The public base URL of this deployment (PUBLIC_URL), for `hooks register`. */
  readonly publicUrl: string | null;
  /** Proactive alerts: the Slack channel id (ALERTS_CHANNEL), the Teams conversation (TEAMS_ALERTS_CONVERSATION), the
   *  window within which failures of one cause share a card (ALERT_WINDOW_MINUTES), and how many days closed alerts are
   *  kept (ALERT_RETENTION_DAYS). */
  readonly alerts: { readonly slackChannel: string | null; readonly teamsConversation: string | null; readonly windowMinutes: number; readonly retentionDays: number };
  /** Fleet scans: how long the scan lease lasts without renewal (a crashed scan resumes after it), and when the server
   *  scans by itself (SCAN_SCHEDULE, a five-field cron expression in UTC; null: never). */
  readonly scan: { readonly leaseSeconds: number; readonly schedule: string | null; readonly waitingKb: number };
  /** Batches: how many users of one batch run at once (BATCH_CONCURRENCY). */
  readonly batch: { readonly concurrency: number };
  readonly databaseUrl: string;
  /** AUDIT_KEY (null: entries are hash-chained but not keyed) and minutes between audit checkpoints in the log. */
  readonly audit: { readonly key: string | null; readonly checkpointMinutes: number };
  /** File that keeps the sandbox tenant between processes (sandbox mode). */
  readonly sandboxStateFile: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly slack: SlackConfig | null;
  readonly teams: TeamsConfig | null;
}
