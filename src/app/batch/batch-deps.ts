// What the batch use cases need: the request services' dependencies (for diagnosis, plans and the executor), the
// batch store, the latest scan, and how many users run at once.
import type { Alert } from '../../core/model/alert.ts';
import type { BatchRequest } from '../../core/model/batch.ts';
import type { BatchStore } from '../../core/ports/batch-store.ts';
import type { ScanStore } from '../../core/ports/scan-store.ts';
import type { ServiceDeps } from '../service-deps.ts';

/** A batch changed (created, decided, a user finished...): surfaces refresh its card. */
export interface BatchChange {
  readonly change: string;
  readonly batch: BatchRequest;
  /** Made by another process (the CLI, another instance) and received on the store's event channel. */
  readonly remote?: boolean;
}

export interface BatchDeps {
  /** The request services' dependencies (executions use the rate-limit-aware adapters). */
  readonly service: ServiceDeps;
  readonly batches: BatchStore;
  readonly scans: Pick<ScanStore, 'latestFinishedScan' | 'results'>;
  /** The aggregated alerts a batch can be asked for from ("Fix these N users"). */
  readonly alerts?: { alert(alertId: string): Promise<Alert | null> };
  /** Users whose plans run at once (BATCH_CONCURRENCY). */
  readonly concurrency: number;
  /** Told of every change (cards update in place). */
  readonly onChange?: (change: BatchChange) => void | Promise<void>;
}

/** A new batch id, e.g. LD-B7K3F-9QX2 (the request id alphabet, marked B). */
export const newBatchId = (deps: BatchDeps): string => deps.service.newRequestId().replace(/^LD-/, 'LD-B');

export const nowIso = (deps: BatchDeps): string => new Date(deps.service.clock.now()).toISOString();

/** Runs `work` over `items`, at most `limit` at a time; one item's failure never stops the others (it is returned). */
export async function eachBounded<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<unknown[]> {
  const errors: unknown[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item).catch((err: unknown) => errors.push(err));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return errors;
}

/** Publishes a change; a listener's failure is logged, never thrown at the batch. */
export async function announce(deps: BatchDeps, change: string, batch: BatchRequest): Promise<void> {
  try {
    await deps.onChange?.({ change, batch });
  } catch (err) {
    deps.service.logger.warn({ err, batchId: batch.id }, 'a batch listener failed');
  }
}
