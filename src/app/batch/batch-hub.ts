// One batch service per process (its store connection opened on first use) and the batch changes it publishes, so
// the chat surfaces can act on batches and keep their cards current.
import type { AppLogger } from '../app-logger.ts';
import type { BatchChange } from './batch-deps.ts';
import type { BatchService } from './batch-service.ts';

export type BatchListener = (change: BatchChange) => void | Promise<void>;

interface OpenedBatches {
  readonly service: BatchService;
  close(): Promise<void>;
}

export class BatchHub {
  readonly #open: (publish: BatchListener) => Promise<OpenedBatches>;
  readonly #logger: AppLogger;
  readonly #listeners = new Set<BatchListener>();
  #opened: Promise<OpenedBatches> | null = null;

  /** `open` builds the service, telling `publish` of every change. */
  constructor(open: (publish: BatchListener) => Promise<OpenedBatches>, logger: AppLogger) {
    this.#open = open;
    this.#logger = logger;
  }

  /** The batch service (opened on first use; a failed open is tried again next time). */
  async service(): Promise<BatchService> {
    this.#opened ??= this.#open((change) => this.publish(change)).catch((err: unknown) => {
      this.#opened = null;
      throw err;
    });
    return (await this.#opened).service;
  }

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: BatchListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Tells every listener, in order; a listener's failure is logged. */
  async publish(change: BatchChange): Promise<void> {
    for (const listener of [...this.#listeners]) {
      try {
        await listener(change);
      } catch (err) {
        this.#logger.warn({ err, batchId: change.batch.id }, 'a batch listener failed');
      }
    }
  }

  async close(): Promise<void> {
    const opened = this.#opened;
    this.#opened = null;
    if (opened) await (await opened.catch(() => null))?.close();
  }
}
