// loadConfig(env): the one place that reads configuration (called from main.ts only). Each variable is checked by
// its zod schema, then the combinations are checked; every problem is reported at once, each with its fix.
import { LicenseDoctorError } from '../core/errors.ts';
import type { Config, GraphCredentialConfig, OktaAuthConfig, SlackConfig, TeamsConfig } from './config.ts';
import { DEFAULT_DATABASE_URL, deploymentMode } from './deployment-mode.ts';
import { envSchema, type Env } from './env-schema.ts';
import { shownValue } from './shown-value.ts';

/** Reads the configuration from `env` (process.env in main.ts); throws one LicenseDoctorError listing every problem. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const problems: string[] = [];
  // Blank values count as unset, as in most deployment tools.
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in envSchema.shape && v !== undefined && v.trim() !== ''));
  const parsed = envSchema.safeParse(present);
  let e: Env = {};
  if (parsed.success) e = parsed.data;
  else {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0]);
      problems.push(`${name}${shownValue(name, present[name] ?? '')}: ${issue.message}.`);
    }
    // Keep going with the variables that are valid, so every other problem is reported too.
    e = Object.fromEntries(Object.entries(present).filter(([k]) => !parsed.error.issues.some((i) => i.path[0] === k))) as Env;
  }
  const truthy = (v: string | undefined) => v !== undefined && /^(true|1|yes|on)$/i.test(v);

  const graph = graphCredential(e, problems);
  const okta = oktaAuth(e, problems);
  const graphSet = graph !== null || e.GRAPH_BASE_URL !== undefined;
  const oktaSet = okta !== null || e.OKTA_ORG_URL !== undefined;
  const decided = deploymentMode(e, graphSet || oktaSet, truthy);
  if (decided.mode === 'refused') problems.push(decided.problem);
  const sandbox = decided.mode === 'sandbox';

  let tenant: Config['tenant'] = null;
  if (decided.mode === 'live') {
    if (!graph) problems.push('Graph credentials are missing: set GRAPH_ACCESS_TOKEN, or AZURE_TENANT_ID + AZURE_CLIENT_ID + AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH), or AZURE_CLIENT_ID alone for a managed identity. To run on the sandbox instead, unset the Okta settings too.');
    if (!e.OKTA_ORG_URL) problems.push('OKTA_ORG_URL is missing: set it to your Okta org, e.g. https://acme.okta.com.');
    if (!okta) problems.push('Okta credentials are missing: set OKTA_API_TOKEN, or OKTA_CLIENT_ID + OKTA_PRIVATE_KEY for OAuth. To run on the sandbox instead, unset the Graph settings too.');
    if (graph && okta && e.OKTA_ORG_URL) {
      tenant = {
        graph: { baseUrl: stripSlash(e.GRAPH_BASE_URL ?? 'https://graph.microsoft.com/v1.0'), credential: graph },
        okta: { orgUrl: stripSlash(e.OKTA_ORG_URL), auth: okta },
      };
    }
  }

  if ((e.OKTA_WORKFLOWS_INVOKE_URL === undefined) !== (e.OKTA_WORKFLOWS_CLIENT_TOKEN === undefined)) {
    problems.push('Okta Workflows needs both OKTA_WORKFLOWS_INVOKE_URL and OKTA_WORKFLOWS_CLIENT_TOKEN (the flow\'s API endpoint and its client token).');
  }
  const approvers = (e.APPROVERS ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  // No approvers is not a configuration problem: diagnose and plan work without them; request and approve refuse
  // (app/approvers.ts requireApprovers), so that an admin connecting a tenant can diagnose first.

  const config: Config = {
    mode: sandbox ? 'sandbox' : 'live',
    tenant,
    oktaAppId: e.OKTA_O365_APP_ID ?? null,
    workflows: e.OKTA_WORKFLOWS_INVOKE_URL && e.OKTA_WORKFLOWS_CLIENT_TOKEN
      ? { invokeUrl: e.OKTA_WORKFLOWS_INVOKE_URL, clientToken: e.OKTA_WORKFLOWS_CLIENT_TOKEN } : null,
    approvals: { groupId: e.APPROVERS_GROUP_ID?.toLowerCase() ?? null, approvers, requestTtlHours: Number(e.REQUEST_TTL_HOURS ?? 24), approvalTtlHours: Number(e.APPROVAL_TTL_HOURS ?? 4), cliDecisions: e.CLI_DECISIONS === undefined || truthy(e.CLI_DECISIONS) },
    helpdeskGroupId: e.HELPDESK_GROUP_ID?.toLowerCase() ?? null,
    readOnly: truthy(e.READ_ONLY),
    vendorTimeoutMs: Number(e.VENDOR_TIMEOUT_SECONDS ?? 15) * 1000,
    execution: { manualStepsTtlDays: Number(e.MANUAL_STEPS_TTL_DAYS ?? 7), stopGraceSeconds: Number(e.STOP_GRACE_SECONDS ?? 20) },
    port: Number(e.PORT ?? 3978),
    alerts: { slackChannel: e.ALERTS_CHANNEL ?? null, teamsConversation: e.TEAMS_ALERTS_CONVERSATION ?? null, windowMinutes: Number(e.ALERT_WINDOW_MINUTES ?? 60),
      retentionDays: Number(e.ALERT_RETENTION_DAYS ?? 90) },
    scan: { leaseSeconds: Number(e.SCAN_LEASE_SECONDS ?? 30), schedule: e.SCAN_SCHEDULE ?? null, waitingKb: Number(e.SCAN_WAITING_KB ?? 65536) },
    batch: { concurrency: Number(e.BATCH_CONCURRENCY ?? 4) },
    oktaEventHook: e.OKTA_EVENT_HOOK_SECRET ? { secret: e.OKTA_EVENT_HOOK_SECRET } : null,
    publicUrl: e.PUBLIC_URL ?? null,
    oktaLogPollSeconds: e.OKTA_LOG_POLL_SECONDS ? Number(e.OKTA_LOG_POLL_SECONDS) : null,
    // The sandbox demo page is for this machine; a live bot serves Slack and Teams from wherever it is deployed.
    host: e.HOST ?? (sandbox ? '127.0.0.1' : null),
    work: {
      concurrency: Number(e.WORK_CONCURRENCY ?? 64),
      queueLimit: Number(e.WORK_QUEUE_LIMIT ?? 512),
      diagnosesPerMinute: Number(e.DIAGNOSES_PER_MINUTE ?? 20),
    },
    // URL schemes are case-insensitive (Postgres:// is PostgreSQL); the store matches them in lower case.
    databaseUrl: (e.DATABASE_URL ?? DEFAULT_DATABASE_URL).replace(/^[a-z]+:/i, (scheme) => scheme.toLowerCase()),
    audit: { key: e.AUDIT_KEY ?? null, checkpointMinutes: Number(e.AUDIT_CHECKPOINT_MINUTES ?? 15) },
    sandboxStateFile: e.SANDBOX_STATE_FILE ?? './data/sandbox-tenant.json',
    logLevel: e.LOG_LEVEL ?? 'info',
    slack: slackConfig(e, problems),
    teams: teamsConfig(e, truthy(e.TEAMS_ALLOW_UNAUTHENTICATED), problems),
  };
  if (decided.mode === 'live' && config.teams?.allowUnauthenticated && !config.readOnly) {
    problems.push('TEAMS_ALLOW_UNAUTHENTICATED=true is refused in live mode: anyone who reaches /api/messages could act as any approver. Configure TEAMS_CLIENT_ID and TEAMS_CLIENT_SECRET, or set READ_ONLY=true (nothing can be executed then).');
  }
  if (problems.length > 0) {
    const list = problems.map((p) => `  - ${p}`).join('\n');
    throw new LicenseDoctorError('configuration', `Configuration has ${problems.length} problem${problems.length > 1 ? 's' : ''}:\n${list}`, { problems });
  }
  return config;
}

const stripSlash = (u: string) => u.replace(/\/+$/, '');

function graphCredential(e: Env, problems: string[]): GraphCredentialConfig | null {
  const { GRAPH_ACCESS_TOKEN: token, AZURE_TENANT_ID: tenantId, AZURE_CLIENT_ID: clientId } = e;
  const { AZURE_CLIENT_SECRET: secret, AZURE_CLIENT_CERTIFICATE_PATH: cert } = e;
  if (token) return { kind: 'static', token };
  if (secret && cert) problems.push('Set either AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH, not both.');
  if ((secret || cert) && (!tenantId || !clientId)) {
    problems.push('AZURE_CLIENT_SECRET / AZURE_CLIENT_CERTIFICATE_PATH need AZURE_TENANT_ID and AZURE_CLIENT_ID too.');
    return null;
  }
  if (tenantId && clientId && secret) return { kind: 'client-secret', tenantId, clientId, clientSecret: secret };
  if (tenantId && clientId && cert) return { kind: 'client-certificate', tenantId, clientId, certificatePath: cert };
  if (clientId && !tenantId) return { kind: 'managed-identity', clientId };
  if (tenantId && clientId) problems.push('AZURE_TENANT_ID and AZURE_CLIENT_ID are set without AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH.');
  return null;
}

function oktaAuth(e: Env, problems: string[]): OktaAuthConfig | null {
  const { OKTA_API_TOKEN: token, OKTA_CLIENT_ID: clientId, OKTA_PRIVATE_KEY: privateKey } = e;
  if (token && (clientId || privateKey)) problems.push('Set either OKTA_API_TOKEN or OKTA_CLIENT_ID + OKTA_PRIVATE_KEY, not both.');
  if (token) return { kind: 'ssws', token };
  if (clientId && privateKey) return { kind: 'private-key', clientId, privateKey: privateKey.replace(/\\n/g, '\n'), keyId: e.OKTA_KEY_ID ?? null };
  if (clientId || privateKey) problems.push('OAuth for Okta needs both OKTA_CLIENT_ID and OKTA_PRIVATE_KEY (PEM or JWK).');
  return null;
}

function slackConfig(e: Env, problems: string[]): SlackConfig | null {
  const { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: appToken } = e;
  const approvalsChannel = e.SLACK_APPROVALS_CHANNEL;
  if (!botToken) {
    if (signingSecret || appToken || approvalsChannel) problems.push('Slack settings are present but SLACK_BOT_TOKEN is missing (the xoxb- token from "OAuth & Permissions").');
    return null;
  }
  if (!signingSecret && !appToken) problems.push('Slack needs SLACK_SIGNING_SECRET (HTTP mode, from "Basic Information") or SLACK_APP_TOKEN (Socket Mode, an xapp- token).');
  if (appToken && !appToken.startsWith('xapp-')) problems.push('SLACK_APP_TOKEN must be an app-level token starting with xapp-.');
  if (!approvalsChannel) problems.push('SLACK_APPROVALS_CHANNEL is missing: the id (C...) of the channel where approval cards are posted; invite the bot there.');
  return {
    botToken, signingSecret: signingSecret ?? null, appToken: appToken ?? null, approvalsChannel: approvalsChannel ?? null,
    apiUrl: `${stripSlash(e.SLACK_API_URL ?? 'https://slack.com/api')}/`,
  };
}

function teamsConfig(e: Env, allowUnauthenticated: boolean, problems: string[]): TeamsConfig | null {
  const { TEAMS_CLIENT_ID: clientId, TEAMS_CLIENT_SECRET: clientSecret, TEAMS_TENANT_ID: tenantId } = e;
  const approvalsConversation = e.TEAMS_APPROVALS_CONVERSATION ?? null;
  const anyCredential = Boolean(clientId || clientSecret || tenantId);
  if (anyCredential && (!clientId || !clientSecret)) problems.push('Teams needs TEAMS_CLIENT_ID and TEAMS_CLIENT_SECRET together (the bot\'s Entra app registration).');
  if (anyCredential && allowUnauthenticated) problems.push('TEAMS_ALLOW_UNAUTHENTICATED=true is refused while Teams credentials are set: unset it (it is only for local tools such as Microsoft 365 Agents Playground).');
  if (!anyCredential && !allowUnauthenticated && !approvalsConversation) return null;
  return { clientId: clientId ?? null, clientSecret: clientSecret ?? null, tenantId: tenantId ?? null, approvalsConversation, allowUnauthenticated };
}
