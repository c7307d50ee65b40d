// /readyz shows what the deployment may do (the same lines as `license-doctor check`), read live at most every few
// minutes: readiness probes come every few seconds, and each check costs a handful of Okta calls. It never makes the
// instance unready: a missing write permission still leaves diagnoses working.
import type { Services } from '../app/services.ts';

const TTL_MS = 5 * 60_000;

/** A function giving `{ <capability>: 'ok' | 'missing …' | 'not checked' }`, cached for five minutes. */
export function permissionsReadiness(services: Services, now: () => number = Date.now): () => Promise<Record<string, string>> {
  let cached: { at: number; value: Promise<Record<string, string>> } | null = null;
  const read = async (): Promise<Record<string, string>> => {
    // No probing write on a readiness check: the write scope is reported by `license-doctor check`.
    const { lines } = await services.checkPermissions({ probeWrites: false });
    return Object.fromEntries(lines.map((l) => [l.id, l.ok === true ? 'ok' : l.ok === false ? `missing ${l.missing.map((m) => m.permission).join(', ')}` : 'not checked']));
  };
  return () => {
    if (cached === null || now() - cached.at > TTL_MS) {
      const value = read();
      cached = { at: now(), value };
      // A failed read is shown once and retried at the next probe.
      value.catch(() => {
        if (cached?.value === value) cached = null;
      });
    }
    return cached.value;
  };
}
