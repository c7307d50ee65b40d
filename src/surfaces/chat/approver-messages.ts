// Approvers hear about requests that need them from the bot, on every chat platform the same way: when a request is
// created on this instance, within a minute when it was created elsewhere (the due notices), and once more before it
// expires; every notice is claimed in the store first, so it goes out once across instances. A platform says only how
// it reaches one approver with the notice (`reach`).
import type { AppLogger } from '../../app/app-logger.ts';
import { REMINDER_INTERVAL_MS } from '../../app/approver-notices.ts';
import type { RequestEvent, RequestEvents } from '../../app/request-events.ts';
import type { ChatServices } from '../../app/services.ts';
import type { EntraUser } from '../../core/model/entra.ts';
import type { LicenseRequest } from '../../core/model/request.ts';
import type { Clock } from '../../core/ports/clock.ts';
import { approverNoticeView, type ApproverNoticeView } from '../../core/views/approver-notice-view.ts';

/** What the messages need: the notices' services, the clock (reminders say how long is left), the log. */
export interface ApproverMessagesDeps {
  readonly services: Pick<ChatServices, 'claimAnnouncement' | 'dueNotices' | 'approversToNotify'>;
  readonly clock: Clock;
  readonly logger: AppLogger;
}

export abstract class ApproverMessages {
  readonly #sending = new Set<Promise<unknown>>();
  readonly #channel: 'slack' | 'teams';
  readonly #services: ApproverMessagesDeps['services'];
  readonly #clock: Clock;
  readonly #logger: AppLogger;

  protected constructor(channel: 'slack' | 'teams', deps: ApproverMessagesDeps) {
    this.#channel = channel;
    this.#services = deps.services;
    this.#clock = deps.clock;
    this.#logger = deps.logger;
  }

  /** Sends `notice` to the approver `person` (nothing when the platform cannot reach them). */
  protected abstract reach(person: EntraUser, notice: ApproverNoticeView): Promise<void>;

  /** Messages `request`'s approvers (`new`: it needs them; `reminder`: it expires soon). */
  async #notify(request: LicenseRequest, kind: 'new' | 'reminder'): Promise<void> {
    const notice = approverNoticeView(request, kind, new Date(this.#clock.now()).toISOString());
    for (const person of await this.#services.approversToNotify(request)) await this.reach(person, notice);
    this.#logger.info({ requestId: request.id, kind, channel: this.#channel }, 'approvers messaged');
  }

  /** The listener for the request events: a new request is announced to its approvers. */
  onEvent(event: RequestEvent): void {
    if (event.type !== 'request-changed' || event.change !== 'created' || event.request.status !== 'pending') return;
    const request = event.request;
    const sent = this.#services.claimAnnouncement(this.#channel, request.id)
      .then((first) => (first ? this.#notify(request, 'new') : undefined))
      .catch((err: unknown) => this.#logger.error({ err }, 'could not message the approvers'));
    this.#sending.add(sent);
    void sent.finally(() => this.#sending.delete(sent));
  }

  /** Sends the notices that are due: requests no instance announced yet, and reminders (each claimed once in the store). */
  async remind(): Promise<void> {
    for (const notice of await this.#services.dueNotices(this.#channel)) await this.#notify(notice.request, notice.kind);
  }

  /** Follows `events` and, every minute, sends the due reminders; returns the function that stops both. */
  follow(events: Pick<RequestEvents, 'subscribe'>): () => void {
    const unsubscribe = events.subscribe((event) => this.onEvent(event));
    const timer = setInterval(() => {
      this.remind().catch((err: unknown) => this.#logger.error({ err, channel: this.#channel }, 'could not send approval reminders'));
    }, REMINDER_INTERVAL_MS);
    timer.unref();
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }

  /** Resolves when every notice started has been sent (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#sending.size > 0) await Promise.allSettled([...this.#sending]);
  }
}
