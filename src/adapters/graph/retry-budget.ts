// A bounded wait for throttling and outages. The Graph client's RetryHandler retries 429/503/504 honouring
// Retry-After; License Doctor caps the total wait per request (a chat user is waiting), and gives up with
// Graph's answer once the next wait would exceed the budget. `$batch` sub-requests use the same accounting.
import { RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import { retryAfterSeconds } from './to-graph-error.ts';

/** Retries per request (the client's default). */
export const MAX_RETRIES = 3;
/** Base delay in seconds when Graph gives no Retry-After. */
const BASE_DELAY_SECONDS = 1;

/** The wait the RetryHandler will use before retry number `attempt` (1-based), rounded up (its jitter is < 1 s). */
export function plannedWaitMs(headers: Headers | undefined, attempt: number): number {
  const retryAfter = retryAfterSeconds(headers?.get('Retry-After'));
  if (retryAfter !== null) return retryAfter * 1000;
  const backoff = attempt >= 2 ? Math.round(0.5 * (2 ** attempt - 1)) : 0;
  return (backoff + BASE_DELAY_SECONDS + 1) * 1000;
}

/** Total wait allowed for one logical call. */
export class RetryBudget {
  private spentMs = 0;
  private readonly budgetMs: number;

  constructor(budgetMs: number) {
    this.budgetMs = budgetMs;
  }

  /** Reserves `waitMs` if it fits in what is left; false means "give up now". */
  tryReserve(waitMs: number): boolean {
    if (this.spentMs + waitMs > this.budgetMs) return false;
    this.spentMs += waitMs;
    return true;
  }
}

/** RetryHandler options whose `shouldRetry` enforces `budgetMs` per request. */
export function budgetedRetryOptions(budgetMs: number): RetryHandlerOptions {
  // The fetch options object is created afresh for every request the client sends, so it identifies one
  // logical request across its retries.
  const budgets = new WeakMap<object, RetryBudget>();
  return new RetryHandlerOptions(BASE_DELAY_SECONDS, MAX_RETRIES, (_delay, attempt, _request, options, response) => {
    const key: object = options ?? {};
    const budget = budgets.get(key) ?? new RetryBudget(budgetMs);
    budgets.set(key, budget);
    return budget.tryReserve(plannedWaitMs(response.headers, attempt + 1));
  });
}
