// Okta enforcing per-endpoint-family buckets: License Doctor reads the rate-limit headers on every answer, paces
// itself when a bucket runs low, and an execution waits out a reset instead of failing. The sandbox's window is
// shortened (12 calls per 6 s instead of per minute) so the test runs in seconds; the pacing code is the same.
// Figures (calls, 429 answers, time) are printed, never asserted as timing.
import { startSandboxRuntime, type SandboxRuntime } from '../support/test-runtime.ts';
import { approve, ask } from '../support/request-flow.ts';

jest.setTimeout(300_000);
const ADELE = 'adele.vance@contoso.com';

let rt: SandboxRuntime;
afterEach(() => rt.close());

test('path 1 under 12 Okta calls per window: the plan succeeds with at most 2 answers of 429', async () => {
  rt = await startSandboxRuntime({ execution: { leaseMs: 60_000, verifyTimeoutMs: 60_000, verifyIntervalMs: 500 } });
  const request = await ask(rt.services, { query: ADELE, path: 'okta-owns-licenses' });
  await approve(rt.services, request);
  // The limit applies from the execution on: asking and approving are the helpdesk's own pace.
  const started = rt.requests.length;
  const startedAt = performance.now();
  // RATE_LIMIT_WINDOW_SECONDS=60 runs it under Okta's real per-minute window (about two minutes).
  rt.sandbox.tenant.behaviour.oktaRateLimit = { perWindow: 12, windowSeconds: Number(process.env.RATE_LIMIT_WINDOW_SECONDS ?? 6) };
  const done = await rt.services.execute(request.id);
  const seconds = (performance.now() - startedAt) / 1000;
  const calls = rt.requests.slice(started);
  const okta = calls.filter((c) => c.vendor === 'okta').length;
  const families = new Map<string, number>();
  for (const c of calls.filter((x) => x.vendor === 'okta')) families.set(c.path.split('/').slice(0, 4).join('/'), (families.get(c.path.split('/').slice(0, 4).join('/')) ?? 0) + 1);
  process.stdout.write(`Okta calls by family: ${JSON.stringify(Object.fromEntries(families))}\n`);
  const throttled = rt.sandbox.okta.rateLimited();
  process.stdout.write(`rate-limited path 1: ${okta} Okta calls, ${calls.length - okta} Graph calls, ${throttled} answers of 429, ${seconds.toFixed(1)} s\n`);
  expect(done).toMatchObject({ status: 'succeeded' });
  expect(throttled).toBeLessThanOrEqual(2);
});

test('a diagnosis waits when the wait is short', async () => {
  rt = await startSandboxRuntime({ behaviour: { oktaRateLimit: { perWindow: 2, windowSeconds: 2 } } });
  const outcome = await rt.services.diagnose(ADELE);
  expect(outcome).toMatchObject({ kind: 'diagnosis', diagnosis: { report: { verdict: 'group-inherited-license-conflict' } } });
  expect(rt.sandbox.okta.rateLimited()).toBe(0);
});

test('a diagnosis that would wait longer than its budget says when to retry, without spending more calls', async () => {
  rt = await startSandboxRuntime({ behaviour: { oktaRateLimit: { perWindow: 1, windowSeconds: 120 } } });
  await expect(rt.services.diagnose(ADELE)).rejects.toMatchObject({ code: 'throttled', message: expect.stringMatching(/try again in \d+ s/) });
  expect(rt.sandbox.okta.rateLimited()).toBe(0);
});
