// The fleet's composition: the scan's paging adapters and store, the Okta event hook client, and what the event hook
// and the System Log poller keep in the store, for a Runtime (main.ts builds the rest and loads this on first use).
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { createGraphTransport } from './adapters/graph/create-graph-directory.ts';
import { GraphUserPages } from './adapters/graph/graph-user-pages.ts';
import { createOktaAppUserPages } from './adapters/okta/okta-app-user-pages.ts';
import { openStoreEngine } from './adapters/store/create-request-store.ts';
import { createScanStore, type KyselyScanStore } from './adapters/store/kysely-scan-store.ts';
import { boundHeapGrowthWhileScanning } from './scan-heap.ts';
import { DEFAULT_SCAN_SETTINGS, type ScanDeps, type ScanSettings } from './app/scan/scan-deps.ts';
import type { ScanProgress } from './core/model/scan.ts';
import { createOktaEventHooks } from './adapters/okta/okta-event-hooks.ts';
import { KyselyEventReceipts, KyselyPollCursor } from './adapters/store/kysely-event-receipts.ts';
import { KyselyAlertStore } from './adapters/store/kysely-alert-store.ts';
import type { AlertStore } from './core/ports/alert-store.ts';
import type { OktaEventHooks } from './core/ports/okta-event-hooks.ts';
import type { OktaEvents } from './app/events/okta-events.ts';
import type { BatchRuntime, Runtime, RuntimeOptions } from './runtime.ts';
import { KyselyBatchStore } from './adapters/store/kysely-batch-store.ts';
import type { BatchChange } from './app/batch/batch-deps.ts';
import { createBatchService } from './app/batch/batch-service.ts';

export interface ScanRuntime {
  readonly deps: ScanDeps;
  readonly store: KyselyScanStore;
  close(): Promise<void>;
}

export interface ScanRuntimeOptions extends Pick<RuntimeOptions, 'databaseUrl' | 'databaseSchema' | 'onVendorRequest'> {
  readonly settings?: Partial<ScanSettings>;
  readonly onProgress?: (progress: ScanProgress) => void;
  /** Who asked for the scan (told to whoever asks for another one meanwhile). */
  readonly startedBy?: string;
  /** Stops the scan after the pages in flight (the process is stopping). */
  readonly stopSignal?: AbortSignal;
}

/** Scan dependencies over the runtime's tenant (the sandbox's endpoints in sandbox mode). */
export async function createScanRuntime(runtime: Runtime, options: ScanRuntimeOptions = {}): Promise<ScanRuntime> {
  const { config, sandbox, tenant } = runtime;
  const graphCredential = tenant.graph.credential;
  const observe = options.onVendorRequest;
  const transport = createGraphTransport({
    baseUrl: tenant.graph.baseUrl,
    credential: graphCredential.kind === 'static'
      ? { kind: 'static', token: graphCredential.token }
      : { kind: 'token-credential', credential: (await import('./adapters/graph/create-graph-credential.ts')).createGraphCredential(graphCredential) },
    // A page is worth waiting for: a longer budget for throttling than a chat answer gets.
    retryBudgetMs: 60_000,
    ...(observe ? { onRequest: (i: { method: string; url: string }) => observe({ vendor: 'graph', ...i }) } : {}),
  });
  const auth = tenant.okta.auth;
  const oktaPages = createOktaAppUserPages({
    orgUrl: tenant.okta.orgUrl,
    auth: auth.kind === 'ssws' ? auth : {
      kind: 'private-key', clientId: auth.clientId, privateKey: auth.privateKey, ...(auth.keyId ? { keyId: auth.keyId } : {}),
      scopes: ['okta.apps.read', 'okta.logs.read', 'okta.schemas.read'],
    },
    requestTimeoutMs: 60_000,
    ...(observe ? { onRequest: (i: { method: string; url: string }) => observe({ vendor: 'okta', ...i }) } : {}),
  });
  const store = await createScanStore(await openStoreEngine(options.databaseUrl ?? config.databaseUrl, options.databaseSchema));
  const deps: ScanDeps = {
    entra: runtime.entra, okta: runtime.okta, entraPages: new GraphUserPages(transport), oktaPages, store, clock: runtime.clock,
    // The scenario sandbox has two active instances; its scan covers the main one unless told otherwise.
    sandbox: sandbox !== null, oktaAppId: config.oktaAppId ?? sandbox?.mainOktaAppId ?? null, workflowsConfigured: runtime.workflows !== null,
    owner: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    newScanId: () => `SCAN-${new Date(runtime.clock.now()).toISOString().replace(/[-:]/g, '').slice(0, 15)}-${randomBytes(3).toString('hex')}`,
    settings: { ...DEFAULT_SCAN_SETTINGS, leaseMs: config.scan.leaseSeconds * 1000, waitingBudgetBytes: config.scan.waitingKb * 1024, ...options.settings },
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.startedBy ? { startedBy: options.startedBy } : {}),
    ...(options.stopSignal ? { stopSignal: options.stopSignal } : {}),
  };
  const endHeapBound = boundHeapGrowthWhileScanning();
  return {
    deps, store,
    close: async () => {
      endHeapBound();
      await store.close();
    },
  };
}

