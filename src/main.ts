// The composition root: the only file that knows every concrete class. CLI commands and the server build a
// Runtime from the configuration and talk to the application services through it.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { DiagnoseDeps } from './app/diagnose-user.ts';
import { followRemoteEvents, forwardRequestEvents } from './app/request-event-relay.ts';
import { RequestEvents } from './app/request-events.ts';
import { AlertOutlets } from './app/alerts/alert-outlets.ts';
import { AlertService } from './app/alerts/alert-service.ts';
import { BatchHub } from './app/batch/batch-hub.ts';
import { forwardBatchChanges, receiveBatchChange } from './app/batch/batch-relay.ts';
import type { DiagnosisReport } from './core/model/diagnosis.ts';
import { DEFAULT_EXECUTION, SANDBOX_EXECUTION } from './app/service-deps.ts';
import { HelpdeskGate } from './app/helpdesk-gate.ts';
import { createServices } from './app/services.ts';
import { lazyRequestStore } from './adapters/store/lazy-request-store.ts';
import type { RequestStore } from './core/ports/request-store.ts';
import { createGraphDirectory, tokenSource, type GraphCredentialOption } from './adapters/graph/create-graph-directory.ts';
import { createOktaOrg } from './adapters/okta/create-okta-org.ts';
import { createWorkflowsFlow } from './adapters/okta/workflows-flow.ts';
import { OktaRateLimits } from './adapters/okta/okta-rate-limits.ts';
import { RetryAfterGate } from './adapters/graph/retry-after-gate.ts';
import { readGraphRoles } from './adapters/graph/read-graph-roles.ts';
import type { PermissionReader } from './core/ports/permission-reader.ts';
import type { Config } from './config/config.ts';
import type { Clock } from './core/ports/clock.ts';
import type { FleetFactories, Runtime, RuntimeOptions } from './runtime.ts';
import type { SurfaceServices } from './server/surface.ts';

export type { Runtime, RuntimeOptions } from './runtime.ts';

