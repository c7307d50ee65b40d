// The one place where Graph failures become LicenseDoctorError: HTTP answers (GraphError), transport failures
// (no token, no connection), and responses License Doctor cannot read. Messages say what to do; Graph's code,
// message and request id go in `details`. No token ever reaches a message or a detail.
import { GraphClientError, GraphError } from '@microsoft/microsoft-graph-client';
import { LicenseDoctorError, type ErrorDetails } from '../../core/errors.ts';

/** A Graph answer License Doctor cannot read: invalid JSON, or a shape the schemas refuse. */
export class MalformedGraphResponse extends Error {
  override readonly name = 'MalformedGraphResponse';
  readonly status: number;
  readonly requestId: string | null;

  constructor(detail: string, status: number, requestId: string | null) {
    super(detail);
    this.status = status;
    this.requestId = requestId;
  }
}

/** Carried in GraphClientError.customError (the client rethrows GraphClientError untouched). */
export interface TransportFailure {
  /** `throttled`: Graph's last Retry-After runs longer than the call may wait; `cause` is the seconds left. */
  readonly kind: 'credential' | 'network' | 'throttled';
  readonly url: string;
  readonly cause: unknown;
}

/** Wraps a failure below HTTP so that it survives the Graph client's error handling. */
export function transportFailure(kind: TransportFailure['kind'], url: string, cause: unknown): GraphClientError {
  const err = new GraphClientError(kind === 'credential' ? 'could not obtain a Graph token' : kind === 'throttled' ? 'Graph asked to wait' : 'Graph request failed');
  const failure: TransportFailure = { kind, url, cause };
  err.customError = failure;
  return err;
}

const WRITES = new Set(['assignUserLicenses', 'removeGroupMember', 'assignGroupLicenses']);

/** Seconds from a Retry-After header (seconds or HTTP date), or null. */
export function retryAfterSeconds(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function errorCode(cause: unknown): string | null {
  for (let c: unknown = cause, depth = 0; c !== null && typeof c === 'object' && depth < 5; depth++) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const nested = (c as { errors?: unknown }).errors;
    c = Array.isArray(nested) && nested.length > 0 ? nested[0] : (c as { cause?: unknown }).cause;
  }
  return null;
}

const host = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

function fromTransport(failure: TransportFailure, operation: string): LicenseDoctorError {
  const details: ErrorDetails = { vendor: 'graph', operation };
  if (failure.kind === 'throttled') {
    const seconds = typeof failure.cause === 'number' ? failure.cause : 1;
    return new LicenseDoctorError('throttled', `Microsoft Graph asked License Doctor to wait (${operation}): try again in ${seconds} seconds.`, { ...details, status: 429, retryAfterSeconds: seconds });
  }
  if (failure.kind === 'credential') {
    const reason = failure.cause instanceof Error ? failure.cause.message.slice(0, 300) : 'no token';
    return new LicenseDoctorError('graph-unavailable', `Could not get a token for Microsoft Graph (${reason}): check the AZURE_* settings (tenant, client id, secret or certificate).`, details, { cause: failure.cause });
  }
  const code = errorCode(failure.cause) ?? 'network error';
  return new LicenseDoctorError('graph-unavailable', `Could not reach Microsoft Graph at ${host(failure.url)} (${code}): check GRAPH_BASE_URL and the network.`, { ...details, networkCode: code }, { cause: failure.cause });
}

function fromHttp(err: GraphError, operation: string): LicenseDoctorError {
  const status = err.statusCode;
  const code = err.code ?? `HTTP${status}`;
  const retryAfter = retryAfterSeconds(err.headers?.get('Retry-After'));
  const details: ErrorDetails = {
    vendor: 'graph', operation, status, vendorCode: code, vendorMessage: err.message,
    ...(err.requestId ? { requestId: err.requestId } : {}),
    ...(retryAfter === null ? {} : { retryAfterSeconds: retryAfter }),
  };
  const write = WRITES.has(operation);
  if (status === 429) {
    const wait = retryAfter === null ? 'a little while' : `${retryAfter} seconds`;
    return new LicenseDoctorError('throttled', `Microsoft Graph is throttling License Doctor (${operation}): try again in ${wait}.`, details);
  }
  if (status === 401 || (status === 403 && !write)) {
    return new LicenseDoctorError('graph-unavailable', `Microsoft Graph refused License Doctor's credentials (${status} ${code}): check GRAPH_ACCESS_TOKEN or the AZURE_* settings and the app's permissions.`, details);
  }
  if (status >= 500) {
    return new LicenseDoctorError('graph-unavailable', `Microsoft Graph failed (${status} ${code}) on ${operation}, also after retries: try again in a few minutes.`, details);
  }
  if (status === 404 && !write) return new LicenseDoctorError('not-found', `Microsoft Graph has no such object (${operation}): ${err.message}`, details);
  return new LicenseDoctorError('graph-request-failed', `Microsoft Graph refused ${operation}: ${err.message} (${status} ${code}).`, details);
}

/** Translates any failure of a Graph call into a LicenseDoctorError (graph-unavailable, graph-request-failed, throttled, not-found). */
export function toGraphError(err: unknown, operation: string): LicenseDoctorError {
  if (err instanceof LicenseDoctorError) return err;
  if (err instanceof MalformedGraphResponse || (err instanceof GraphError && err.code === 'SyntaxError')) {
    const details: ErrorDetails = { vendor: 'graph', operation, detail: err.message.slice(0, 500), ...(err instanceof MalformedGraphResponse && err.requestId ? { requestId: err.requestId } : {}) };
    return new LicenseDoctorError('graph-unavailable', `Microsoft Graph answered ${operation} with a malformed response: try again, and report it if it persists.`, details, { cause: err });
  }
  if (err instanceof GraphClientError) {
    const failure = err.customError as TransportFailure | undefined;
    if (failure?.kind === 'credential' || failure?.kind === 'network' || failure?.kind === 'throttled') return fromTransport(failure, operation);
  }
  if (err instanceof GraphError && err.statusCode >= 100) return fromHttp(err, operation);
  const message = err instanceof Error ? err.message.slice(0, 300) : String(err);
  return new LicenseDoctorError('graph-unavailable', `Microsoft Graph request ${operation} failed unexpectedly (${message}): check GRAPH_BASE_URL and try again.`, { vendor: 'graph', operation }, { cause: err });
}