/** The runtime's Okta org (the sandbox's in sandbox mode), an OAuth service app limited to `scopes`. */
function oktaOf(runtime: Runtime, scopes: string[]) {
  const { okta } = runtime.tenant;
  const auth = okta.auth.kind === 'ssws' ? okta.auth : { kind: 'private-key' as const, clientId: okta.auth.clientId, privateKey: okta.auth.privateKey, scopes, ...(okta.auth.keyId ? { keyId: okta.auth.keyId } : {}) };
  return { orgUrl: okta.orgUrl, auth };
}

/** Okta's event hook API, for `hooks register`. */
export function createEventHookClient(runtime: Runtime): OktaEventHooks {
  return createOktaEventHooks(oktaOf(runtime, ['okta.eventHooks.manage', 'okta.eventHooks.read']));
}

/** What the event hook and the System Log poller keep (receipts, the poll cursor) and read (the System Log), in the
 *  runtime's store (`databaseUrl` and `schema`: where the runtime was told to keep it, else DATABASE_URL). */
export async function openOktaEvents(runtime: Runtime, databaseUrl?: string, schema?: string): Promise<OktaEvents> {
  const engine = await openStoreEngine(databaseUrl ?? runtime.config.databaseUrl, schema);
  // Migrates the store's schema (the same migrations as the request store; a no-op when already done).
  await createScanStore(engine);
  return {
    receipts: new KyselyEventReceipts(engine), cursors: new KyselyPollCursor(engine),
    log: createOktaAppUserPages(oktaOf(runtime, ['okta.logs.read'])),
    close: () => engine.close(),
  };
}

/** The alert store at `databaseUrl` (migrated), on an engine of its own. */
export async function openAlertStore(databaseUrl: string, schema?: string): Promise<{ alerts: AlertStore; close(): Promise<void> }> {
  const engine = await openStoreEngine(databaseUrl, schema);
  try {
    await engine.migrate();
  } catch (err) {
    await engine.close();
    throw err;
  }
  return { alerts: new KyselyAlertStore(engine), close: () => engine.close() };
}

/** Batches over the runtime's store database and request services (the executor's rate-limit-aware adapters). */
export async function openBatches(runtime: Runtime, options: Pick<RuntimeOptions, 'databaseUrl' | 'databaseSchema'> & { readonly onChange?: (change: BatchChange) => void | Promise<void> } = {}): Promise<BatchRuntime> {
  const engine = await openStoreEngine(options.databaseUrl ?? runtime.config.databaseUrl, options.databaseSchema);
  // Migrates the store's schema (the same migrations as the request store; a no-op when already done).
  const scans = await createScanStore(engine);
  const batches = new KyselyBatchStore(engine, { auditKey: runtime.config.audit.key });
  const deps = runtime.services.deps;
  const service = createBatchService({
    service: deps.executionDiagnose ? { ...deps, diagnose: deps.executionDiagnose } : deps,
    batches, scans, concurrency: runtime.config.batch.concurrency, alerts: runtime.alerts,
    ...(options.onChange ? { onChange: options.onChange } : {}),
  });
  return {
    service,
    close: async () => {
      await service.idle();
      await engine.close();
    },
  };
}
