// Every environment variable License Doctor reads: one zod schema that is both the check and the documentation
// (the README's configuration reference is generated from it by scripts/config-reference.ts).
import { z } from 'zod';
import { parseCron } from '../core/scan/cron.ts';

/** Documentation attached to each variable. */
export type VariableMeta = {
  readonly description: string;
  readonly example: string;
  readonly default?: string;
  readonly group: 'Tenant' | 'Okta' | 'Approvals' | 'Server' | 'Slack' | 'Teams';
  /** Never logged or shown. */
  readonly secret?: boolean;
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const text = (meta: VariableMeta) => z.string().trim().min(1).optional().meta(meta);
const bool = (meta: VariableMeta) =>
  z.string().trim().regex(/^(true|false|1|0|yes|no|on|off)$/i, 'use true or false').optional().meta(meta);
const int = (min: number, max: number, meta: VariableMeta) =>
  z.string().trim().regex(/^\d+$/, 'must be a whole number')
    .refine((v) => Number(v) >= min && Number(v) <= max, `must be between ${min} and ${max}`).optional().meta(meta);
const guid = (meta: VariableMeta) => z.string().trim().regex(GUID, 'must be an Entra object id (a GUID)').optional().meta(meta);
const httpUrl = (meta: VariableMeta) =>
  z.string().trim().refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'must be a full http(s) URL')
    .refine((v) => !URL.canParse(v) || new URL(v).protocol === 'https:' || LOOPBACK.has(new URL(v).hostname),
      'http:// is allowed only for loopback hosts (127.0.0.1, localhost); use https://')
    .optional().meta(meta);

