// Identical diagnoses asked at once (an incident: five agents paste the same user's error within seconds) share one
// vendor round: the first starts it, the others wait for its answer. An answer stays shareable for `windowMs` after it
// arrives — a diagnosis seconds old is as live as the people asking can tell — and never longer.
import type { Clock } from '../../core/ports/clock.ts';
import { takeTurn } from './turns.ts';

const MAX_KEYS = 10_000;

/** Shares in-flight (and just-finished) work by key. */
export class Coalescer<T> {
  private readonly entries = new Map<string, { readonly promise: Promise<T>; settledAt: number | null }>();
  private readonly clock: Clock;
  private readonly windowMs: number;

  constructor(clock: Clock, windowMs: number) {
    this.clock = clock;
    this.windowMs = windowMs;
  }

  /**
   * The shared result for `key`, starting `work` when there is none (failures are never shared after they settle).
   * Each caller continues in its own turn (turns.ts): a round shared by 20 callers does not resume all 20 at once.
   */
  run(key: string, work: () => Promise<T>): Promise<T> {
    return this.shared(key, work).then(
      async (value) => {
        await takeTurn('work');
        return value;
      },
      async (err: unknown) => {
        await takeTurn('work');
        throw err;
      },
    );
  }

  private shared(key: string, work: () => Promise<T>): Promise<T> {
    const now = this.clock.now();
    const hit = this.entries.get(key);
    if (hit && (hit.settledAt === null || now - hit.settledAt < this.windowMs)) return hit.promise;
    if (this.entries.size >= MAX_KEYS) this.prune(now);
    const entry: { promise: Promise<T>; settledAt: number | null } = { promise: work(), settledAt: null };
    this.entries.set(key, entry);
    entry.promise.then(
      () => {
        entry.settledAt = this.clock.now();
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry.promise;
  }

  private prune(now: number): void {
    for (const [key, e] of this.entries) if (e.settledAt !== null && now - e.settledAt >= this.windowMs) this.entries.delete(key);
    if (this.entries.size >= MAX_KEYS) this.entries.clear();
  }
}
