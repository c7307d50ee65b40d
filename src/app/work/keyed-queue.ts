// Work in order per key: tasks of one key run one at a time, in the order they were added; different keys run side by
// side. A task's failure is reported and the key's next task still runs. (Card followers keep each card's updates in
// order this way, off the publisher's path.)

export class KeyedQueue {
  readonly #chains = new Map<string, Promise<void>>();
  readonly #onError: (err: unknown, key: string) => void;

  constructor(onError: (err: unknown, key: string) => void) {
    this.#onError = onError;
  }

  /** Runs `task` after every task added before for `key`. */
  add(key: string, task: () => Promise<void>): void {
    const next = (this.#chains.get(key) ?? Promise.resolve()).then(task).catch((err: unknown) => this.#onError(err, key));
    this.#chains.set(key, next);
    void next.finally(() => {
      if (this.#chains.get(key) === next) this.#chains.delete(key);
    });
  }

  /** Resolves when every task added (also while waiting) has run. */
  async idle(): Promise<void> {
    while (this.#chains.size > 0) await Promise.all([...this.#chains.values()]);
  }
}
