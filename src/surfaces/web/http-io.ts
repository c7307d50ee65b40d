// Reading and answering the demo's HTTP requests: a JSON body with a size limit, JSON answers that are never cached.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type JsonBody = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly status: 400 | 413; readonly error: string };

/** Reads the body as JSON (an empty body is `null`); a body over `limit` bytes is refused unread. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<JsonBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > limit) return { ok: false, status: 413, error: `the body is larger than ${limit} bytes` };
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, error: 'the body is not JSON' };
  }
}

/** Answers with `body` as JSON. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(payload) });
  res.end(payload);
}

/** Answers a refused body (and closes the connection when the rest of it was not read). */
export function sendBodyError(res: ServerResponse, body: Extract<JsonBody, { ok: false }>): void {
  if (body.status === 413) res.setHeader('Connection', 'close');
  sendJson(res, body.status, { error: body.error });
}
