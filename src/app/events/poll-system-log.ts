// Use case: where Okta cannot reach an event hook (no public endpoint), poll the System Log instead: ascending,
// following the next links, the cursor kept in the store, one instance at a time (the poller lease). Each new failed
// push of an Office 365 app user is diagnosed as a hook delivery would be.
import { POLLED_EVENT_TYPES } from '../../core/events/push-failure-event.ts';
import type { OktaSystemLog, PollCursorStore } from '../../core/ports/okta-system-log.ts';
import { handlePushFailureEvents, type PushFailureEventDeps } from './handle-push-failure-events.ts';

export interface PollDeps extends PushFailureEventDeps {
  readonly log: OktaSystemLog;
  readonly cursors: PollCursorStore;
  readonly owner: string;
  readonly leaseMs: number;
  /** How far back the first poll starts. */
  readonly firstPollLookbackMs: number;
  /** Pages read at most per poll (the rest waits for the next one). */
  readonly maxPages: number;
}

export type PollOutcome =
  | { readonly kind: 'polled'; readonly pages: number; readonly events: number; readonly diagnosed: number }
  /** Another instance holds the poller lease. */
  | { readonly kind: 'busy' };

/** One poll: reads until Okta has nothing newer, saving the cursor after each page's events were handled. */
export async function pollSystemLog(deps: PollDeps): Promise<PollOutcome> {
  const now = deps.diagnose.clock.now();
  if (!(await deps.cursors.acquirePollLease(deps.owner, now, deps.leaseMs))) return { kind: 'busy' };
  const since = new Date(now - deps.firstPollLookbackMs).toISOString();
  let cursor = await deps.cursors.pollCursor();
  let pages = 0;
  let events = 0;
  let diagnosed = 0;
  while (pages < deps.maxPages) {
    const page = await deps.log.logPage(cursor, since, POLLED_EVENT_TYPES);
    pages += 1;
    events += page.events.length;
    diagnosed += (await handlePushFailureEvents(deps, page.events, POLLED_EVENT_TYPES)).diagnosed;
    // An open-ended ascending query always has a next link; it is where the next poll starts.
    if (page.next !== null) {
      if (!(await deps.cursors.savePollCursor(deps.owner, page.next))) return { kind: 'busy' };
      cursor = page.next;
    }
    if (page.events.length === 0 || page.next === null) break;
  }
  return { kind: 'polled', pages, events, diagnosed };
}
