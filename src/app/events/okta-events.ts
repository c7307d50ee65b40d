// What the Okta event hook and the System Log poller keep in the store and read (scan-main.ts opens them on use).
import type { EventReceipts } from '../../core/ports/event-receipts.ts';
import type { OktaSystemLog, PollCursorStore } from '../../core/ports/okta-system-log.ts';

export interface OktaEvents {
  readonly receipts: EventReceipts;
  readonly cursors: PollCursorStore;
  /** The System Log. */
  readonly log: OktaSystemLog;
  close(): Promise<void>;
}
