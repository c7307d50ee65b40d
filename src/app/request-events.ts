// Every change of a request and every step's progress, published for the chat surfaces (cards follow a plan as it
// runs). Changes and progress also cross processes through the store (request-event-relay.ts): an event that came from
// another process (the CLI, another instance) is published here with `remote: true`, and surfaces only refresh cards
// from it (the process where it happened does the rest).
import type { LicenseRequest, StepProgress } from '../core/model/request.ts';

export type RequestEvent =
  /** The request was created, decided, started, finished... (`change` names what happened). */
  | { readonly type: 'request-changed'; readonly change: string; readonly request: LicenseRequest; readonly remote?: true }
  /** A step moved (started, succeeded, skipped, manual, failed); `request` is the stored state after it. */
  | { readonly type: 'step-progress'; readonly request: LicenseRequest; readonly progress: StepProgress; readonly remote?: true }
  /** Execution boundaries, for tests that crash the process at each one. */
  | { readonly type: 'execution-boundary'; readonly requestId: string; readonly stepId: string; readonly boundary: 'journaled-start' | 'vendor-done' | 'journaled-finish' };

export type RequestEventListener = (event: RequestEvent) => void | Promise<void>;

/** A small typed publish/subscribe hub. Listener failures are reported, never thrown at the publisher. */
export class RequestEvents {
  private readonly listeners = new Set<RequestEventListener>();
  private readonly onListenerError: (err: unknown, event: RequestEvent) => void;

  constructor(onListenerError: (err: unknown, event: RequestEvent) => void = () => {}) {
    this.onListenerError = onListenerError;
  }

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: RequestEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls every listener; waits for async listeners so card updates keep their order. */
  async publish(event: RequestEvent): Promise<void> {
    for (const listener of [...this.listeners]) {
      try {
        await listener(event);
      } catch (err) {
        this.onListenerError(err, event);
      }
    }
  }
}
