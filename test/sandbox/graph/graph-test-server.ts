// Starts the sandbox Graph server for a test file and calls it with plain fetch.
import { startGraphSandbox, type RunningGraphSandbox } from '../../../src/sandbox/graph/start-graph-sandbox.ts';
import { SandboxTenant, type SandboxTenantOptions } from '../../../src/sandbox/tenant.ts';

const TOKEN = 'test-graph-token';

export interface GraphReply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** Parsed JSON body (undefined when the body is empty or not JSON). */
  readonly body: unknown;
}

export interface TestGraph {
  readonly server: RunningGraphSandbox;
  readonly tenant: SandboxTenant;
  /** Calls `/v1.0` + path; `token: null` sends no Authorization header. */
  call(method: string, path: string, options?: { body?: unknown; headers?: Record<string, string>; token?: string | null; rawPath?: boolean }): Promise<GraphReply>;
  close(): Promise<void>;
}

/** A sandbox Graph server on an ephemeral port over a fresh (or given) tenant. */
export async function startTestGraph(tenantOptions: SandboxTenantOptions = {}): Promise<TestGraph> {
  const tenant = new SandboxTenant(tenantOptions);
  const server = await startGraphSandbox({ tenant, token: TOKEN });
  return {
    server,
    tenant,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      const token = options.token === undefined ? TOKEN : options.token;
      if (token !== null) headers['Authorization'] = `Bearer ${token}`;
      let payload: string | undefined;
      if (options.body !== undefined) {
        payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
        headers['Content-Type'] ??= 'application/json';
      }
      const res = await fetch(options.rawPath ? `${server.url}${path}` : `${server.baseUrl}${path}`, { method, headers, ...(payload === undefined ? {} : { body: payload }) });
      const text = await res.text();
      let body: unknown;
      try {
        body = text === '' ? undefined : (JSON.parse(text) as unknown);
      } catch {
        body = undefined;
      }
      return { status: res.status, headers: res.headers, text, body };
    },
    close: () => server.close(),
  };
}

/** The `error` object of Graph's envelope. */
export function graphErrorOf(reply: GraphReply): { code: string; message: string; innerError: Record<string, string> } {
  return (reply.body as { error: { code: string; message: string; innerError: Record<string, string> } }).error;
}
