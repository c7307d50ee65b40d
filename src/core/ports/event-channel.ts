/**
 * Carries short messages between License Doctor processes that share a store (request events: a plan approved from
 * the CLI or run by another instance updates every instance's cards). At-most-once: a process that is not listening
 * when a message is sent never gets it.
 */
export interface EventChannel {
  /** Sends `payload` (JSON text, at most 7,000 bytes) to every other process listening on this store. */
  publish(payload: string): Promise<void>;
  /** Calls `onMessage` for each message other processes publish from now on (and `onError` for each failure to
   *  listen, while it retries); resolves with the function that stops listening. */
  subscribe(onMessage: (payload: string) => void, onError: (err: unknown) => void): Promise<() => Promise<void>>;
}
