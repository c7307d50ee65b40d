// Fault injection for the sandbox servers: latency, throttling, server errors and malformed bodies, a connection
// dropped after the request was carried out (`drop-after`: the write lands, the answer is lost) and a server that
// never answers (`hang`), matched by method and path, for a number of times or until cleared.

export type FaultKind = 'latency' | 'throttle' | 'server-error' | 'malformed' | 'unavailable' | 'drop-after' | 'hang';

export interface FaultRule {
  readonly kind: FaultKind;
  /** HTTP method to match (any when absent). */
  readonly method?: string;
  /** Regular expression source matched against the request path (any when absent). */
  readonly path?: string;
  /** Milliseconds to wait (latency) before answering. */
  readonly latencyMs?: number;
  /** Seconds to announce in Retry-After / X-Rate-Limit-Reset (throttle; default 1). */
  readonly retryAfterSeconds?: number;
  /** How many matching requests it applies to (default: until cleared). */
  times?: number;
}

/** A fault the server must apply to the current request. */
export type AppliedFault = { readonly kind: FaultKind; readonly latencyMs: number; readonly retryAfterSeconds: number };

export class FaultInjector {
  private rules: FaultRule[] = [];
  /** Latency added to every request (e.g. 50 ms for the diagnosis benchmark). */
  baseLatencyMs = 0;

  add(rule: FaultRule): void {
    this.rules.push({ ...rule });
  }

  clear(): void {
    this.rules = [];
    this.baseLatencyMs = 0;
  }

  /** The faults for this request (latency first, then at most one failure), consuming their counts. */
  take(method: string, path: string): { latencyMs: number; failure: AppliedFault | null } {
    let latencyMs = this.baseLatencyMs;
    let failure: AppliedFault | null = null;
    for (const rule of this.rules) {
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (rule.path && !new RegExp(rule.path).test(path)) continue;
      if (rule.times !== undefined && rule.times <= 0) continue;
      if (rule.kind === 'latency') latencyMs += rule.latencyMs ?? 0;
      else if (failure) continue;
      else failure = { kind: rule.kind, latencyMs: rule.latencyMs ?? 0, retryAfterSeconds: rule.retryAfterSeconds ?? 1 };
      if (rule.times !== undefined) rule.times -= 1;
    }
    this.rules = this.rules.filter((r) => r.times === undefined || r.times > 0);
    return { latencyMs, failure };
  }
}
