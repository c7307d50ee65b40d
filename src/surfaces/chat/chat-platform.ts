// The chat-platform port: what a chat surface (Slack, Teams — and the demo page, which is a Teams client on the Teams
// surface's own connector) does with cards, so that posting a card and keeping it current is written once
// (card-follower.ts) and each platform only renders and sends.
//
// A new kind of card (an alert, scan progress, a batch):
//   1. add its view model to core/views and a variant to `ChatCard` below ({ kind: 'alert', view: AlertView });
//   2. render it in each platform's `render` switch (the compiler lists the platforms that do not yet);
//   3. post it with `follower.post(subject, slot, place, card)` — e.g. subject `alert:<id>`, slot `channel` — which
//      remembers the message under that subject in the conversation references (any instance can update it);
//   4. keep it current with `follower.show(subject, slot, card)`, which replaces every message posted under it,
//      in order, the latest state winning a burst.
// Request cards are kept current by the follower itself, from the request events.
import type { Actor } from '../../core/model/request.ts';
import type { AlertView } from '../../core/views/alert-view.ts';
import type { ScanCardView } from '../../core/views/scan-view.ts';
import type { BatchView } from '../../core/views/batch-view.ts';
import type { RequestView } from '../../core/views/view-model.ts';

/** A view model as a card: which card it is, and what it shows. */
export type ChatCard =
  /** A request's approval card (the approvals channel): where it stands, for everyone. */
  | { readonly kind: 'request-approval'; readonly view: RequestView }
  /** The requester's status card (their conversation); `notice`: a line for them (e.g. where the approval card went). */
  | { readonly kind: 'request-status'; readonly view: RequestView; readonly notice?: string }
  /** A short note that the request moved, beside the status card (platforms with threads). */
  | { readonly kind: 'request-moved'; readonly view: RequestView; readonly requestedBy: Actor }
  /** A proactive alert (the helpdesk's alerts channel): a cause's failing users and the first one's diagnosis. */
  | { readonly kind: 'alert'; readonly view: AlertView }
  /** A fleet scan's card: its progress, then its summary (or why it did not run). */
  | { readonly kind: 'scan'; readonly view: ScanCardView }
  /** A batch's card (the approvals channel): counts updated in place, the users listed, Approve / Reject, Retry / Split. */
  | { readonly kind: 'batch'; readonly view: BatchView };

/**
 * One chat platform. `Place` is where a card can be posted (a Slack channel and thread, a Teams conversation), `Ref`
 * is a posted message as kept in the conversation references (plain JSON).
 */
export interface ChatPlatform<Place, Ref> {
  readonly surface: 'slack' | 'teams';
  /** The conversation-reference key of the message posted in `slot` for `subject` (e.g. `request:LD-…`, `approval`). */
  refKey(subject: string, slot: string): string;
  /** A stored reference read back (null: unreadable, it is skipped). */
  parseRef(stored: unknown): Ref | null;
  /** Posts `card` at `place`; resolves with the posted message (throws a LicenseDoctorError). */
  post(place: Place, card: ChatCard): Promise<Ref>;
  /** Replaces the posted message `ref` with `card`. */
  update(ref: Ref, card: ChatCard): Promise<void>;
  /** Posts `card` beside `ref` (in its thread); absent on platforms that have no threads. */
  reply?(ref: Ref, card: ChatCard): Promise<void>;
  /** Where approval cards of requests asked for on other surfaces go (null: this platform posts none). */
  approvalsPlace(): Place | null;
}
