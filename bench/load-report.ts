// What bench:slack and bench:teams print, measured the same way: posted latency against the floor (two sequential
// vendor round trips), diagnoses per second, acknowledgement p99 against a no-op route in the same run, and the bot
// process's event-loop lag while the burst ran.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { availableParallelism, loadavg } from 'node:os';

export const CONCURRENCY = 200;
export const LATENCY_MS = 200;
/** A diagnosis needs two sequential rounds of vendor calls (see bench:diagnose). */
export const FLOOR_MS = 2 * LATENCY_MS;
export const GOALS = { postedP99: 3 * FLOOR_MS, perSecond: 150, ackOverNoopMs: 50, lagMs: 100 } as const;

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

const ms = (v: number) => `${v.toFixed(0)} ms`;
const spread = (values: readonly number[]) => `p50 ${ms(percentile(values, 50))}  p99 ${ms(percentile(values, 99))}  max ${ms(Math.max(...values))}`;

/** With BENCH_PROFILE=<file>, a CPU profile of this process between start() and stop() (where the burst's time goes). */
export async function burstProfiler(): Promise<{ start(): Promise<void>; stop(): Promise<void> }> {
  const file = process.env.BENCH_PROFILE;
  if (!file) return { start: async () => undefined, stop: async () => undefined };
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  return {
    start: async () => {
      await session.post('Profiler.start');
    },
    stop: async () => {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
    },
  };
}

/**
 * Event-loop delay of this process, sampled every 10 ms while `start()`…`stop()`. With BENCH_LAG_TRACE=1 it also
 * prints when the longest stalls happened (ms after start), to tell the acknowledgement phase from the posting one.
 */
export function lagMonitor(): { start(): void; stop(): number } {
  let h: ReturnType<typeof monitorEventLoopDelay> | null = null;
  const stalls: Array<{ at: number; ms: number }> = [];
  let timer: NodeJS.Timeout | null = null;
  return {
    start: () => {
      h = monitorEventLoopDelay({ resolution: 10 });
      h.enable();
      if (!process.env.BENCH_LAG_TRACE) return;
      const t0 = performance.now();
      let last = t0;
      timer = setInterval(() => {
        const now = performance.now();
        if (now - last > 30) stalls.push({ at: Math.round(last - t0), ms: Math.round(now - last) });
        last = now;
      }, 5);
    },
    stop: () => {
      h?.disable();
      if (timer) clearInterval(timer);
      if (stalls.length > 0) console.log(`  stalls (start ms: gap ms) ${stalls.map((s) => `${s.at}:${s.ms}`).join(' ')}`);
      return (h?.max ?? 0) / 1e6;
    },
  };
}

/** Runs `burst` with the event-loop lag, the work queue's peak and (BENCH_PROFILE) a CPU profile measured around it. */
export async function measuredBurst<R>(queued: () => number, burst: () => Promise<R>): Promise<{ result: R; lagMaxMs: number; queuePeak: number }> {
  let queuePeak = 0;
  const sampler = setInterval(() => (queuePeak = Math.max(queuePeak, queued())), 10);
  const lag = lagMonitor();
  const profiler = await burstProfiler();
  await profiler.start();
  lag.start();
  try {
    const result = await burst();
    const lagMaxMs = lag.stop();
    return { result, lagMaxMs, queuePeak };
  } finally {
    await profiler.stop();
    clearInterval(sampler);
  }
}

export interface BurstFigures {
  readonly surface: string;
  readonly acks: readonly number[];
  readonly noopAcks: readonly number[];
  /** Milliseconds from the first request sent to each diagnosis posted. */
  readonly posted: readonly number[];
  readonly failed: number;
  readonly lagMaxMs: number;
  readonly vendorRequests: number;
  readonly queuePeak: number;
}

/** Prints the figures with their goals; true when every goal is met. */
export function report(f: BurstFigures): boolean {
  const postedP99 = percentile(f.posted, 99);
  const perSecond = f.posted.length / (Math.max(...f.posted) / 1_000);
  const ackGap = percentile(f.acks, 99) - percentile(f.noopAcks, 99);
  const checks = [
    [`posted p99 ≤ ${ms(GOALS.postedP99)} (3 × floor)`, postedP99 <= GOALS.postedP99],
    [`≥ ${GOALS.perSecond} diagnoses/s`, perSecond >= GOALS.perSecond],
    [`ack p99 within ${GOALS.ackOverNoopMs} ms of the no-op route`, ackGap <= GOALS.ackOverNoopMs],
    [`event-loop lag < ${GOALS.lagMs} ms`, f.lagMaxMs < GOALS.lagMs],
    ['every request answered 200', f.failed === 0],
  ] as const;
  console.log(`${f.surface}: ${CONCURRENCY} concurrent requests, ${LATENCY_MS} ms injected into every Graph and Okta call; ${availableParallelism()} CPUs, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}.`);
  console.log(`  posted         ${spread(f.posted)}   (floor ${ms(FLOOR_MS)}: 2 sequential vendor round trips; p99 = ${(postedP99 / FLOOR_MS).toFixed(2)} × floor)`);
  console.log(`  throughput     ${perSecond.toFixed(0)} diagnoses/s (${f.posted.length} posted in ${ms(Math.max(...f.posted))})`);
  console.log(`  ack            ${spread(f.acks)}   no-op route in the same run: ${spread(f.noopAcks)}   (p99 gap ${ms(ackGap)})`);
  console.log(`  event loop     lag max ${ms(f.lagMaxMs)}; work queue peak ${f.queuePeak} waiting; ${f.vendorRequests} vendor requests (identical in-flight diagnoses share a round)`);
  for (const [goal, met] of checks) console.log(`  ${met ? 'met ' : 'MISSED'}  ${goal}`);
  return checks.every(([, met]) => met);
}
