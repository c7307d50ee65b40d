// Minimal HTTP plumbing shared by the sandbox servers: routing by method and path pattern, JSON bodies,
// a call log (for benchmarks and tests), and the /_sandbox control routes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FaultInjector} from './faults.ts';
import { type FaultRule } from './faults.ts';
import type { SandboxTenant } from './tenant.ts';

export interface SandboxRequest {
  readonly method: string;
  /** Path without the query string, percent-decoded per segment by the route's params. */
  readonly path: string;
  readonly url: URL;
  readonly headers: IncomingMessage['headers'];
  /** Raw body text ('' when none). */
  readonly body: string;
  /** Route parameters, percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
}

export interface SandboxResponse {
  readonly status: number;
  readonly headers?: Record<string, string>;
  /** Serialised as JSON unless it is a string (sent as is). Absent: empty body. */
  readonly body?: unknown;
  /** Fault injection: `drop` closes the connection instead of answering, `hang` never answers. */
  readonly fault?: 'drop' | 'hang';
}

export type Handler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly handler: Handler;
}

/** One recorded call: what the benchmark counts and tests assert on. */
export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly status: number;
  readonly at: number;
  readonly durationMs: number;
}

export class Router {
  private readonly routes: Route[] = [];

  /** Registers a route; `pattern` is a path like `/v1.0/users/:id/assignLicense` (`:name` matches one segment). */
  on(method: string, pattern: string, handler: Handler): this {
    const names: string[] = [];
    const source = pattern
      .split('/')
      .map((seg) => {
        if (seg.startsWith(':')) {
          names.push(seg.slice(1));
          return '([^/]+)';
        }
        return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.routes.push({ method: method.toUpperCase(), pattern: new RegExp(`^${source}$`), names, handler });
    return this;
  }

  /** The handler and decoded params for a request, or null (404) / 'method' (405). */
  match(method: string, path: string): { handler: Handler; params: Record<string, string> } | null | 'method' {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method.toUpperCase()) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        const raw = m[i + 1] ?? '';
        try {
          params[name] = decodeURIComponent(raw);
        } catch {
          params[name] = raw;
        }
      });
      return { handler: route.handler, params };
    }
    return pathMatched ? 'method' : null;
  }
}

export interface SandboxServerOptions {
  readonly tenant: SandboxTenant;
  readonly router: Router;
  readonly faults: FaultInjector;
  /** Checks credentials; returns a response to send instead (401) or null to proceed. Not applied to /_sandbox. */
  readonly authenticate: (req: SandboxRequest) => SandboxResponse | null;
  /** Answers for injected failures and unknown routes, in the vendor's error envelope. */
  readonly errors: {
    notFound(req: SandboxRequest): SandboxResponse;
    methodNotAllowed(req: SandboxRequest): SandboxResponse;
    throttled(req: SandboxRequest, retryAfterSeconds: number): SandboxResponse;
    serverError(req: SandboxRequest): SandboxResponse;
    unavailable(req: SandboxRequest, retryAfterSeconds: number): SandboxResponse;
  };
  readonly port?: number;
  readonly host?: string;
}

export interface RunningSandboxServer {
  /** e.g. http://127.0.0.1:40123 */
  readonly url: string;
  readonly calls: RecordedCall[];
  readonly faults: FaultInjector;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function send(res: ServerResponse, out: SandboxResponse): void {
  const headers: Record<string, string> = { ...out.headers };
  let payload = '';
  if (out.body !== undefined) {
    payload = typeof out.body === 'string' ? out.body : JSON.stringify(out.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  }
  res.writeHead(out.status, headers);
  res.end(payload);
}

/** Starts a sandbox server on loopback (an ephemeral port unless `port` is given). */
export async function startSandboxServer(options: SandboxServerOptions): Promise<RunningSandboxServer> {
  const calls: RecordedCall[] = [];
  const { tenant, router, faults } = options;
  const server: Server = createServer((req, res) => {
    const started = Date.now();
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://sandbox.local');
      const request: SandboxRequest = {
        method: (req.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        url,
        headers: req.headers,
        body: await readBody(req),
        params: {},
      };
      const out = await handle(request);
      if (!request.path.startsWith('/_sandbox')) {
        calls.push({ method: request.method, path: request.path, query: url.search, status: out.status, at: started, durationMs: Date.now() - started });
      }
      if (out.fault === 'drop') req.socket.destroy();
      else if (out.fault !== 'hang') send(res, out);
    })().catch((err: unknown) => {
      send(res, { status: 500, body: { error: String(err) } });
    });
  });

  async function handle(req: SandboxRequest): Promise<SandboxResponse> {
    if (req.path.startsWith('/_sandbox/')) return control(req);
    tenant.refresh();
    const denied = options.authenticate(req);
    if (denied) return denied;
    const { latencyMs, failure } = faults.take(req.method, req.path);
    if (latencyMs > 0) await sleep(latencyMs);
    if (failure) {
      switch (failure.kind) {
        case 'throttle':
          return options.errors.throttled(req, failure.retryAfterSeconds);
        case 'server-error':
          return options.errors.serverError(req);
        case 'unavailable':
          return options.errors.unavailable(req, failure.retryAfterSeconds);
        case 'malformed':
          return { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"value": [ {"id": "trunc' };
        case 'hang':
          // Recorded as received; the client waits until it gives up (or the server closes).
          return { status: 0, fault: 'hang' };
        case 'drop-after':
          return { ...(await route(req)), fault: 'drop' };
        case 'latency':
          break;
      }
    }
    return route(req);
  }

  async function route(req: SandboxRequest): Promise<SandboxResponse> {
    const found = router.match(req.method, req.path);
    if (found === null) return options.errors.notFound(req);
    if (found === 'method') return options.errors.methodNotAllowed(req);
    return found.handler({ ...req, params: found.params });
  }

  function control(req: SandboxRequest): SandboxResponse {
    if (req.method === 'POST' && req.path === '/_sandbox/reset') {
      tenant.reset();
      faults.clear();
      calls.length = 0;
      return { status: 204 };
    }
    if (req.method === 'POST' && req.path === '/_sandbox/faults') {
      const rule = JSON.parse(req.body || '{}') as FaultRule & { baseLatencyMs?: number };
      if (rule.baseLatencyMs !== undefined) faults.baseLatencyMs = rule.baseLatencyMs;
      else faults.add(rule);
      return { status: 204 };
    }
    if (req.method === 'DELETE' && req.path === '/_sandbox/faults') {
      faults.clear();
      return { status: 204 };
    }
    if (req.method === 'GET' && req.path === '/_sandbox/calls') return { status: 200, body: calls };
    if (req.method === 'DELETE' && req.path === '/_sandbox/calls') {
      calls.length = 0;
      return { status: 204 };
    }
    return { status: 404, body: { error: `no sandbox control route ${req.method} ${req.path}` } };
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  // Idle connections stay open a minute, as the vendors' load balancers keep them: a client paused for a few seconds
  // (the fault suite's SIGSTOP past a lease, on a loaded machine) finds its connections where it left them.
  server.keepAliveTimeout = 60_000;
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
