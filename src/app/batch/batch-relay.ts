// Batch changes across processes, like request events (request-event-relay.ts): every local change is sent on the
// store's event channel as a small message naming the batch and the change, and a server publishes what other
// processes sent on its hub as remote changes, with the batch re-read from the store (the store holds the truth). A
// batch created or decided from the CLI or on another instance so reaches every server's cards.
import type { EventChannel } from '../../core/ports/event-channel.ts';
import type { AppLogger } from '../app-logger.ts';
import type { BatchHub } from './batch-hub.ts';

const TYPE = 'batch-changed';

/** What travels between processes. */
interface BatchMessage {
  readonly type: typeof TYPE;
  readonly batchId: string;
  readonly change: string;
}

/**
 * Sends each local change of `hub` on `channel`, in order, without holding up the batch (a store that is away must not
 * stall a run); `flush` waits for what is in flight (before closing the store).
 */
export function forwardBatchChanges(hub: Pick<BatchHub, 'subscribe'>, channel: EventChannel, logger: AppLogger): { flush(): Promise<void>; stop(): void } {
  let pending: Promise<void> = Promise.resolve();
  const stop = hub.subscribe(({ change, batch, remote }) => {
    if (remote === true) return;
    const message: BatchMessage = { type: TYPE, batchId: batch.id, change };
    pending = pending.then(() => channel.publish(JSON.stringify(message))).catch((err: unknown) => {
      logger.warn({ err, batchId: batch.id, change }, 'a batch change could not be sent to other processes');
    });
  });
  return { flush: () => pending, stop };
}

/** Publishes a batch change another process sent (`payload`, from the channel) on `hub` as remote; anything else is ignored. */
export async function receiveBatchChange(hub: Pick<BatchHub, 'service' | 'publish'>, payload: string): Promise<void> {
  const message = parseMessage(payload);
  if (message === null) return;
  const batch = await (await hub.service()).get(message.batchId);
  if (batch) await hub.publish({ change: message.change, batch, remote: true });
}

function parseMessage(payload: string): BatchMessage | null {
  try {
    const value = JSON.parse(payload) as Partial<BatchMessage> | null;
    if (value === null || value.type !== TYPE || typeof value.batchId !== 'string' || typeof value.change !== 'string') return null;
    return value as BatchMessage;
  } catch {
    // Not a message of this version: ignored, like an unknown event.
    return null;
  }
}
