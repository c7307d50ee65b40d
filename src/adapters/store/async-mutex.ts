// A first-come, first-served lock for async work in one process.

/** Runs the functions given to `run` one at a time, in call order. */
export class AsyncMutex {
  #tail: Promise<unknown> = Promise.resolve();

  /** Runs `fn` once every earlier `run` has settled; resolves or rejects with `fn`'s own outcome. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(fn);
    // The queue only needs to know that `fn` settled; its outcome (error included) goes to the caller through `result`.
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
