// Keeps one chat card current while a scan runs: the card is posted once, then updated in place with the latest
// progress at most once per interval (chat APIs rate-limit updates: Slack's chat.update about one a second per
// channel), never two updates at once, and the final state always last.
import type { AppLogger } from '../../app/app-logger.ts';
import type { ScanCardView } from '../../core/views/scan-view.ts';

/** Where a surface shows a scan card: post it once, then replace it. */
export interface ScanCardChannel<H> {
  post(view: ScanCardView): Promise<H>;
  update(handle: H, view: ScanCardView): Promise<void>;
}

export class ScanCardFollower<H> {
  readonly #channel: ScanCardChannel<H>;
  readonly #handle: H;
  readonly #intervalMs: number;
  readonly #logger: AppLogger;
  #latest: ScanCardView | null = null;
  #timer: NodeJS.Timeout | null = null;
  #inFlight: Promise<void> = Promise.resolve();
  #lastAt = 0;
  #finished = false;

  private constructor(channel: ScanCardChannel<H>, handle: H, intervalMs: number, logger: AppLogger) {
    this.#channel = channel;
    this.#handle = handle;
    this.#intervalMs = intervalMs;
    this.#logger = logger;
    this.#lastAt = Date.now();
  }

  /** Posts `first` and returns the follower of that card (a failed post throws: there is no card to follow). */
  static async start<H>(channel: ScanCardChannel<H>, first: ScanCardView, options: { readonly intervalMs: number; readonly logger: AppLogger }): Promise<ScanCardFollower<H>> {
    return new ScanCardFollower(channel, await channel.post(first), options.intervalMs, options.logger);
  }

  /** Shows `view` soon (the latest one wins within an interval). */
  show(view: ScanCardView): void {
    if (this.#finished) return;
    this.#latest = view;
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#flush();
    }, Math.max(0, this.#lastAt + this.#intervalMs - Date.now()));
    this.#timer.unref();
  }

  /** Shows `view` as the card's last state, after any update in flight; resolves once it is shown (or failed, logged). */
  async finish(view: ScanCardView): Promise<void> {
    this.#finished = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#latest = view;
    this.#flush();
    await this.#inFlight;
  }

  #flush(): void {
    const view = this.#latest;
    if (!view) return;
    this.#latest = null;
    this.#inFlight = this.#inFlight.then(async () => {
      this.#lastAt = Date.now();
      await this.#channel.update(this.#handle, view).catch((err: unknown) => this.#logger.warn({ err, card: view.kind }, 'could not update the scan card'));
    });
  }
}
