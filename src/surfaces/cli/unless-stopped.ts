// Start-up that a stop signal can interrupt at any point: each phase races the stop. The caller releases what a
// phase builds after the stop came (the process is about to exit, and must not start serving).

/** What a phase resolves with when the stop came first. */
export const STOPPED: unique symbol = Symbol('stopped');

/** `work`'s value, or STOPPED when `stop` resolves first. */
export async function unlessStopped<T>(work: Promise<T>, stop: Promise<void>): Promise<T | typeof STOPPED> {
  const outcome = await Promise.race([work.then((value) => ({ done: true as const, value })), stop.then(() => ({ done: false as const }))]);
  return outcome.done ? outcome.value : STOPPED;
}