/** A short, readable, unique request id, e.g. LD-7K3F-9QX2. */
export function newRequestId(): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `LD-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

const systemClock: Clock = { now: () => Date.now() };

/** Builds the adapters for `config`, starting the sandbox tenant in sandbox mode. */
export async function createRuntime(config: Config, options: RuntimeOptions): Promise<Runtime> {
  const { logger } = options;
  // The sandbox is loaded only in sandbox mode: live code never imports it (test/architecture).
  const sandbox = config.mode === 'sandbox'
    ? await (await import('./sandbox/start-sandbox.ts')).startSandbox(options.sandboxInMemory ? {} : { file: config.sandboxStateFile })
    : null;
  const tenant = sandbox
    ? {
        graph: { baseUrl: sandbox.endpoints.graphBaseUrl, credential: { kind: 'static' as const, token: sandbox.endpoints.graphToken } },
        okta: { orgUrl: sandbox.endpoints.oktaOrgUrl, auth: { kind: 'ssws' as const, token: sandbox.endpoints.oktaToken } },
      }
    : config.tenant;
  if (!tenant) throw new Error('live mode without tenant settings: loadConfig should have refused this configuration');

  // @azure/identity is loaded only when Azure credentials are configured (it is slow to load, and unused otherwise).
  const graphCredential = tenant.graph.credential;
  const execution = {
    ...DEFAULT_EXECUTION, manualStepsTtlMs: config.execution.manualStepsTtlDays * 24 * 3_600_000, ...(sandbox ? SANDBOX_EXECUTION : {}), ...options.execution,
  };
  // Chat and CLI reads wait briefly for a rate limit and otherwise say when to retry; executions wait out a reset
  // (Okta's are per minute) within their lease. Both share what the vendors said about their limits.
  const retryAfterGate = new RetryAfterGate();
  const rateLimits = new OktaRateLimits();
  const patientMs = Math.max(config.vendorTimeoutMs, Math.min(45_000, execution.leaseMs - config.vendorTimeoutMs));
  const credential: GraphCredentialOption = graphCredential.kind === 'static'
    ? { kind: 'static', token: graphCredential.token }
    : { kind: 'token-credential', credential: (await import('./adapters/graph/create-graph-credential.ts')).createGraphCredential(graphCredential) };
  const graphFor = (waitMs: number | null) => createGraphDirectory({
    baseUrl: tenant.graph.baseUrl,
    timeoutMs: config.vendorTimeoutMs + (waitMs ?? 0),
    retryAfterGate,
    ...(waitMs === null ? {} : { retryBudgetMs: waitMs }),
    credential,
    ...(options.onVendorRequest ? { onRequest: (i: { method: string; url: string }) => options.onVendorRequest?.({ vendor: 'graph', ...i }) } : {}),
  });
  const oktaFor = (waitMs: number | null) => createOktaOrg({
    orgUrl: tenant.okta.orgUrl,
    requestTimeoutMs: config.vendorTimeoutMs,
    rateLimits,
    ...(waitMs === null ? {} : { waitBudgetMs: waitMs, maxRetries: 4 }),
    auth: tenant.okta.auth.kind === 'ssws'
      ? { kind: 'ssws', token: tenant.okta.auth.token }
      : {
          kind: 'private-key', clientId: tenant.okta.auth.clientId, privateKey: tenant.okta.auth.privateKey,
          ...(tenant.okta.auth.keyId ? { keyId: tenant.okta.auth.keyId } : {}),
          scopes: ['okta.users.read', 'okta.groups.read', 'okta.apps.read', 'okta.apps.manage', 'okta.logs.read', 'okta.schemas.read'],
        },
    ...(options.onVendorRequest ? { onRequest: (i: { method: string; url: string }) => options.onVendorRequest?.({ vendor: 'okta', ...i }) } : {}),
  });
  const entra = graphFor(null);
  const okta = oktaFor(null);
  const patientOkta = oktaFor(patientMs);
  const workflowsSettings = config.workflows ?? sandbox?.workflows ?? null;
  const workflows = workflowsSettings ? createWorkflowsFlow(workflowsSettings) : null;
  const diagnoseDeps: DiagnoseDeps = {
    entra, okta, clock: systemClock, sandbox: sandbox !== null, oktaAppId: config.oktaAppId, workflowsConfigured: workflows !== null,
  };
  const permissions: PermissionReader = {
    readGranted: async ({ probeWrites = true } = {}) => {
      const [graphRoles, oktaScopes] = await Promise.all([readGraphRoles(tokenSource(credential)), okta.probeScopes({ write: probeWrites })]);
      return { graphRoles, oktaScopes, ...(probeWrites ? {} : { oktaUnchecked: ['okta.apps.manage'] }) };
    },
  };
  const executionDiagnose: DiagnoseDeps = { ...diagnoseDeps, entra: graphFor(patientMs), okta: patientOkta };
  if (sandbox) logger.debug({ graph: sandbox.endpoints.graphBaseUrl, okta: sandbox.endpoints.oktaOrgUrl }, 'sandbox tenant started');
  const lazyStore = lazyRequestStore(async () => {
    const { createRequestStore } = await import('./adapters/store/create-request-store.ts');
    const opened = await createRequestStore(options.databaseUrl ?? config.databaseUrl, {
      ...(options.databaseSchema ? { schema: options.databaseSchema } : {}),
      ...(config.audit.key === null ? {} : { auditKey: config.audit.key }),
    });
    await opened.migrate();
    return opened;
  });
  let store: RequestStore;
  try {
    store = options.storeOnDemand ? lazyStore : await lazyStore.ready();
  } catch (err) {
    await sandbox?.close();
    throw err;
  }
  const events = new RequestEvents((err, event) => logger.error({ err, event: event.type }, 'a request event listener failed'));
  const approversGroupId = config.approvals.groupId ?? sandbox?.approversGroupId ?? null;
  // Aborted by close(): executions stop at their next step boundary instead of running the whole plan.
  const stopping = new AbortController();
  const instanceId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const channel = store.eventChannel(instanceId);
  const forwarding = forwardRequestEvents(events, channel, logger);
  const alertOutlets = new AlertOutlets();
  const alerts = new AlertService({
    openStore: async () => (await import('./scan-main.ts')).openAlertStore(options.databaseUrl ?? config.databaseUrl, options.databaseSchema),
    store, outlets: alertOutlets, clock: systemClock, logger, windowMinutes: config.alerts.windowMinutes, retentionDays: config.alerts.retentionDays,
    newAlertId: () => `ALERT-${new Date(systemClock.now()).toISOString().replace(/[-:]/g, '').slice(0, 13)}-${randomBytes(3).toString('hex')}`,
  });
  const services = createServices({
    stopSignal: stopping.signal,
    // Where failures are alerted (the event hook, the poller, the demo), a chat diagnosis that finds an alerted user's
    // failure gone marks them resolved on the alert card.
    ...(config.oktaEventHook || config.oktaLogPollSeconds || sandbox ? { onDiagnosed: (report: DiagnosisReport) => alerts.noteDiagnosis(report) } : {}),
    diagnose: diagnoseDeps,
    workflows,
    requests: store,
    executionStore: store,
    auditLog: store,
    claims: store,
    events,
    logger,
    clock: systemClock,
    helpdesk: new HelpdeskGate(entra, config.helpdeskGroupId, systemClock),
    policy: { groupId: approversGroupId, approvers: config.approvals.approvers, readOnly: config.readOnly, requestTtlHours: config.approvals.requestTtlHours, approvalTtlHours: config.approvals.approvalTtlHours,
      // Sandbox decisions are a demo; CLI_DECISIONS guards a real tenant.
      cliDecisions: config.mode === 'sandbox' || config.approvals.cliDecisions,
    },
    work: config.work,
    executionDiagnose,
    permissions,
    execution,
    instanceId,
    newRequestId,
    auditContext: options.auditContext ?? {},
  });
  const storeAt = { ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}), ...(options.databaseSchema ? { databaseSchema: options.databaseSchema } : {}) };
  const fleet: FleetFactories = {
    // The scan's store is the runtime's (a test's database or schema included) unless the caller names another.
    createScanRuntime: async (o) => (await import('./scan-main.ts')).createScanRuntime(runtime, {
      ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}), ...(options.databaseSchema ? { databaseSchema: options.databaseSchema } : {}), ...o,
    }),
    eventHooks: async () => (await import('./scan-main.ts')).createEventHookClient(runtime),
    openOktaEvents: async () => (await import('./scan-main.ts')).openOktaEvents(runtime, options.databaseUrl, options.databaseSchema),
    openBatches: async () => (await import('./scan-main.ts')).openBatches(runtime, { ...storeAt, onChange: (c) => batches.publish(c) }),
  };
  // The chat surfaces' batch service (one per process), publishing every batch change for their cards.
  const batches = new BatchHub(async (publish) => (await import('./scan-main.ts')).openBatches(runtime, { ...storeAt, onChange: publish }), logger);
  // Batch changes travel between processes like request events: a batch asked for on the CLI gets its card on a server.
  const batchForwarding = forwardBatchChanges(batches, channel, logger);
  // The chat surfaces get the services and the little they need beside them, never the Runtime or the store.
  const surfaceServices: SurfaceServices = {
    services, events, conversationRefs: store, claims: store, alertOutlets, batches, logger, clock: systemClock,
    scans: { run: async (input) => (await import('./app/scan/scan-on-demand.ts')).scanOnDemand(services.deps, { ...input, open: (o) => fleet.createScanRuntime(o) }) },
    config: { mode: config.mode, readOnly: config.readOnly, slack: config.slack, teams: config.teams, alerts: config.alerts },
  };
  const runtime: Runtime = {
    config, logger, sandbox, tenant, entra, okta, workflows, clock: systemClock, diagnoseDeps, approversGroupId, store, events, services, surfaceServices, fleet,
    alerts, alertOutlets, batches,
    followRemoteEvents: () => followRemoteEvents(events, channel, store, logger, (payload) => receiveBatchChange(batches, payload)),
    clearCaches: () => {
      okta.clearCaches();
      patientOkta.clearCaches();
    },
    close: async () => {
      stopping.abort();
      await services.idle();
      await alerts.close();
      await batches.close();
      forwarding.stop();
      batchForwarding.stop();
      await forwarding.flush();
      await batchForwarding.flush();
      await store.close();
      await sandbox?.close();
    },
  };
  return runtime;
}
