// Keeps every posted card current, on any chat platform (chat-platform.ts): a request's approval card and its
// requester's status card are replaced at every change (quorum progress, each step as it runs, the verified result),
// and on platforms with threads a note goes beside the status card when the request moves. Where the cards are is
// kept in the conversation references, so whichever instance runs the plan updates them. Updates run per subject in
// order, off the publisher's path (a slow platform never slows a plan), and render the latest state: a burst of step
// events becomes as few updates as the platform's pace allows, and an older version is never shown over a newer one.
import type { AppLogger } from '../../app/app-logger.ts';
import type { RequestEvent, RequestEvents } from '../../app/request-events.ts';
import { KeyedQueue } from '../../app/work/keyed-queue.ts';
import { isTerminalStatus } from '../../core/approval/terminal-statuses.ts';
import type { LicenseRequest } from '../../core/model/request.ts';
import type { Clock } from '../../core/ports/clock.ts';
import type { ConversationRefs } from '../../core/ports/conversation-refs.ts';
import { requestView } from '../../core/views/request-view.ts';
import type { ChatCard, ChatPlatform } from './chat-platform.ts';

/** The slots of a request's cards. */
export const REQUEST_SLOTS = { approval: 'approval', status: 'status' } as const;

/** The subject request cards are kept under. */
export const requestSubject = (requestId: string): string => `request:${requestId}`;

export interface CardFollowerDeps<Place, Ref> {
  readonly platform: ChatPlatform<Place, Ref>;
  readonly refs: ConversationRefs;
  readonly clock: Clock;
  readonly logger: AppLogger;
  /** The stored state of a request (a change that lands while its cards are being posted is caught up). */
  readonly current: (requestId: string) => Promise<LicenseRequest | null>;
}

/** Posts cards through one platform, remembers where, and keeps them current. */
export class CardFollower<Place, Ref> {
  readonly #deps: CardFollowerDeps<Place, Ref>;
  readonly #queue: KeyedQueue;
  readonly #latest = new Map<string, LicenseRequest>();
  readonly #rendered = new Map<string, number>();

  constructor(deps: CardFollowerDeps<Place, Ref>) {
    this.#deps = deps;
    this.#queue = new KeyedQueue((err, requestId) => deps.logger.warn({ err, requestId, surface: deps.platform.surface }, 'could not update the cards of a request'));
  }

  /** The platform the cards are on. */
  get platform(): ChatPlatform<Place, Ref> {
    return this.#deps.platform;
  }

  /** Follows `events`; returns the function that stops following. */
  follow(events: Pick<RequestEvents, 'subscribe'>): () => void {
    return events.subscribe((event) => this.onEvent(event));
  }

  /** Posts `card` at `place` and remembers it as `subject`'s `slot`; resolves with the posted message. */
  async post(subject: string, slot: string, place: Place, card: ChatCard): Promise<Ref> {
    const ref = await this.#deps.platform.post(place, card);
    await this.remember(subject, slot, ref);
    return ref;
  }

  /** Remembers `ref` (a message posted some other way, e.g. a card the platform replaced in place) as `subject`'s `slot`. */
  async remember(subject: string, slot: string, ref: Ref): Promise<void> {
    const { platform, refs, clock } = this.#deps;
    const stored = { ...(ref as Record<string, unknown>) };
    await refs.saveConversationRef({ surface: platform.surface, key: platform.refKey(subject, slot), ref: stored, updatedAt: new Date(clock.now()).toISOString() });
  }

  /** The messages posted as `subject`'s `slot` (unreadable references are logged and skipped). */
  async posted(subject: string, slot: string): Promise<Ref[]> {
    const { platform, refs, logger } = this.#deps;
    const key = platform.refKey(subject, slot);
    return (await refs.conversationRefs(key)).filter((r) => r.surface === platform.surface).flatMap((r) => {
      const parsed = platform.parseRef(r.ref);
      if (parsed) return [parsed];
      logger.warn({ key, surface: platform.surface }, 'ignoring a malformed conversation reference');
      return [];
    });
  }

