// The one HTTP server (CONTRACT.md "HTTP routes"): health, readiness, metrics, and the routes surfaces mount
// (Teams /api/messages, Slack /slack/events, the sandbox demo page).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { takeTurn } from '../app/work/turns.ts';
import { LicenseDoctorError } from '../core/errors.ts';
import type { Logger } from '../logging/create-logger.ts';
import type { Metrics } from './metrics.ts';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A route a surface mounts: exact path, or a prefix ending in '/'. */
export interface MountedRoute {
  readonly method: 'GET' | 'POST' | '*';
  readonly path: string;
  readonly handler: RouteHandler;
}

export interface Readiness {
  /** Null when ready, else why not (503). */
  check(): Promise<{ ready: boolean; details: Record<string, unknown> }>;
}

export interface HttpServerOptions {
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly readiness: Readiness;
  readonly routes: readonly MountedRoute[];
}

export interface RunningHttpServer {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
};

const BUILT_IN = new Set(['/healthz', '/readyz', '/metrics']);

/** A route path matches exactly, or as a prefix when it ends with '/' (the root '/' itself matches only '/'). */
function matches(routePath: string, path: string): boolean {
  return routePath === path || (routePath.length > 1 && routePath.endsWith('/') && path.startsWith(routePath));
}

/** Starts the server on `port` (0: ephemeral) on all interfaces, or `host`. */
export async function startHttpServer(options: HttpServerOptions, port: number, host?: string): Promise<RunningHttpServer> {
  const { logger, metrics, readiness, routes } = options;
  const server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = routes.find((r) => (r.method === '*' || r.method === req.method) && matches(r.path, path));
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const label = BUILT_IN.has(path) ? path : (route?.path ?? 'unmatched');
      metrics.httpRequests.observe({ route: label, method: req.method ?? '', status: String(res.statusCode) }, seconds);
    });
    void (async () => {
      if (req.method === 'GET' && path === '/healthz') return json(res, 200, { status: 'ok' });
      if (req.method === 'GET' && path === '/readyz') {
        const r = await readiness.check();
        return json(res, r.ready ? 200 : 503, { status: r.ready ? 'ready' : 'not ready', ...r.details });
      }
      if (req.method === 'GET' && path === '/metrics') {
        res.writeHead(200, { 'Content-Type': metrics.registry.contentType });
        return res.end(await metrics.registry.metrics());
      }
      if (route) {
        // Answering requests goes first among the work waiting on the loop, in bounded slices (app/work/turns.ts).
        await takeTurn('ack');
        return route.handler(req, res);
      }
      return json(res, 404, { error: 'not found', path });
    })().catch((err: unknown) => {
      logger.error({ err, path }, 'request failed');
      if (!res.headersSent) json(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new LicenseDoctorError('configuration', `Port ${port} is already in use: stop the other process, or set PORT to a free port.`, { port }));
      else reject(err);
    });
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${actual}`,
    port: actual,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
