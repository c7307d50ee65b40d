// Sends requests through the Graph client and hands back the raw answer (status, headers, text), so that the
// adapter validates every body itself and keeps Graph's request id; errors go through toGraphError.
import { GraphError, ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import type { z } from 'zod';
import { LicenseDoctorError } from '../../core/errors.ts';
import { errorEnvelopeSchema } from './schemas.ts';
import { MalformedGraphResponse, toGraphError } from './to-graph-error.ts';

export interface GraphCall {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the version root, already encoded (graph-paths.ts), with its query string. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export interface GraphAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly requestId: string | null;
}

/** A GraphError for a non-2xx answer, with Graph's code, message and request id when the body has them. */
export function graphErrorFrom(status: number, headers: Headers, body: unknown): GraphError {
  const envelope = errorEnvelopeSchema.safeParse(body);
  const err = new GraphError(status, envelope.success ? envelope.data.error.message : `HTTP ${status}`);
  err.code = envelope.success ? envelope.data.error.code : null;
  err.requestId = (envelope.success ? envelope.data.error.innerError?.['request-id'] : null) ?? headers.get('request-id');
  err.headers = headers;
  err.body = body;
  return err;
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Validates a successful answer's JSON with `schema`; a non-2xx answer or an unreadable body throws. */
export function readJson<S extends z.ZodType>(answer: GraphAnswer, schema: S, operation: string): z.infer<S> {
  if (answer.status >= 300) throw toGraphError(graphErrorFrom(answer.status, answer.headers, parseText(answer.text)), operation);
  let json: unknown;
  try {
    json = JSON.parse(answer.text) as unknown;
  } catch {
    throw toGraphError(new MalformedGraphResponse(`invalid JSON (${answer.text.length} characters)`, answer.status, answer.requestId), operation);
  }
  return validate(json, schema, operation, answer.status, answer.requestId);
}

/** Validates any already-parsed value (e.g. a `$batch` sub-response body). */
export function validate<S extends z.ZodType>(value: unknown, schema: S, operation: string, status: number, requestId: string | null): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unexpected shape';
    throw toGraphError(new MalformedGraphResponse(where, status, requestId), operation);
  }
  return parsed.data;
}

/** Graph did not answer within the deadline: the call's outcome is unknown (a write may have landed). */
function graphTimeout(host: string, operation: string, timeoutMs: number, cause: unknown): LicenseDoctorError {
  const seconds = Math.ceil(timeoutMs / 1000);
  return new LicenseDoctorError('graph-unavailable', `Microsoft Graph at ${host} did not answer ${operation} within ${seconds} s: check GRAPH_BASE_URL and the network, or raise VENDOR_TIMEOUT_SECONDS.`,
    { vendor: 'graph', operation, timeout: true, timeoutMs }, { cause });
}

export class GraphTransport {
  private readonly client: Client;
  private readonly baseUrl: URL;
  private readonly timeoutMs: number;

  constructor(client: Client, baseUrl: string, timeoutMs: number) {
    this.client = client;
    this.baseUrl = new URL(baseUrl.replace(/\/+$/, ''));
    this.timeoutMs = timeoutMs;
  }

  /**
   * Sends one request; every HTTP status comes back as an answer, transport failures throw. One deadline covers
   * the whole call (retries and the body included), so no call outlives an execution lease.
   */
  async send(call: GraphCall, operation: string): Promise<GraphAnswer> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    const request = this.client.api(call.path).headers({ ...call.headers }).option('signal', signal).responseType(ResponseType.RAW);
    let raw: unknown;
    try {
      switch (call.method) {
        case 'GET': raw = await request.get(); break;
        case 'POST': raw = await request.post(call.body ?? {}); break;
        case 'PATCH': raw = await request.patch(call.body ?? {}); break;
        case 'DELETE': raw = await request.delete(); break;
      }
      if (!(raw instanceof Response)) throw new MalformedGraphResponse('no HTTP response', 0, null);
      const text = await raw.text();
      return { status: raw.status, headers: raw.headers, text, requestId: raw.headers.get('request-id') };
    } catch (err) {
      if (signal.aborted) throw graphTimeout(this.baseUrl.host, operation, this.timeoutMs, err);
      throw toGraphError(err, operation);
    }
  }

  /**
   * The request path for Graph's absolute `@odata.nextLink`. The client only parses https links, so the link is
   * made relative to the base URL; a link to any other place is refused (it would receive License Doctor's token).
   */
  nextLinkPath(nextLink: string, operation: string): string {
    return nextLinkPath(nextLink, this.baseUrl, operation);
  }
}

/** `@odata.nextLink` relative to `baseUrl` (its version root); a link anywhere else is refused. */
export function nextLinkPath(nextLink: string, baseUrl: URL, operation: string): string {
  let link: URL;
  try {
    link = new URL(nextLink);
  } catch {
    throw toGraphError(new MalformedGraphResponse(`unreadable @odata.nextLink ${JSON.stringify(nextLink.slice(0, 200))}`, 200, null), operation);
  }
  const root = baseUrl.pathname.replace(/\/+$/, '');
  if (link.origin !== baseUrl.origin || !link.pathname.startsWith(`${root}/`)) {
    throw new LicenseDoctorError('graph-unavailable', `Microsoft Graph answered ${operation} with a next-page link outside ${baseUrl.origin}${root}; License Doctor does not follow it.`, { vendor: 'graph', operation, nextLinkHost: link.host });
  }
  return `${link.pathname.slice(root.length)}${link.search}`;
}