  /** Replaces every message posted as `subject`'s `slot` with `card`; a failure is logged and the others go on. */
  async show(subject: string, slot: string, card: ChatCard): Promise<void> {
    for (const ref of await this.posted(subject, slot)) {
      try {
        await this.#deps.platform.update(ref, card);
      } catch (err) {
        // A deleted card or a revoked channel must not stop the other updates; it is logged for the operator.
        this.#deps.logger.warn({ err, subject, slot, surface: this.#deps.platform.surface }, 'could not update a posted card');
      }
    }
  }

  /**
   * Posts a new request's approval card where the platform posts them, and its status card at `requesterPlace` (a
   * status card that cannot be posted is logged, not fatal: the approval card is what approvers need).
   */
  async announce(request: LicenseRequest, requesterPlace: Place | null): Promise<void> {
    const { platform, logger } = this.#deps;
    const view = requestView(request);
    const subject = requestSubject(request.id);
    const approvals = platform.approvalsPlace();
    if (approvals) await this.post(subject, REQUEST_SLOTS.approval, approvals, { kind: 'request-approval', view });
    if (requesterPlace) {
      await this.post(subject, REQUEST_SLOTS.status, requesterPlace, { kind: 'request-status', view }).catch((err: unknown) =>
        logger.warn({ err, requestId: request.id, surface: platform.surface }, 'could not post the requester\'s status card'));
    }
    await this.announced(request);
  }

  /** A request's cards were posted showing `request`: a change that landed meanwhile is shown next. */
  async announced(request: LicenseRequest): Promise<void> {
    this.#noteRendered(request);
    const now = await this.#deps.current(request.id);
    if (now && now.version !== request.version) this.onEvent({ type: 'request-changed', change: 'refresh', request: now });
  }

  /** The listener for the request events. */
  onEvent(event: RequestEvent): void {
    if (event.type === 'execution-boundary') return;
    const request = event.request;
    const known = this.#latest.get(request.id);
    if (!known || known.version <= request.version) this.#latest.set(request.id, request);
    this.#enqueue(request.id, () => this.#render(request.id));
    // From another process (the CLI, another instance): refresh the cards only; the note and the approvers' card
    // belong to the process where it happened, or every instance would post them once.
    if (event.type !== 'request-changed' || event.remote === true) return;
    if (event.change !== 'created' && event.change !== 'refresh' && this.#deps.platform.reply) {
      this.#enqueue(request.id, () => this.#reply(request));
    }
    if (event.change === 'created' && request.requestedBy.surface !== this.#deps.platform.surface && this.#deps.platform.approvalsPlace()) {
      // Asked for elsewhere (another platform, the CLI): this platform's approvers still get a card.
      this.#enqueue(request.id, () => this.announce(request, null));
    }
  }

  /** Resolves when every queued update has been sent (tests, shutdown). */
  async idle(): Promise<void> {
    await this.#queue.idle();
  }

  async #render(requestId: string): Promise<void> {
    const request = this.#latest.get(requestId);
    if (!request || (this.#rendered.get(requestId) ?? 0) >= request.version) return;
    const view = requestView(request);
    const subject = requestSubject(requestId);
    await this.show(subject, REQUEST_SLOTS.approval, { kind: 'request-approval', view });
    await this.show(subject, REQUEST_SLOTS.status, { kind: 'request-status', view });
    this.#noteRendered(request);
  }

  async #reply(request: LicenseRequest): Promise<void> {
    const card: ChatCard = { kind: 'request-moved', view: requestView(request), requestedBy: request.requestedBy };
    for (const ref of await this.posted(requestSubject(request.id), REQUEST_SLOTS.status)) await this.#deps.platform.reply?.(ref, card);
  }

  #noteRendered(request: LicenseRequest): void {
    if (isTerminalStatus(request.status)) {
      this.#latest.delete(request.id);
      this.#rendered.delete(request.id);
      return;
    }
    this.#rendered.set(request.id, Math.max(this.#rendered.get(request.id) ?? 0, request.version));
  }

  #enqueue(requestId: string, task: () => Promise<void>): void {
    this.#queue.add(requestId, task);
  }
}
