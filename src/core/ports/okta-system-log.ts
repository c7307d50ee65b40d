import type { OktaLogEvent } from '../events/push-failure-event.ts';

/** One page of a System Log poll and the link to poll next (Okta always gives one for an open-ended ascending query). */
export interface SystemLogPage {
  readonly events: readonly OktaLogEvent[];
  readonly next: string | null;
}

/** Okta's System Log, polled in ascending order. Throws LicenseDoctorError on vendor failures. */
export interface OktaSystemLog {
  /** The page at `cursor` (a next link), or the first page of events of `types` since `since` when cursor is null. */
  logPage(cursor: string | null, since: string, types: readonly string[]): Promise<SystemLogPage>;
}

/** Where the System Log poller stands, and the lease that lets one instance poll at a time. Throws LicenseDoctorError (store). */
export interface PollCursorStore {
  /** Takes (or renews) the poller lease; false while another owner holds it. */
  acquirePollLease(owner: string, nowMs: number, ttlMs: number): Promise<boolean>;
  /** The saved next link, or null before the first poll. */
  pollCursor(): Promise<string | null>;
  /** Saves the next link while `owner` holds the lease; false when it does not. */
  savePollCursor(owner: string, cursor: string): Promise<boolean>;
}
