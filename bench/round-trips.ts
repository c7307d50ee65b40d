// Counting sequential round trips from a server-side call log: the longest chain of calls in which each call starts
// after the previous one ended (calls that overlap ran concurrently, in the same round).

export interface TimedCall {
  readonly at: number;
  readonly durationMs: number;
}

/** The length of the longest chain of non-overlapping calls. */
export function sequentialRoundTrips(calls: readonly TimedCall[]): number {
  const sorted = [...calls].sort((a, b) => a.at - b.at);
  const depth: number[] = [];
  sorted.forEach((call, i) => {
    let best = 0;
    for (let j = 0; j < i; j++) {
      const prev = sorted[j];
      if (prev && prev.at + prev.durationMs <= call.at) best = Math.max(best, depth[j] ?? 0);
    }
    depth[i] = best + 1;
  });
  return Math.max(0, ...depth);
}
