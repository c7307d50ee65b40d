// The Teams SDK's HTTP server adapter over License Doctor's one HTTP server: the SDK registers its messaging
// endpoint here (and validates the JWT, dispatches the activity and builds the invoke response itself); this adapter
// only moves JSON between our node:http route and the SDK's handler.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpMethod, HttpRouteHandler, IHttpServerAdapter } from '@microsoft/teams.apps';
import type { MountedRoute } from '../../server/http-server.ts';

/** Teams activities are small; a pasted error text is at most 64 KiB. */
export const MAX_ACTIVITY_BYTES = 1024 * 1024;

type BodyResult = { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly status: 400 | 413; readonly error: string };

async function readJson(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > limit) return { ok: false, status: 413, error: `activity larger than ${limit} bytes` };
    chunks.push(buf);
  }
  try {
    return { ok: true, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400, error: 'the body is not JSON' };
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** An IHttpServerAdapter whose routes are mounted on the shared server (no listening of its own). */
export class RouteAdapter implements IHttpServerAdapter {
  readonly #handlers = new Map<string, HttpRouteHandler>();

  registerRoute(method: HttpMethod, path: string, handler: HttpRouteHandler): void {
    this.#handlers.set(`${method} ${path}`, handler);
  }

  /** The mounted route for the SDK's handler of `POST path` (registered when the app initialises). */
  route(path: string): MountedRoute {
    return {
      method: 'POST',
      path,
      handler: async (req, res) => {
        const handler = this.#handlers.get(`POST ${path}`);
        if (!handler) return send(res, 503, { error: 'the Teams app is not initialised yet' });
        const read = await readJson(req, MAX_ACTIVITY_BYTES);
        if (!read.ok) {
          // The rest of an oversized body is not read: close the connection instead of keeping it for another request.
          if (read.status === 413) res.setHeader('Connection', 'close');
          return send(res, read.status, { error: read.error });
        }
        const headers: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = value;
        const response = await handler({ body: read.body, headers });
        send(res, response.status, response.body);
      },
    };
  }
}
