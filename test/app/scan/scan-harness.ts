// A generated tenant on the sandbox servers and the real adapters around it, for scan tests.
import { createGraphDirectory, createGraphTransport } from '../../../src/adapters/graph/create-graph-directory.ts';
import { GraphUserPages } from '../../../src/adapters/graph/graph-user-pages.ts';
import { createOktaOrg } from '../../../src/adapters/okta/create-okta-org.ts';
import { createOktaAppUserPages } from '../../../src/adapters/okta/okta-app-user-pages.ts';
import { openStoreEngine } from '../../../src/adapters/store/create-request-store.ts';
import { createScanStore, type KyselyScanStore } from '../../../src/adapters/store/kysely-scan-store.ts';
import type { DiagnoseDeps } from '../../../src/app/diagnose-user.ts';
import { DEFAULT_SCAN_SETTINGS, type ScanDeps, type ScanSettings } from '../../../src/app/scan/scan-deps.ts';
import { generateLargeTenant } from '../../../src/sandbox/large-tenant/generate-large-tenant.ts';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/start-sandbox.ts';

export interface ScanHarness {
  readonly sandbox: RunningSandbox;
  readonly diagnoseDeps: DiagnoseDeps;
  readonly store: KyselyScanStore;
  scanDeps(overrides?: Omit<Partial<ScanDeps>, 'settings'> & { settings?: Partial<ScanSettings> }): ScanDeps;
  close(): Promise<void>;
}

let counter = 0;

/** Starts the sandbox on a generated tenant of `users` users and opens a scan store at `databaseUrl`. */
export async function startScanHarness(options: { users: number; seed: number; now?: Date; databaseUrl?: string; schema?: string }): Promise<ScanHarness> {
  const sandbox = await startSandbox({ state: generateLargeTenant({ users: options.users, seed: options.seed, ...(options.now ? { now: options.now } : {}) }) });
  const e = sandbox.endpoints;
  const graph = { baseUrl: e.graphBaseUrl, credential: { kind: 'static' as const, token: e.graphToken } };
  const okta = { orgUrl: e.oktaOrgUrl, auth: { kind: 'ssws' as const, token: e.oktaToken } };
  const entra = createGraphDirectory(graph);
  const oktaOrg = createOktaOrg(okta);
  const diagnoseDeps: DiagnoseDeps = { entra, okta: oktaOrg, clock: { now: () => Date.now() }, sandbox: true, oktaAppId: null, workflowsConfigured: true };
  const store = await createScanStore(await openStoreEngine(options.databaseUrl ?? 'sqlite::memory:', options.schema));
  return {
    sandbox, diagnoseDeps, store,
    scanDeps: (overrides = {}) => ({
      entra, okta: oktaOrg, entraPages: new GraphUserPages(createGraphTransport(graph)), oktaPages: createOktaAppUserPages(okta), store,
      clock: { now: () => Date.now() }, sandbox: true, oktaAppId: null, workflowsConfigured: true,
      owner: `test-${process.pid}-${++counter}`, newScanId: () => `SCAN-TEST-${++counter}`,
      ...overrides,
      settings: { ...DEFAULT_SCAN_SETTINGS, oktaPageSize: 37, entraPageSize: 53, ...overrides.settings },
    }),
    close: async () => {
      await store.close();
      await sandbox.close();
    },
  };
}
