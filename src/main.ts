// The composition root: the only file that knows every concrete class. CLI commands and the server build a
// Runtime from the configuration and talk to the application services through it.
import { randomBytes } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import type { DiagnoseDeps } from './app/diagnose-user.ts';
import { followRemoteEvents, forwardRequestEvents } from './app/request-event-relay.ts';
import { RequestEvents } from './app/request-events.ts';
import { DEFAULT_EXECUTION, type ExecutionSettings } from './app/service-deps.ts';
import { createServices, type Services } from './app/services.ts';
import { createRequestStore } from './adapters/store/create-request-store.ts';
import type { RequestStore } from './core/ports/request-store.ts';
import { createGraphDirectory } from './adapters/graph/create-graph-directory.ts';
import { createOktaOrg } from './adapters/okta/create-okta-org.ts';
import { createWorkflowsFlow } from './adapters/okta/workflows-flow.ts';
import type { Config } from './config/config.ts';
import type { Clock } from './core/ports/clock.ts';
import type { EntraDirectory } from './core/ports/entra-directory.ts';
import type { OktaOrg } from './core/ports/okta-org.ts';
import type { WorkflowsFlow } from './core/ports/workflows-flow.ts';
import type { Logger } from './logging/create-logger.ts';
import { GROUP } from './sandbox/seed.ts';
import { startSandbox, type RunningSandbox } from './sandbox/start-sandbox.ts';

export interface Runtime {
  readonly config: Config;
  readonly logger: Logger;
  /** The running sandbox tenant in sandbox mode, else null. */
  readonly sandbox: RunningSandbox | null;
  readonly entra: EntraDirectory;
  readonly okta: OktaOrg;
  readonly workflows: WorkflowsFlow | null;
  readonly clock: Clock;
  /** What the diagnose use case needs. */
  readonly diagnoseDeps: DiagnoseDeps;
  /** Entra group whose members may approve (the seeded approvers group in sandbox mode unless configured). */
  readonly approversGroupId: string | null;
  readonly store: RequestStore;
  /** Every request change and step progress (surfaces subscribe to update cards); sent to other processes too. */
  readonly events: RequestEvents;
  /** Publishes on `events` what other processes on the store send (a server does); resolves with the function that stops. */
  followRemoteEvents(): Promise<() => Promise<void>>;
  /** The application services every surface calls. */
  readonly services: Services;
  /** Forgets what the adapters cache about the tenant (Okta apps and schemas): after the sandbox tenant is reset. */
  clearCaches(): void;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  readonly logger: Logger;
  /** Keep the sandbox tenant in memory instead of the state file (tests). */
  readonly sandboxInMemory?: boolean;
  /** Sees every vendor request (benchmarks count them). */
  readonly onVendorRequest?: (info: { vendor: 'graph' | 'okta'; method: string; url: string }) => void;
  /** Overrides the store URL (tests). */
  readonly databaseUrl?: string;
  /** PostgreSQL only: the schema that holds the store's tables (default `public`; tests isolate themselves with it). */
  readonly databaseSchema?: string;
  /** Overrides execution timing (tests). */
  readonly execution?: Partial<ExecutionSettings>;
  /** Extra identity recorded with every audit entry (the CLI records the operating-system user). */
  readonly auditContext?: Readonly<Record<string, string | null>>;
}

/** A short, readable, unique request id, e.g. LD-7K3F-9QX2. */
export function newRequestId(): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `LD-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** Who runs this process, for the audit log of CLI actions. */
export function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

const systemClock: Clock = { now: () => Date.now() };

/** Builds the adapters for `config`, starting the sandbox tenant in sandbox mode. */
export async function createRuntime(config: Config, options: RuntimeOptions): Promise<Runtime> {
  const { logger } = options;
  const sandbox = config.mode === 'sandbox'
    ? await startSandbox(options.sandboxInMemory ? {} : { file: config.sandboxStateFile })
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
  const entra = createGraphDirectory({
    baseUrl: tenant.graph.baseUrl,
    credential: graphCredential.kind === 'static'
      ? { kind: 'static', token: graphCredential.token }
      : { kind: 'token-credential', credential: (await import('./adapters/graph/create-graph-credential.ts')).createGraphCredential(graphCredential) },
    ...(options.onVendorRequest ? { onRequest: (i: { method: string; url: string }) => options.onVendorRequest?.({ vendor: 'graph', ...i }) } : {}),
  });
  const okta = createOktaOrg({
    orgUrl: tenant.okta.orgUrl,
    auth: tenant.okta.auth.kind === 'ssws'
      ? { kind: 'ssws', token: tenant.okta.auth.token }
      : {
          kind: 'private-key', clientId: tenant.okta.auth.clientId, privateKey: tenant.okta.auth.privateKey,
          ...(tenant.okta.auth.keyId ? { keyId: tenant.okta.auth.keyId } : {}),
          scopes: ['okta.users.read', 'okta.groups.read', 'okta.apps.read', 'okta.apps.manage', 'okta.logs.read', 'okta.schemas.read'],
        },
    ...(options.onVendorRequest ? { onRequest: (i: { method: string; url: string }) => options.onVendorRequest?.({ vendor: 'okta', ...i }) } : {}),
  });
  const workflowsSettings = config.workflows ?? sandbox?.workflows ?? null;
  const workflows = workflowsSettings ? createWorkflowsFlow(workflowsSettings) : null;
  const diagnoseDeps: DiagnoseDeps = {
    entra, okta, clock: systemClock, sandbox: sandbox !== null, oktaAppId: config.oktaAppId, workflowsConfigured: workflows !== null,
  };
  if (sandbox) logger.debug({ graph: sandbox.endpoints.graphBaseUrl, okta: sandbox.endpoints.oktaOrgUrl }, 'sandbox tenant started');
  let store: RequestStore;
  try {
    store = await createRequestStore(options.databaseUrl ?? config.databaseUrl, {
      ...(options.databaseSchema ? { schema: options.databaseSchema } : {}),
      ...(config.audit.key === null ? {} : { auditKey: config.audit.key }),
    });
    await store.migrate();
  } catch (err) {
    await sandbox?.close();
    throw err;
  }
  const events = new RequestEvents((err, event) => logger.error({ err, event: event.type }, 'a request event listener failed'));
  const instanceId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const channel = store.eventChannel(instanceId);
  const forwarding = forwardRequestEvents(events, channel, logger);
  const approversGroupId = config.approvals.groupId ?? (sandbox ? GROUP.APPROVERS : null);
  const services = createServices({
    diagnose: diagnoseDeps,
    workflows,
    store,
    events,
    logger,
    clock: systemClock,
    policy: { groupId: approversGroupId, approvers: config.approvals.approvers, readOnly: config.readOnly, requestTtlHours: config.approvals.requestTtlHours },
    execution: { ...DEFAULT_EXECUTION, ...(sandbox ? { verifyTimeoutMs: 20_000, verifyIntervalMs: 250 } : {}), ...options.execution },
    instanceId,
    newRequestId,
    auditContext: options.auditContext ?? {},
  });
  return {
    config, logger, sandbox, entra, okta, workflows, clock: systemClock, diagnoseDeps, approversGroupId, store, events, services,
    followRemoteEvents: () => followRemoteEvents(events, channel, store, logger),
    clearCaches: () => okta.clearCaches(),
    close: async () => {
      await services.idle();
      forwarding.stop();
      await forwarding.flush();
      await store.close();
      await sandbox?.close();
    },
  };
}
