// The crash tests' shared parts (crash-recovery.test.ts, crash-recovery-late.test.ts): a fresh tenant and SQLite store
// with Adele's path-1 request approved; the child process that runs it (test/support/crash-harness.ts, live mode
// against the tenant in this process) and SIGKILLs itself at a boundary; and the case every boundary runs: killed
// there, then restarted once the lease ran out, the plan finishes with no write repeated, journal and audit telling.
// The boundary cases are split over two files so that two jest workers share them.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plan } from '../../src/core/model/plan.ts';
import type { RunningSandbox } from '../../src/sandbox/start-sandbox.ts';
import { approve, ask } from '../support/request-flow.ts';
import { liveEnv, startLiveRuntime, startTestSandbox } from '../support/test-runtime.ts';
import { clearCalls, planWrites, sandboxWrites } from '../support/vendor-writes.ts';

const dir = mkdtempSync(join(tmpdir(), 'ld-crash-'));
/** afterAll of each crash test file: the SQLite stores its cases made. */
export const cleanUpCrashes = () => rmSync(dir, { recursive: true, force: true });

const HARNESS = join(__dirname, '..', 'support', 'crash-harness.ts');
/** The killed process's lease: the restart may take over once it has run out. */
export const LEASE_MS = 1_000;

/** Adele, KB path 1: four automatic steps, each journaled and reported around its vendor call, then verify. */
const WRITE_STEPS = ['s1', 's2', 's3', 's4'];
export const BOUNDARIES = [
  ...WRITE_STEPS.flatMap((s) => [`${s} running`, `${s} journaled-start`, `${s} vendor-done`, `${s} journaled-finish`, `${s} succeeded`]),
  's5 succeeded',
];

interface Scenario {
  readonly sandbox: RunningSandbox;
  readonly databaseUrl: string;
  readonly requestId: string;
  readonly plan: Plan;
}

let files = 0;

/** A fresh tenant and store with Adele's path-1 request approved, not yet run. */
export async function approvedRequest(): Promise<Scenario> {
  const sandbox = await startTestSandbox();
  files += 1;
  const databaseUrl = `sqlite:${join(dir, `store-${files}.sqlite`)}`;
  const rt = await startLiveRuntime(sandbox, { databaseUrl });
  try {
    const request = await ask(rt.services, { query: 'adele.vance@contoso.com', path: 'okta-owns-licenses' });
    const decided = await approve(rt.services, request);
    expect(decided.shouldExecute).toBe(true);
    clearCalls(sandbox);
    return { sandbox, databaseUrl, requestId: request.id, plan: request.plan };
  } finally {
    await rt.close();
  }
}

interface ChildRun {
  readonly signal: string | null;
  readonly code: number | null;
  readonly labels: string[];
  readonly last: Record<string, unknown> | null;
}

/** Runs the harness in a child process against the scenario's tenant and store. */
export function child(s: Scenario, args: readonly string[], leaseMs = LEASE_MS): Promise<ChildRun> {
  const env = {
    PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...liveEnv(s.sandbox), DATABASE_URL: s.databaseUrl, LEASE_MS: String(leaseMs),
    // Caches the compiled modules across the many short-lived children.
    NODE_COMPILE_CACHE: join(tmpdir(), 'license-doctor-test-compile-cache'),
  };
  return new Promise((resolve) => {
    execFile(process.execPath, [HARNESS, ...args], { env, timeout: 45_000 }, (err, stdout) => {
      const lines = stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
      const failure = err as (Error & { code?: number | string; signal?: string }) | null;
      resolve({
        signal: failure?.signal ?? null,
        code: failure ? (typeof failure.code === 'number' ? failure.code : null) : 0,
        labels: lines.flatMap((l) => (typeof l['label'] === 'string' ? [l['label']] : [])),
        last: lines.filter((l) => !('label' in l)).at(-1) ?? null,
      });
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Killed at boundary `n` (`label`), then restarted: finishes, no write repeated, journal and audit tell. */
export async function killedAndRestarted(n: number, label: string): Promise<void> {
  const s = await approvedRequest();
  try {
    const killed = await child(s, ['execute', s.requestId, String(n)]);
    expect(killed).toMatchObject({ signal: 'SIGKILL' });
    expect(killed.labels).toEqual(BOUNDARIES.slice(0, n));

    // A restarted instance takes the plan over once the dead process's lease has run out.
    await sleep(LEASE_MS + 50);
    const rt = await startLiveRuntime(s.sandbox, { databaseUrl: s.databaseUrl, execution: { leaseMs: LEASE_MS } });
    try {
      expect((await rt.services.maintenance()).executed).toEqual([s.requestId]);
      await s.sandbox.okta.idle();
      const after = await rt.services.get(s.requestId);
      expect(after?.status).toBe('succeeded');
      expect(after?.outcome?.message).toMatch(/^Verified: Okta pushed Adele Vance's profile successfully/);

      // Every write of the plan reached the tenant exactly once, in order.
      expect(sandboxWrites(s.sandbox)).toEqual(planWrites(s.plan));

      const [step = '', boundary = ''] = label.split(' ');
      const journal = (await rt.store.journal(s.requestId)).filter((j) => j.stepId === step);
      if (boundary === 'running' || boundary === 'journaled-start') {
        // Killed before the vendor call: the attempt is marked and the step retried.
        expect(journal.map((j) => [j.attempt, j.status, j.detail])).toEqual([[1, 'failed', 'interrupted; retried'], [2, 'succeeded', expect.any(String)]]);
      } else if (boundary === 'vendor-done') {
        // Killed after the call, before its result was journaled: found done, not repeated.
        expect(journal.map((j) => [j.attempt, j.status, j.detail])).toEqual([[1, 'succeeded', 'found done after an interruption']]);
      } else if (step !== 's5') {
        expect(journal.map((j) => [j.attempt, j.status])).toEqual([[1, 'succeeded']]);
        if (boundary === 'journaled-finish') expect(after?.steps.find((p) => p.stepId === step)).toMatchObject({ status: 'skipped', detail: 'already done' });
      }
      const actions = (await rt.store.audit({ requestId: s.requestId })).map((e) => e.action);
      expect(actions.filter((a) => a.startsWith('execution.'))).toEqual(['execution.started', 'execution.recovered', 'execution.finished']);
      expect(await rt.store.verifyAudit()).toMatchObject({ kind: 'intact' });
    } finally {
      await rt.close();
    }
  } finally {
    await s.sandbox.close();
  }
}