export const envSchema = z.object({
  SANDBOX: bool({ group: 'Tenant', description: 'true runs the built-in sandbox tenant (fake Contoso data). Without it the sandbox runs only when nothing at all is configured: Graph/Okta settings missing while a chat credential, a DATABASE_URL or NODE_ENV=production is set is a configuration error.', example: 'true' }),
  GRAPH_BASE_URL: httpUrl({ group: 'Tenant', description: 'Microsoft Graph base URL, including the version.', default: 'https://graph.microsoft.com/v1.0', example: 'https://graph.microsoft.com/v1.0' }),
  GRAPH_ACCESS_TOKEN: text({ group: 'Tenant', description: 'A static bearer token for Graph (instead of Azure credentials); for tests and short sessions.', example: 'eyJ0eXAi...', secret: true }),
  AZURE_TENANT_ID: guid({ group: 'Tenant', description: 'Entra tenant id of the app registration License Doctor uses for Graph.', example: '6f1c3c1e-2b4d-4c8e-9a51-5d0c0ffee001' }),
  AZURE_CLIENT_ID: guid({ group: 'Tenant', description: 'Application (client) id of that app registration; alone (on Azure) it selects a user-assigned managed identity.', example: '11111111-2222-3333-4444-555555555555' }),
  AZURE_CLIENT_SECRET: text({ group: 'Tenant', description: 'Client secret of the app registration (prefer a certificate).', example: 'Abc8Q~...', secret: true }),
  AZURE_CLIENT_CERTIFICATE_PATH: text({ group: 'Tenant', description: 'Path to a PEM file with the certificate and private key of the app registration.', example: '/run/secrets/license-doctor.pem' }),
  OKTA_ORG_URL: httpUrl({ group: 'Okta', description: 'Your Okta org URL.', example: 'https://acme.okta.com' }),
  OKTA_API_TOKEN: text({ group: 'Okta', description: 'Okta API token (SSWS) of a service account with the scopes in the README.', example: '00aBcD...', secret: true }),
  OKTA_CLIENT_ID: text({ group: 'Okta', description: 'Client id of an Okta API service app (OAuth 2.0 private-key JWT) instead of an API token.', example: '0oa1b2c3d4e5f6g7h8i9' }),
  OKTA_PRIVATE_KEY: text({ group: 'Okta', description: 'Private key of that service app, PEM (\\n allowed for newlines) or JWK JSON.', example: '-----BEGIN PRIVATE KEY-----\\n...', secret: true }),
  OKTA_KEY_ID: text({ group: 'Okta', description: 'Key id (kid) of that private key, when the service app has several keys.', example: 'ld-2026' }),
  OKTA_O365_APP_ID: text({ group: 'Okta', description: 'Which Office 365 app instance to use. Default: the only active app named office365; with several active instances, the one the user is assigned to.', example: '0oa1abcdefGHIJKLM123' }),
  OKTA_WORKFLOWS_INVOKE_URL: httpUrl({ group: 'Okta', description: 'Invoke URL of the Okta Workflows API-endpoint flow that pushes non-license attributes (resolution path 3).', example: 'https://acme.workflows.okta.com/api/flo/abc123/invoke' }),
  OKTA_WORKFLOWS_CLIENT_TOKEN: text({ group: 'Okta', description: 'Client token of that flow (sent in the x-api-client-token header).', example: 'e3b0c442...', secret: true }),
  VENDOR_TIMEOUT_SECONDS: int(1, 45, { group: 'Tenant', description: 'Deadline of one Graph or Okta call, retries included; kept well under the 60 s execution lease so that no call outlives it. A call past it counts as "outcome unknown".', default: '15', example: '15' }),
  APPROVERS_GROUP_ID: guid({ group: 'Approvals', description: 'Entra group whose members (direct or nested) may approve changes; checked live on every decision.', example: '0a1b2c3d-1111-2222-3333-444455556666' }),
  HELPDESK_GROUP_ID: guid({ group: 'Approvals', description: 'Entra group whose members (direct or nested) may diagnose, preview plans and file requests on every surface; checked live, cached for a minute. Unset: everyone in the workspace/tenant may.', example: '0a1b2c3d-7777-8888-9999-444455556666' }),
  APPROVERS: text({ group: 'Approvals', description: 'Comma-separated UPNs allowed to approve, in addition to the group.', example: 'ida@contoso.com,ops-lead@contoso.com' }),
  REQUEST_TTL_HOURS: int(1, 720, { group: 'Approvals', description: 'Hours after which a pending request expires.', default: '24', example: '24' }),
  APPROVAL_TTL_HOURS: int(1, 168, { group: 'Approvals', description: 'Hours an approved request may wait to start (e.g. approved with --no-execute, or while READ_ONLY was on) before the approval expires and a new request is needed.', default: '4', example: '4' }),
  CLI_DECISIONS: bool({ group: 'Approvals', description: 'false refuses approve, reject and cancel from the command line in live mode (its --as is asserted, not verified); recommended in production. Ignored in sandbox mode.', default: 'true', example: 'false' }),
  MANUAL_STEPS_TTL_DAYS: int(1, 90, { group: 'Approvals', description: 'Days after which a request left waiting for manual steps (since its last change) expires.', default: '7', example: '7' }),
  READ_ONLY: bool({ group: 'Approvals', description: 'true refuses every execution (diagnoses and plan previews still work).', default: 'false', example: 'true' }),
  DATABASE_URL: z.string().trim().regex(/^(sqlite:|postgres(ql)?:\/\/)/i, 'must start with sqlite: or postgres://').optional().meta({ group: 'Server', description: 'Where requests, decisions, the execution journal and the audit log are kept: a SQLite file, or PostgreSQL for several instances.', default: 'sqlite:./data/license-doctor.sqlite', example: 'postgres://license_doctor@db:5432/license_doctor', secret: true }),
  AUDIT_KEY: z.string().trim().min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)').optional().meta({ group: 'Server', description: 'Secret for the audit log\'s HMAC: each entry carries an HMAC of its hash, so a rewritten and recomputed chain fails `audit verify`. Keep it outside the database; set it from the first start.', example: 'openssl rand -hex 32', secret: true }),
  AUDIT_CHECKPOINT_MINUTES: int(0, 1440, { group: 'Server', description: 'Minutes between audit checkpoints in the log (head seq, hash and MAC), so a shipped log reveals a truncated audit table; 0 turns them off.', default: '15', example: '15' }),
  HOST: text({ group: 'Server', description: 'Interface the HTTP server listens on. Default: 127.0.0.1 in sandbox mode (the demo page is for this machine), every interface in live mode.', example: '0.0.0.0' }),
  NODE_ENV: text({ group: 'Server', description: 'production makes a missing Graph/Okta configuration an error instead of the sandbox (the Docker image sets it).', example: 'production' }),
  WORK_CONCURRENCY: int(1, 1000, { group: 'Server', description: 'Diagnoses and plan previews (from every chat surface) that run at once; the rest wait in one queue.', default: '64', example: '64' }),
  WORK_QUEUE_LIMIT: int(0, 100000, { group: 'Server', description: 'Work allowed to wait beyond WORK_CONCURRENCY; more is answered "busy, try again in N s".', default: '512', example: '512' }),
  DIAGNOSES_PER_MINUTE: int(1, 10000, { group: 'Server', description: 'Diagnoses and plan previews one person may ask for per minute (a friendly refusal beyond).', default: '20', example: '20' }),
  PORT: int(0, 65535, { group: 'Server', description: 'HTTP port of the server (Teams, Slack, health, metrics, demo).', default: '3978', example: '3978' }),
  STOP_GRACE_SECONDS: int(1, 600, { group: 'Server', description: 'On SIGTERM, how long a running plan may take to finish its vendor call in flight, journal it and release its lease before the process exits; keep it below the orchestrator\'s stop grace period (compose.yaml: stop_grace_period).', default: '20', example: '20' }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional().meta({ group: 'Server', description: 'pino log level.', default: 'info', example: 'debug' }),
  OKTA_EVENT_HOOK_SECRET: text({ group: 'Okta', description: 'The Authorization header value Okta sends with event hook deliveries to /okta/events (set: the route is enabled; a delivery without it is refused with 401).', example: 'Bearer 3f9c...', secret: true }),
  OKTA_LOG_POLL_SECONDS: int(10, 3600, { group: 'Okta', description: 'Where Okta cannot reach an event hook: poll the System Log for failed Office 365 pushes every this many seconds (one instance polls at a time; the cursor is kept in the store). Off when unset.', example: '60' }),
  PUBLIC_URL: z.string().trim().refine((v) => URL.canParse(v) && (new URL(v).protocol === 'https:' || LOOPBACK.has(new URL(v).hostname)), 'must be an https:// URL (Okta delivers event hooks over HTTPS only; http only for loopback hosts)').optional().meta({ group: 'Server', description: 'The public base URL of this deployment, for license-doctor hooks register.', example: 'https://license-doctor.contoso.com' }),
  ALERT_WINDOW_MINUTES: int(1, 1440, { group: 'Server', description: 'Failed pushes that share a cause (licensing group and SKU) within this many minutes of the first one are one alert card, updated in place.', default: '60', example: '60' }),
  ALERT_RETENTION_DAYS: int(1, 3650, { group: 'Server', description: 'Closed alerts (every user resolved or released, the window over) and their user rows are deleted by the maintenance pass this many days after they closed; open alerts are never deleted, the audit log keeps every entry, and cards already posted stay as they are.', default: '90', example: '90' }),
  SCAN_SCHEDULE: z.string().trim().min(1).superRefine((v, ctx) => {
    const parsed = parseCron(v);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `is not a cron expression: ${parsed.problem}` });
  }).optional().meta({ group: 'Server', description: 'When the server scans the whole fleet by itself: a five-field cron expression (minute hour day-of-month month day-of-week, in UTC), e.g. "0 6 * * 1-5" for 06:00 UTC on weekdays. One instance runs each due scan; its summary goes to ALERTS_CHANNEL / TEAMS_ALERTS_CONVERSATION. Off when unset.', example: '0 6 * * 1-5' }),
  SCAN_LEASE_SECONDS: int(2, 3600, { group: 'Server', description: 'How long the fleet scan lease lasts without renewal: one scan runs at a time across instances, and a crashed scan is resumed from its checkpoint once this has passed.', default: '30', example: '30' }),
  SCAN_WAITING_KB: int(0, 4_194_304, { group: 'Server', description: 'How much memory (KB, roughly) the fleet scan gives the users it has read on one side and not yet met on the other; beyond it they wait in the store and are joined at the end, so a scan of any tenant runs in bounded memory. The default holds a 100,000-user tenant in memory.', default: '65536', example: '65536' }),
  BATCH_CONCURRENCY: int(1, 32, { group: 'Server', description: 'How many users of one batch run at once (each through the same rate-limit-aware Graph and Okta adapters as any execution; a user waits out a vendor\'s reset rather than failing).', default: '4', example: '4' }),
  SANDBOX_STATE_FILE: text({ group: 'Server', description: 'Where the sandbox tenant keeps its state between processes (sandbox mode).', default: './data/sandbox-tenant.json', example: './data/sandbox-tenant.json' }),
  SLACK_BOT_TOKEN: text({ group: 'Slack', description: 'Bot token (xoxb-...) from the Slack app\'s "OAuth & Permissions".', example: 'xoxb-...', secret: true }),
  SLACK_SIGNING_SECRET: text({ group: 'Slack', description: 'Signing secret from "Basic Information" (HTTP mode; requests without a valid signature are refused).', example: '8f14e45f...', secret: true }),
  SLACK_APP_TOKEN: text({ group: 'Slack', description: 'App-level token (xapp-...) with connections:write: Socket Mode instead of HTTP.', example: 'xapp-1-...', secret: true }),
  SLACK_APPROVALS_CHANNEL: text({ group: 'Slack', description: 'Channel id where approval cards are posted; invite the bot there.', example: 'C0123456789' }),
  ALERTS_CHANNEL: text({ group: 'Slack', description: 'Channel id where proactive alerts (failed Okta pushes seen by the event hook or the System Log poller) are posted; invite the bot there. No Slack alerts when unset.', example: 'C0987654321' }),
  SLACK_API_URL: httpUrl({ group: 'Slack', description: 'Slack Web API base URL (Enterprise Grid proxies, tests).', default: 'https://slack.com/api/', example: 'https://slack.com/api/' }),
  TEAMS_CLIENT_ID: text({ group: 'Teams', description: 'Application (client) id of the bot\'s Entra app registration (Azure Bot).', example: '22222222-3333-4444-5555-666666666666' }),
  TEAMS_CLIENT_SECRET: text({ group: 'Teams', description: 'Client secret of that registration.', example: 'Xyz8Q~...', secret: true }),
  TEAMS_TENANT_ID: text({ group: 'Teams', description: 'Tenant id of a single-tenant bot registration.', example: '6f1c3c1e-2b4d-4c8e-9a51-5d0c0ffee001' }),
  TEAMS_APPROVALS_CONVERSATION: text({ group: 'Teams', description: 'Conversation id of the approvals channel; its reference is captured when the bot is installed there (or first hears from it).', example: '19:abc123@thread.tacv2' }),
  TEAMS_ALERTS_CONVERSATION: text({ group: 'Teams', description: 'Conversation id of the helpdesk channel for proactive alerts; its reference is captured when the bot is installed there (or first hears from it). Sandbox: the demo page\'s alerts channel.', example: '19:def456@thread.tacv2' }),
  TEAMS_ALLOW_UNAUTHENTICATED: bool({ group: 'Teams', description: 'true accepts Teams activities without a token, for local tools such as Microsoft 365 Agents Playground; refused while Teams credentials are set.', default: 'false', example: 'true' }),
});

export type Env = z.infer<typeof envSchema>;

/** The documentation of every variable, in schema order. */
export function describeVariables(): Array<{ name: string } & VariableMeta> {
  return Object.entries(envSchema.shape).map(([name, schema]) => ({ name, ...(z.globalRegistry.get(schema) as unknown as VariableMeta) }));
}
