// Keeps batch cards current on one chat platform: a new batch gets a card in the approvals channel, and every change (a
// decision, each user as they finish, a retry, a split) replaces it with the latest counts. Changes made in other
// processes (the CLI, another instance) arrive as remote changes (app/batch/batch-relay.ts), so every server hears of
// a new batch: the card is claimed in the store first and only the instance whose claim wins posts it; the others
// update it once its reference is stored. Bursts collapse: while a render is waiting, further changes of the same
// batch add nothing to the queue.
import type { AppLogger } from '../../app/app-logger.ts';
import type { BatchChange } from '../../app/batch/batch-deps.ts';
import type { BatchHub } from '../../app/batch/batch-hub.ts';
import { KeyedQueue } from '../../app/work/keyed-queue.ts';
import type { Claims } from '../../core/ports/claims.ts';
import type { Clock } from '../../core/ports/clock.ts';
import { batchView } from '../../core/views/batch-view.ts';
import type { CardFollower } from './card-follower.ts';
import type { ChatCard } from './chat-platform.ts';

/** The subject and slot a batch card is kept under in the conversation references. */
const batchSubject = (batchId: string): string => `batch:${batchId}`;
const BATCH_SLOT = 'card';

export interface BatchCardsDeps<Place, Ref> {
  readonly hub: BatchHub;
  readonly follower: CardFollower<Place, Ref>;
  /** Where the posting of a batch's card is claimed, once across instances. */
  readonly claims: Pick<Claims, 'claimNotice'>;
  readonly clock: Clock;
  /** Where a new batch's card goes (null: nowhere on this platform yet). */
  readonly place: () => Promise<Place | null>;
  readonly logger: AppLogger;
}

export class BatchCards<Place, Ref> {
  readonly #deps: BatchCardsDeps<Place, Ref>;
  readonly #queue: KeyedQueue;
  readonly #waiting = new Set<string>();

  constructor(deps: BatchCardsDeps<Place, Ref>) {
    this.#deps = deps;
    this.#queue = new KeyedQueue((err, batchId) => deps.logger.warn({ err, batchId }, 'could not update a batch card'));
  }

  /** Follows the hub's batch changes; returns the function that stops. */
  follow(): () => void {
    return this.#deps.hub.subscribe((change) => this.onChange(change));
  }

  onChange(change: BatchChange): void {
    const id = change.batch.id;
    const post = change.change === 'created';
    if (this.#waiting.has(id) && !post) return;
    this.#waiting.add(id);
    this.#queue.add(id, () => {
      this.#waiting.delete(id);
      return this.#render(id, post);
    });
  }

  /** The card of a batch as it stands (null: no such batch). */
  async card(batchId: string): Promise<ChatCard | null> {
    const state = await (await this.#deps.hub.service()).state(batchId);
    return state ? { kind: 'batch', view: batchView(state.batch, state.members, state.counts) } : null;
  }

  async #render(batchId: string, post: boolean): Promise<void> {
    const { follower } = this.#deps;
    const card = await this.card(batchId);
    if (!card) return;
    const subject = batchSubject(batchId);
    if ((await follower.posted(subject, BATCH_SLOT)).length > 0) {
      await follower.show(subject, BATCH_SLOT, card);
      return;
    }
    if (!post) return;
    const place = await this.#deps.place();
    if (!place) return;
    // Every instance hears of a new batch; the one whose claim wins posts its card on this platform.
    const at = new Date(this.#deps.clock.now()).toISOString();
    if (!(await this.#deps.claims.claimNotice(`batch-card:${follower.platform.surface}:${batchId}`, at))) return;
    await follower.post(subject, BATCH_SLOT, place, card);
  }

  /** Resolves when every queued update has been sent (tests, shutdown). */
  async idle(): Promise<void> {
    await this.#queue.idle();
  }
}
