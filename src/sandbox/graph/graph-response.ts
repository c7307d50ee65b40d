// Graph's response conventions: a request-id per request, the caller's client-request-id echoed (Graph
// reuses its request-id when none is sent), OData JSON content type, and the error envelope
// {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}} (reference/graph.md §4.3).
import { randomUUID } from 'node:crypto';
import type { SandboxRequest, SandboxResponse } from '../http.ts';

const ODATA_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** A Graph error a route handler raises; the route wrapper turns it into the error envelope. */
export class GraphFailure extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

function header(req: SandboxRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function ids(req: SandboxRequest): { requestId: string; clientRequestId: string } {
  const requestId = randomUUID();
  return { requestId, clientRequestId: header(req, 'client-request-id') ?? requestId };
}

const idHeaders = (i: { requestId: string; clientRequestId: string }) => ({ 'request-id': i.requestId, 'client-request-id': i.clientRequestId });

/** A JSON answer with Graph's headers. */
export function graphJson(req: SandboxRequest, status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { 'Content-Type': ODATA_JSON, ...idHeaders(ids(req)), ...headers }, body };
}

/** An answer without a body (204 No Content). */
export function graphEmpty(req: SandboxRequest, status = 204): SandboxResponse {
  return { status, headers: idHeaders(ids(req)) };
}

/** A text/plain answer (e.g. `$count`). */
export function graphText(req: SandboxRequest, status: number, text: string): SandboxResponse {
  return { status, headers: { 'Content-Type': 'text/plain;charset=utf-8', ...idHeaders(ids(req)) }, body: text };
}

/** Graph's error envelope; `now` dates the innerError as Graph does (seconds, no zone). */
export function graphError(req: SandboxRequest, now: Date, failure: GraphFailure, innerExtra: Record<string, string> = {}): SandboxResponse {
  const i = ids(req);
  const body = {
    error: {
      code: failure.code,
      message: failure.message,
      innerError: { ...innerExtra, date: now.toISOString().slice(0, 19), 'request-id': i.requestId, 'client-request-id': i.clientRequestId },
    },
  };
  return { status: failure.status, headers: { 'Content-Type': ODATA_JSON, ...idHeaders(i), ...failure.headers }, body };
}

/** `Resource '<id>' does not exist ...`: Graph's 404 for an unknown directory object. */
export function resourceNotFound(id: string): GraphFailure {
  return new GraphFailure(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
}

/** Parses a JSON request body; Graph answers 400 BadRequest for an unreadable payload. */
export function jsonBody(req: SandboxRequest): unknown {
  if (req.body.trim() === '') throw new GraphFailure(400, 'BadRequest', 'Empty Payload. JSON content expected.');
  try {
    return JSON.parse(req.body) as unknown;
  } catch {
    throw new GraphFailure(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
  }
}
