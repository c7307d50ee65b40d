// A process killed with SIGKILL at every step boundary of a plan, then a restart: the plan finishes, every vendor
// write reached the tenant exactly once, the journal shows the interruption, and the audit chain is intact.
// The sandbox tenant runs here, in the test process (its call log is the evidence); the executing process is a child
// running test/support/crash-harness.ts in live mode against it, with the store in a SQLite file.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plan } from '../../src/core/model/plan.ts';
import type { RunningSandbox } from '../../src/sandbox/start-sandbox.ts';
import { approve, ask } from '../support/request-flow.ts';
import { graph, settled } from '../support/sandbox-admin.ts';
import { liveEnv, startLiveRuntime, startTestSandbox } from '../support/test-runtime.ts';
import { clearCalls, planWrites, sandboxWrites } from '../support/vendor-writes.ts';

const dir = mkdtempSync(join(tmpdir(), 'ld-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HARNESS = join(__dirname, '..', 'support', 'crash-harness.ts');
/** The killed process's lease: the restart may take over once it has run out. */
const LEASE_MS = 1_000;

/** Adele, KB path 1: four automatic steps, each journaled and reported around its vendor call, then verify. */
const WRITE_STEPS = ['s1', 's2', 's3', 's4'];
const BOUNDARIES = [
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
async function approvedRequest(): Promise<Scenario> {
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
function child(s: Scenario, args: readonly string[], leaseMs = LEASE_MS): Promise<ChildRun> {
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('the child runs the plan to the end and reports every boundary, in order', async () => {
  const s = await approvedRequest();
  try {
    expect(s.plan.steps.map((st) => st.action.kind)).toEqual(['okta-set-user-licenses', 'graph-assign-direct-license', 'graph-remove-group-member', 'okta-repush', 'verify']);
    const run = await child(s, ['execute', s.requestId, '0']);
    expect(run).toMatchObject({ code: 0, signal: null, last: { status: 'succeeded' } });
    expect(run.labels).toEqual(BOUNDARIES);
    await s.sandbox.okta.idle();
    expect(sandboxWrites(s.sandbox)).toEqual(planWrites(s.plan));
  } finally {
    await s.sandbox.close();
  }
}, 60_000);

test.concurrent.each(BOUNDARIES.map((label, i) => [i + 1, label] as const))(
  'killed at boundary %i (%s), then restarted: finishes, no write repeated, journal and audit tell',
  async (n, label) => {
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
  },
  90_000,
);

test('the lease keeps a restart away while the killed process could still be running; a restarted process then finishes', async () => {
  const s = await approvedRequest();
  try {
    const long = 4_000;
    const killed = await child(s, ['execute', s.requestId, String(BOUNDARIES.indexOf('s2 vendor-done') + 1)], long);
    expect(killed.signal).toBe('SIGKILL');
    const early = await startLiveRuntime(s.sandbox, { databaseUrl: s.databaseUrl });
    try {
      expect(await early.services.maintenance()).toEqual({ expired: [], executed: [], failed: [] });
      expect(await early.services.execute(s.requestId)).toBeNull();
      expect((await early.services.get(s.requestId))?.status).toBe('executing');
    } finally {
      await early.close();
    }
    // Another process, started now, keeps trying until the lease has run out, then finishes the plan.
    const restarted = await child(s, ['maintain', s.requestId], long);
    expect(restarted).toMatchObject({ code: 0, last: { status: 'succeeded' } });
    expect(restarted.labels).toEqual(['s2 skipped', ...BOUNDARIES.slice(BOUNDARIES.indexOf('s3 running'))]);
    await s.sandbox.okta.idle();
    expect(sandboxWrites(s.sandbox)).toEqual(planWrites(s.plan));
  } finally {
    await s.sandbox.close();
  }
}, 90_000);

test('killed after starting, before the first step: the restart still checks the premises, and refuses a changed situation', async () => {
  const s = await approvedRequest();
  try {
    const killed = await child(s, ['execute', s.requestId, 'started']);
    expect(killed).toMatchObject({ signal: 'SIGKILL', labels: [] });
    // Meanwhile someone takes Adele out of the licensing group.
    const rt = await startLiveRuntime(s.sandbox, { databaseUrl: s.databaseUrl, execution: { leaseMs: LEASE_MS } });
    try {
      expect((await rt.services.get(s.requestId))?.status).toBe('executing');
      const adele = s.plan.steps[2]?.action;
      if (adele?.kind !== 'graph-remove-group-member') throw new Error('step 3 should take Adele out of the group');
      await graph(s.sandbox, 'DELETE', `/groups/${adele.groupId}/members/${adele.userId}/$ref`);
      clearCalls(s.sandbox);
      await settled(s.sandbox);
      await sleep(LEASE_MS + 50);
      expect((await rt.services.maintenance()).executed).toEqual([s.requestId]);
      const after = await rt.services.get(s.requestId);
      expect(after?.status).toBe('failed');
      expect(after?.outcome?.message).toMatch(/^Nothing was changed: the situation is not what the plan was made for any more \(.*Adele Vance no longer has Microsoft 365 E3/);
      expect(sandboxWrites(s.sandbox)).toEqual([]);
      expect(await rt.store.journal(s.requestId)).toEqual([]);
    } finally {
      await rt.close();
    }
  } finally {
    await s.sandbox.close();
  }
}, 90_000);
