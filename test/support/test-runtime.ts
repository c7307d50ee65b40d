// Whole License Doctor runtimes for end-to-end tests, without the HTTP server: the sandbox tenant in memory (or an
// already running one, reached in live mode like a real tenant), a store of the test's choice, fast verification,
// and fast sandbox pushes and group licensing.
import { loadConfig } from '../../src/config/load-config.ts';
import { createLogger } from '../../src/logging/create-logger.ts';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../src/main.ts';
import { GROUP } from '../../src/sandbox/seed.ts';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox.ts';
import type { SandboxBehaviour } from '../../src/sandbox/tenant.ts';

/** Sandbox timing that keeps tests fast; each test awaits pushes with `sandbox.okta.idle()`. */
export const FAST_SANDBOX: Partial<SandboxBehaviour> = { pushDelayMs: 10, groupLicensingDelayMs: 10 };

/** Execution timing that keeps tests fast (verification gives up after 3 s). */
const FAST_EXECUTION: NonNullable<RuntimeOptions['execution']> = {
  leaseMs: 30_000, verifyTimeoutMs: 3_000, verifyIntervalMs: 25, verifyMaxIntervalMs: 50, effectTimeoutMs: 2_000, effectIntervalMs: 10, callTimeoutMs: 5_000, retryBaseMs: 50, retryCapMs: 200,
};

export interface TestRuntimeOptions {
  /** Extra environment (READ_ONLY, REQUEST_TTL_HOURS, ...). */
  readonly env?: Readonly<Record<string, string>>;
  /** Default: an in-memory SQLite database. */
  readonly databaseUrl?: string;
  /** PostgreSQL only: the schema of the store's tables. */
  readonly databaseSchema?: string;
  readonly execution?: RuntimeOptions['execution'];
  readonly behaviour?: Partial<SandboxBehaviour>;
  /** Live runtimes: told of every HTTP request License Doctor sends to Graph or Okta, before it goes out. */
  readonly onVendorRequest?: RuntimeOptions['onVendorRequest'];
}

const logger = () => createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');

function storeOptions(options: TestRuntimeOptions) {
  return {
    databaseUrl: options.databaseUrl ?? 'sqlite::memory:',
    ...(options.databaseSchema ? { databaseSchema: options.databaseSchema } : {}),
    execution: { ...FAST_EXECUTION, ...options.execution },
  };
}

/** One HTTP request License Doctor itself sent to Graph or Okta (retries included). */
export interface BotRequest {
  readonly vendor: 'graph' | 'okta';
  readonly method: string;
  readonly path: string;
}

/** A runtime on its own in-memory sandbox tenant (sandbox mode), recording the requests it sends. */
export type SandboxRuntime = Runtime & { readonly sandbox: RunningSandbox; readonly requests: BotRequest[] };

/** A runtime on its own in-memory sandbox tenant (sandbox mode); `runtime.sandbox` is never null. */
export async function startSandboxRuntime(options: TestRuntimeOptions = {}): Promise<SandboxRuntime> {
  const config = loadConfig({ SANDBOX: 'true', LOG_LEVEL: 'silent', ...options.env });
  const requests: BotRequest[] = [];
  const runtime = await createRuntime(config, {
    logger: logger(),
    sandboxInMemory: true,
    onVendorRequest: ({ vendor, method, url }) => requests.push({ vendor, method, path: new URL(url).pathname }),
    ...storeOptions(options),
  });
  const { sandbox } = runtime;
  if (!sandbox) throw new Error('sandbox mode did not start the sandbox');
  Object.assign(sandbox.tenant.behaviour, FAST_SANDBOX, options.behaviour);
  return { ...runtime, sandbox, requests };
}

/** A sandbox tenant on its own (in memory), for several runtimes or a child process to share. */
export async function startTestSandbox(behaviour: Partial<SandboxBehaviour> = {}): Promise<RunningSandbox> {
  return startSandbox({ behaviour: { ...FAST_SANDBOX, ...behaviour } });
}

/** The environment that points a live-mode License Doctor at `sandbox` (as CONTRACT.md says `sandbox --json` allows). */
export function liveEnv(sandbox: RunningSandbox): Record<string, string> {
  return {
    GRAPH_BASE_URL: sandbox.endpoints.graphBaseUrl,
    GRAPH_ACCESS_TOKEN: sandbox.endpoints.graphToken,
    OKTA_ORG_URL: sandbox.endpoints.oktaOrgUrl,
    OKTA_API_TOKEN: sandbox.endpoints.oktaToken,
    APPROVERS_GROUP_ID: GROUP.APPROVERS,
    OKTA_WORKFLOWS_INVOKE_URL: sandbox.workflows.invokeUrl,
    OKTA_WORKFLOWS_CLIENT_TOKEN: sandbox.workflows.clientToken,
  };
}

/** A live-mode runtime on `sandbox`: another bot instance with its own store connection. */
export async function startLiveRuntime(sandbox: RunningSandbox, options: TestRuntimeOptions = {}): Promise<Runtime> {
  const config = loadConfig({ ...liveEnv(sandbox), LOG_LEVEL: 'silent', ...options.env });
  return createRuntime(config, { logger: logger(), ...storeOptions(options), ...(options.onVendorRequest ? { onVendorRequest: options.onVendorRequest } : {}) });
}
