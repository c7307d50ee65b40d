// Graph's answers for unknown routes, wrong methods and injected failures, in Graph's envelope and texts:
// throttling as learn.microsoft.com/graph/throttling shows it, 503 serviceNotAvailable, 500 generalException.
import type { SandboxRequest, SandboxResponse, SandboxServerOptions } from '../http.ts';
import { GraphFailure, graphError } from './graph-response.ts';

const KNOWN_ROOTS = new Set(['users', 'groups', 'subscribedskus', '$batch']);

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The failure Graph gives for a path it cannot route: wrong version, or the first unknown segment. */
function unknownRouteFailure(path: string): GraphFailure {
  const segments = path.split('/').filter((s) => s !== '').map(decoded);
  const [version, root, , child] = segments;
  if (version !== 'v1.0') return new GraphFailure(400, 'BadRequest', `Invalid version: ${version ?? ''}`);
  // Below a known collection, the unknown segment is the one after the key (e.g. /users/{id}/{segment}).
  const segment = root !== undefined && KNOWN_ROOTS.has(root.toLowerCase()) ? (child ?? root) : (root ?? '');
  return new GraphFailure(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
}

/** Graph's throttling answer (429 TooManyRequests with Retry-After in seconds). */
function throttledFailure(retryAfterSeconds: number): GraphFailure {
  return new GraphFailure(429, 'TooManyRequests', 'Please retry again later.', { 'Retry-After': String(retryAfterSeconds) });
}

/** The `innerError` extras Graph adds to a throttling answer. */
const THROTTLED_INNER = { code: '429', message: 'Please retry after', status: '429' } as const;

/** 503 serviceNotAvailable with Retry-After. */
function unavailableFailure(retryAfterSeconds: number): GraphFailure {
  return new GraphFailure(503, 'serviceNotAvailable', 'Service Unavailable', { 'Retry-After': String(retryAfterSeconds) });
}

/** 500 generalException. */
function serverErrorFailure(): GraphFailure {
  return new GraphFailure(500, 'generalException', 'General exception while processing.');
}

/** The error answers `startSandboxServer` needs, bound to the tenant's clock. */
export function graphServerErrors(now: () => Date): SandboxServerOptions['errors'] {
  const answer = (req: SandboxRequest, f: GraphFailure, inner: Record<string, string> = {}): SandboxResponse => graphError(req, now(), f, inner);
  return {
    notFound: (req) => answer(req, unknownRouteFailure(req.path)),
    methodNotAllowed: (req) => answer(req, new GraphFailure(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.')),
    throttled: (req, s) => answer(req, throttledFailure(s), THROTTLED_INNER),
    serverError: (req) => answer(req, serverErrorFailure()),
    unavailable: (req, s) => answer(req, unavailableFailure(s)),
  };
}
