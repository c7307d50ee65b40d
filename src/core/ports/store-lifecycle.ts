import type { EventChannel } from './event-channel.ts';

/** The store as a whole: its schema, readiness, the channel to the other processes on it, and closing. */
export interface StoreLifecycle {
  /** Creates the schema or migrates it to the current version (idempotent; safe with several instances). */
  migrate(): Promise<void>;
  /** The channel that carries request events to the other processes on this store (`origin`: this process). */
  eventChannel(origin: string, options?: { readonly pollMs?: number }): EventChannel;
  /** Whether the database answers (readiness). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
