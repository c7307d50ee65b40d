// POST /v1.0/$batch (JSON batching, reference/graph.md §4.1): up to 20 requests with unique ids and relative
// urls, each answered as if sent alone (faults included: a rule can throttle one sub-request path), inside a
// 200 envelope; `dependsOn` runs after its dependencies and fails with 424 when one of them failed.
import type { RecordedCall, SandboxRequest, SandboxResponse, SandboxServerOptions } from '../http.ts';
import type { GraphContext } from './graph-context.ts';
import { GraphFailure, graphError, graphJson, jsonBody } from './graph-response.ts';
import { graphRoute, type GraphRouter } from './graph-router.ts';

const MAX_REQUESTS = 20;

interface BatchStep {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly dependsOn: readonly string[];
}

const invalid = (detail: string) => new GraphFailure(400, 'BadRequest', `Invalid batch payload format: ${detail}`);

function readSteps(payload: unknown): BatchStep[] {
  const requests = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)['requests'] : undefined;
  if (!Array.isArray(requests)) throw invalid("'requests' must be an array.");
  if (requests.length > MAX_REQUESTS) throw new GraphFailure(400, 'BadRequest', `The batch contains ${requests.length} requests; at most ${MAX_REQUESTS} are allowed.`);
  const seen = new Set<string>();
  return requests.map((raw: unknown) => {
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const { id, method, url } = r;
    if (typeof id !== 'string' || id === '' || typeof method !== 'string' || typeof url !== 'string') throw invalid('every request needs id, method and url.');
    if (seen.has(id.toLowerCase())) throw new GraphFailure(400, 'BadRequest', `Batch request ids must be unique; '${id}' is repeated.`);
    const dependsOn = Array.isArray(r['dependsOn']) ? r['dependsOn'].filter((d): d is string => typeof d === 'string') : [];
    const unknown = dependsOn.find((d) => !seen.has(d.toLowerCase()));
    if (unknown !== undefined) throw invalid(`request '${id}' depends on '${unknown}', which does not come before it.`);
    seen.add(id.toLowerCase());
    const headers = Object.fromEntries(Object.entries((r['headers'] ?? {}) as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), String(v)]));
    return { id, method: method.toUpperCase(), url, headers, body: r['body'], dependsOn };
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Answers one request the way the server would without authentication (the batch was authenticated). */
async function dispatch(router: GraphRouter, ctx: GraphContext, errors: SandboxServerOptions['errors'], req: SandboxRequest): Promise<SandboxResponse> {
  const { latencyMs, failure } = ctx.faults.take(req.method, req.path);
  if (latencyMs > 0) await sleep(latencyMs);
  switch (failure?.kind) {
    case 'throttle':
      return errors.throttled(req, failure.retryAfterSeconds);
    case 'server-error':
      return errors.serverError(req);
    case 'unavailable':
      return errors.unavailable(req, failure.retryAfterSeconds);
    case 'malformed':
      return { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"value": [ {"id": "trunc' };
    default:
      break;
  }
  const found = router.match(req.method, req.path);
  if (found === null) return errors.notFound(req);
  if (found === 'method') return errors.methodNotAllowed(req);
  return found.handler({ ...req, params: found.params });
}

function envelopeBody(res: SandboxResponse): unknown {
  if (typeof res.body !== 'string') return res.body;
  const type = Object.entries(res.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  if (!type.includes('json')) return res.body;
  try {
    return JSON.parse(res.body) as unknown;
  } catch {
    return res.body; // a malformed-body fault stays malformed inside the envelope
  }
}

/** Registers POST /v1.0/$batch; sub-requests go through the same routes and fault rules. */
export function registerBatchRoute(router: GraphRouter, ctx: GraphContext, errors: SandboxServerOptions['errors']): void {
  router.on('POST', '/v1.0/$batch', graphRoute(ctx, async (req) => {
    const steps = readSteps(jsonBody(req));
    const statuses = new Map<string, number>();
    const responses: Array<Record<string, unknown>> = [];
    for (const step of steps) {
      const started = Date.now();
      const relative = step.url.startsWith('/') ? step.url : `/${step.url}`;
      const url = new URL(`/v1.0${relative}`, 'http://sandbox.local');
      const sub: SandboxRequest = {
        method: step.method,
        path: url.pathname,
        url,
        headers: { host: req.headers.host, authorization: req.headers.authorization, ...step.headers },
        body: step.body === undefined ? '' : typeof step.body === 'string' ? step.body : JSON.stringify(step.body),
        params: {},
      };
      let res: SandboxResponse;
      if (step.dependsOn.some((d) => (statuses.get(d.toLowerCase()) ?? 0) >= 400)) {
        res = graphError(sub, ctx.tenant.now(), new GraphFailure(424, 'FailedDependency', 'The request depends on a request of this batch that failed.'));
      } else if (/^[a-z]+:/i.test(step.url)) {
        res = graphError(sub, ctx.tenant.now(), new GraphFailure(400, 'BadRequest', 'Batch request urls must be relative to the service root.'));
      } else if (url.pathname === '/v1.0/$batch') {
        res = graphError(sub, ctx.tenant.now(), new GraphFailure(400, 'BadRequest', 'A batch request cannot contain another batch.'));
      } else if (step.body !== undefined && step.headers['content-type'] === undefined) {
        res = graphError(sub, ctx.tenant.now(), new GraphFailure(400, 'BadRequest', 'A request with a body needs a Content-Type header.'));
      } else {
        res = await dispatch(router, ctx, errors, sub);
      }
      statuses.set(step.id.toLowerCase(), res.status);
      const call: RecordedCall = { method: step.method, path: url.pathname, query: url.search, status: res.status, at: started, durationMs: Date.now() - started };
      ctx.batchCalls.push(call);
      const body = envelopeBody(res);
      responses.push({ id: step.id, status: res.status, headers: res.headers ?? {}, ...(body === undefined ? {} : { body }) });
    }
    return graphJson(req, 200, { responses });
  }));
}
