// A per-person limit on diagnoses: one agent (or a script with their identity) cannot fill the queue everyone shares.
// A sliding minute: the times of the last `perMinute` diagnoses per person, so the answer can say when the next fits.
import { LicenseDoctorError } from '../../core/errors.ts';
import type { Clock } from '../../core/ports/clock.ts';

const WINDOW_MS = 60_000;
const MAX_PEOPLE = 50_000;

export class RateLimit {
  private readonly recent = new Map<string, number[]>();
  private readonly clock: Clock;
  private readonly perMinute: number;

  constructor(clock: Clock, perMinute: number) {
    this.clock = clock;
    this.perMinute = Math.max(1, perMinute);
  }

  /** Counts one diagnosis for `who`, or throws `throttled` with a friendly answer when their minute is full. */
  take(who: string): void {
    const now = this.clock.now();
    const key = who.trim().toLowerCase();
    const times = (this.recent.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    if (times.length >= this.perMinute) {
      this.recent.set(key, times);
      const seconds = Math.max(1, Math.ceil((WINDOW_MS - (now - (times[0] ?? now))) / 1_000));
      throw new LicenseDoctorError('throttled', `That is ${this.perMinute} diagnoses in the last minute, as many as License Doctor runs for one person: try again in ${seconds} s.`, { retryAfterSeconds: seconds });
    }
    times.push(now);
    if (!this.recent.has(key) && this.recent.size >= MAX_PEOPLE) this.recent.clear();
    this.recent.set(key, times);
  }
}
