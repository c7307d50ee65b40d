// JSON `$batch` of GET requests (reference/graph.md §4.1): chunks of 20 sent in parallel. Sub-requests are
// throttled individually inside a 200 envelope, where the client's RetryHandler cannot see them, so throttled
// ones (429/503/504) are re-posted after their Retry-After while the retry budget allows.
import { readJson, type GraphTransport } from './graph-transport.ts';
import { MAX_RETRIES, RetryBudget, plannedWaitMs } from './retry-budget.ts';
import { batchEnvelopeSchema } from './schemas.ts';
import { MalformedGraphResponse, toGraphError } from './to-graph-error.ts';

export const BATCH_LIMIT = 20;

export interface BatchGet {
  readonly id: string;
  /** Relative to the version root, e.g. `/groups/{id}?$select=...`. */
  readonly url: string;
}

export interface BatchAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

const RETRYABLE = new Set([429, 503, 504]);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function runChunk(transport: GraphTransport, chunk: readonly BatchGet[], budgetMs: number, operation: string, out: Map<string, BatchAnswer>): Promise<void> {
  const budget = new RetryBudget(budgetMs);
  let pending = chunk;
  for (let attempt = 1; ; attempt++) {
    const answer = await transport.send({ method: 'POST', path: '/$batch', body: { requests: pending.map((r) => ({ id: r.id, method: 'GET', url: r.url })) } }, operation);
    const { responses } = readJson(answer, batchEnvelopeSchema, operation);
    const retry: BatchGet[] = [];
    let waitMs = 0;
    for (const request of pending) {
      const sub = responses.find((r) => r.id === request.id);
      if (!sub) throw toGraphError(new MalformedGraphResponse(`no response for batch request ${request.id}`, answer.status, answer.requestId), operation);
      const result = { status: sub.status, headers: new Headers(sub.headers ?? {}), body: sub.body };
      out.set(request.id, result);
      if (RETRYABLE.has(sub.status)) {
        retry.push(request);
        waitMs = Math.max(waitMs, plannedWaitMs(result.headers, attempt));
      }
    }
    // Past the retries or the budget, the throttled answers stay in `out` and the caller reports them.
    if (retry.length === 0 || attempt > MAX_RETRIES || !budget.tryReserve(waitMs)) return;
    await sleep(waitMs);
    pending = retry;
  }
}

/** Answers for GET requests sent through `$batch`, by request id (every id gets its last answer). */
export async function batchGet(transport: GraphTransport, requests: readonly BatchGet[], budgetMs: number, operation: string): Promise<Map<string, BatchAnswer>> {
  const out = new Map<string, BatchAnswer>();
  const chunks: BatchGet[][] = [];
  for (let i = 0; i < requests.length; i += BATCH_LIMIT) chunks.push(requests.slice(i, i + BATCH_LIMIT));
  await Promise.all(chunks.map((c) => runChunk(transport, c, budgetMs, operation, out)));
  return out;
}
