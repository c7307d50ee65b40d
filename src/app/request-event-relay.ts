// Request events across processes: every local change and step progress is sent on the store's event channel, and a
// server publishes what other processes sent as local events marked `remote`, with the request re-read from the store
// (a message names the request, not its state: the store holds the truth, and a message stays small).
import type { EventChannel } from '../core/ports/event-channel.ts';
import type { Requests } from '../core/ports/requests.ts';
import type { AppLogger } from './app-logger.ts';
import type { RequestEvent, RequestEvents } from './request-events.ts';

/** What travels between processes. */
interface RemoteMessage {
  readonly type: 'request-changed' | 'step-progress';
  readonly requestId: string;
  readonly change?: string;
  readonly stepId?: string;
}

function toMessage(event: RequestEvent): RemoteMessage | null {
  if (event.type === 'execution-boundary' || event.remote === true) return null;
  return event.type === 'request-changed'
    ? { type: event.type, requestId: event.request.id, change: event.change }
    : { type: event.type, requestId: event.request.id, stepId: event.progress.stepId };
}

/**
 * Sends each local event on `channel`, in order, without holding up the publisher (a store that is away must not
 * stall a plan); `flush` waits for what is in flight (before closing the store).
 */
export function forwardRequestEvents(events: RequestEvents, channel: EventChannel, logger: AppLogger): { flush(): Promise<void>; stop(): void } {
  let pending: Promise<void> = Promise.resolve();
  const stop = events.subscribe((event) => {
    const message = toMessage(event);
    if (message === null) return;
    pending = pending.then(() => channel.publish(JSON.stringify(message))).catch((err: unknown) => {
      logger.warn({ err, requestId: message.requestId, type: message.type }, 'a request event could not be sent to other processes');
    });
  });
  return { flush: () => pending, stop };
}

/**
 * Publishes, as remote events, what other processes send on `channel`; a message that is not a request event goes to
 * `others` (batch changes: batch/batch-relay.ts), in the same order. Resolves with the function that stops.
 */
export function followRemoteEvents(events: RequestEvents, channel: EventChannel, store: Pick<Requests, 'get'>, logger: AppLogger, others?: (payload: string) => Promise<void>): Promise<() => Promise<void>> {
  let pending: Promise<void> = Promise.resolve();
  const receive = async (payload: string) => {
    const message = parseMessage(payload);
    if (message === null) return others?.(payload);
    const request = await store.get(message.requestId);
    if (request === null) return;
    const progress = message.type === 'step-progress' ? request.steps.find((s) => s.stepId === message.stepId) : undefined;
    await events.publish(progress !== undefined
      ? { type: 'step-progress', request, progress, remote: true }
      : { type: 'request-changed', change: message.change ?? 'refresh', request, remote: true });
  };
  return channel.subscribe(
    (payload) => {
      // One at a time, in order of arrival, so that cards see the changes in the order they happened.
      pending = pending.then(() => receive(payload)).catch((err: unknown) => logger.warn({ err }, 'a request event from another process could not be handled'));
    },
    (err) => logger.warn({ err }, 'not listening for request events from other processes; retrying'),
  ).then((stop) => async () => {
    await stop();
    await pending;
  });
}

function parseMessage(payload: string): RemoteMessage | null {
  try {
    const value = JSON.parse(payload) as Partial<RemoteMessage> | null;
    if (value === null || typeof value.requestId !== 'string' || (value.type !== 'request-changed' && value.type !== 'step-progress')) return null;
    return value as RemoteMessage;
  } catch {
    // Not a message of this version: ignored, like an unknown event.
    return null;
  }
}
