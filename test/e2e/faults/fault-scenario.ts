// The fault suite's shared parts: a fresh tenant and store (SQLite file or PostgreSQL schema) with Adele's path-1
// request approved; the child process that runs it (fault-harness.ts) and dies or pauses at a boundary; the tenant
// changes an administrator makes meanwhile; and the checks every case ends with (the invariant).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Plan } from '../../../src/core/model/plan.ts';
import type { Runtime } from '../../../src/main.ts';
import { SKU } from '../../../src/sandbox/seed-catalog.ts';
import type { RunningSandbox } from '../../../src/sandbox/start-sandbox.ts';
import { approve, ask } from '../../support/request-flow.ts';
import { graph, licensePaths, okta, settled } from '../../support/sandbox-admin.ts';
import { liveEnv, startLiveRuntime, startTestSandbox } from '../../support/test-runtime.ts';
import { clearCalls, isWrite, planWrites, type Write } from '../../support/vendor-writes.ts';

const DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const HARNESS = join(__dirname, 'fault-harness.ts');
const COMPILE_CACHE = join(tmpdir(), 'license-doctor-test-compile-cache');

/**
 * How much slower than a quiet machine this one is now: the time a child node takes to load the runtime (what each
 * case's child does first), against the 0.25 s it takes on a quiet 2-core CI machine, between 1 and 4. The children's
 * deadlines (lease, vendor call, effect) scale with it, so jest workers and other load on the machine do not make a
 * child miss a deadline before the boundary a case is about; they stay short on a quiet machine.
 */
function measuredSlowdown(): number {
  const started = performance.now();
  spawnSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(join(__dirname, '../../../src/main.ts'))})`], {
    env: { PATH: process.env['PATH'] ?? '', NODE_COMPILE_CACHE: COMPILE_CACHE }, stdio: 'ignore',
  });
  return Math.min(4, Math.max(1, (performance.now() - started) / 250));
}
const SLOWDOWN = measuredSlowdown();
/** Short enough that a takeover comes quickly, long enough for a step's calls on this machine now (see above). */
export const LEASE_MS = Math.round(3_000 * SLOWDOWN);
/** A child's vendor call deadline: under the lease, so a slow answer fails the call before the lease lapses. */
const CALL_TIMEOUT_MS = Math.round(2_000 * SLOWDOWN);
const EFFECT_TIMEOUT_MS = Math.round(1_000 * SLOWDOWN);
/** Per case: the 60 s these cases take at most on a quiet machine, scaled the same way. */
export const CASE_TIMEOUT_MS = Math.round(60_000 * SLOWDOWN);
const dir = mkdtempSync(join(tmpdir(), 'ld-faults-'));

export interface Engine {
  readonly name: 'SQLite' | 'PostgreSQL';
  /** A fresh store location for one case. */
  store(): { readonly databaseUrl: string; readonly databaseSchema: string | null };
}

let files = 0;
export const SQLITE: Engine = { name: 'SQLite', store: () => ({ databaseUrl: `sqlite:${join(dir, `store-${++files}.sqlite`)}`, databaseSchema: null }) };
/** Schemas made here, dropped by the suite's afterAll. */
const schemas: string[] = [];
export const POSTGRES: Engine = {
  name: 'PostgreSQL',
  store: () => {
    const schema = `ld_faults_${process.pid}_${randomBytes(4).toString('hex')}`;
    schemas.push(schema);
    return { databaseUrl: DATABASE_URL, databaseSchema: schema };
  },
};
const faultsDir = dir;

export interface Scenario {
  readonly sandbox: RunningSandbox;
  readonly databaseUrl: string;
  readonly databaseSchema: string | null;
  readonly requestId: string;
  readonly plan: Plan;
  readonly userId: string;
  /** Every vendor write License Doctor sent, from every process, in order. */
  readonly writes: Write[];
}

/** A fresh tenant and store with Adele's path-1 request approved, not yet run. */
export async function approvedAdele(engine: Engine): Promise<Scenario> {
  const sandbox = await startTestSandbox();
  const { databaseUrl, databaseSchema } = engine.store();
  const rt = await startLiveRuntime(sandbox, { databaseUrl, ...(databaseSchema ? { databaseSchema } : {}) });
  try {
    const request = await ask(rt.services, { query: 'adele.vance@contoso.com', path: 'okta-owns-licenses' });
    await approve(rt.services, request);
    clearCalls(sandbox);
    return { sandbox, databaseUrl, databaseSchema, requestId: request.id, plan: request.plan, userId: request.target.entraObjectId, writes: [] };
  } finally {
    await rt.close();
  }
}

export interface Child {
  /** Resolves when the child printed its `n`-th boundary line (it kills or stops itself right after). */
  reached(n: number): Promise<void>;
  /** Resolves when the child exits: its signal, and the status it printed last (if it got that far). */
  readonly exit: Promise<{ readonly signal: string | null; readonly status: string | null }>;
  readonly pid: number;
}

/** Starts the harness on the scenario (`harness` runs the request, or the batch, named `s.requestId`); its writes are
 *  appended to `s.writes`. */
export function startChild(
  s: Pick<Scenario, 'sandbox' | 'databaseUrl' | 'databaseSchema' | 'requestId' | 'writes'>, action: 'kill' | 'stop' | 'term', at: number,
  env: Readonly<Record<string, string>> = {}, harness = HARNESS,
): Child {
  const child = spawn(process.execPath, [harness, s.requestId, action, String(at)], {
    env: {
      PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...liveEnv(s.sandbox), DATABASE_URL: s.databaseUrl,
      LEASE_MS: String(LEASE_MS), CALL_TIMEOUT_MS: String(CALL_TIMEOUT_MS), EFFECT_TIMEOUT_MS: String(EFFECT_TIMEOUT_MS),
      ...(s.databaseSchema ? { DATABASE_SCHEMA: s.databaseSchema } : {}),
      NODE_COMPILE_CACHE: COMPILE_CACHE,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let seen = 0;
  let status: string | null = null;
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      const value = JSON.parse(line) as { n?: number; write?: string; status?: string | null };
      if (typeof value.write === 'string') s.writes.push(value.write);
      if (typeof value.n === 'number') seen = value.n;
      if ('status' in value) status = value.status ?? null;
    }
    for (const w of waiters.filter((x) => x.n <= seen)) w.resolve();
  });
  const exit = new Promise<{ signal: string | null; status: string | null }>((resolve) => child.on('close', (_code, signal) => resolve({ signal, status })));
  return {
    pid: child.pid ?? -1,
    exit,
    reached: (n) => new Promise<void>((resolve, reject) => {
      if (seen >= n) return resolve();
      waiters.push({ n, resolve });
      void exit.then(() => (seen >= n ? resolve() : reject(new Error(`the child exited before boundary ${n}`))));
    }),
  };
}

/** A second instance in this process (live mode, its own store connection) whose writes go to `s.writes`. */
export function resumer(s: Pick<Scenario, 'sandbox' | 'databaseUrl' | 'databaseSchema' | 'writes'>): Promise<Runtime> {
  return startLiveRuntime(s.sandbox, {
    databaseUrl: s.databaseUrl, ...(s.databaseSchema ? { databaseSchema: s.databaseSchema } : {}),
    execution: { leaseMs: LEASE_MS, effectTimeoutMs: EFFECT_TIMEOUT_MS, effectIntervalMs: 10, callTimeoutMs: CALL_TIMEOUT_MS },
    onVendorRequest: ({ method, url }) => {
      const path = new URL(url).pathname;
      if (isWrite(method, path)) s.writes.push(`${method.toUpperCase()} ${decodeURIComponent(path).toLowerCase()}`);
    },
  });
}

export type TenantChange = 'none' | 'okta-licenses-emptied' | 'license-added-directly';

/** What an administrator does while the execution is down or paused (through the vendors' APIs), then settles. */
export async function changeTenant(s: Scenario, change: TenantChange): Promise<void> {
  const first = s.plan.steps[0]?.action;
  if (first?.kind !== 'okta-set-user-licenses') throw new Error('step 1 should set Okta licenses');
  const appUserPath = `/api/v1/apps/${first.appId}/users/${first.oktaUserId}`;
  switch (change) {
    case 'none':
      break;
    case 'okta-licenses-emptied': {
      const current = (await okta(s.sandbox, 'GET', appUserPath)) as { profile: Record<string, unknown> };
      await okta(s.sandbox, 'POST', appUserPath, { profile: { ...current.profile, [first.attribute]: [] } });
      break;
    }
    case 'license-added-directly':
      await graph(s.sandbox, 'POST', `/users/${s.userId}/assignLicense`, { addLicenses: [{ skuId: SKU.VISIOCLIENT, disabledPlans: [] }], removeLicenses: [] });
      break;
  }
  await settled(s.sandbox);
}

const GRANTING = new Set(['Active', 'ActiveWithError']);

/** The SKUs the user holds now (any path). */
export async function heldSkus(s: Scenario): Promise<Set<string>> {
  await settled(s.sandbox);
  return new Set((await licensePaths(s.sandbox, s.userId)).filter((p) => GRANTING.has(p.state)).map((p) => p.skuId));
}

/**
 * The invariant, per case: every license the user held when the execution (re)started that the plan did not remove
 * is still held; License Doctor sent each of the plan's writes at most as often as the plan has it; the audit chain
 * verifies with one entry per real change; the request ends where a person can act on it.
 */
export async function expectInvariant(s: Scenario, rt: Runtime, heldAtResume: ReadonlySet<string>): Promise<void> {
  const removed = new Set(s.plan.removedLicenses.map((l) => l.skuId.toLowerCase()));
  const now = await heldSkus(s);
  expect([...heldAtResume].filter((sku) => !removed.has(sku) && !now.has(sku))).toEqual([]);
  const allowed = new Map<string, number>();
  for (const w of planWrites(s.plan)) allowed.set(w, (allowed.get(w) ?? 0) + 1);
  const excess = [...new Set(s.writes)].filter((w) => s.writes.filter((x) => x === w).length > (allowed.get(w) ?? 0));
  expect(excess).toEqual([]);
  expect(await rt.store.verifyAudit()).toMatchObject({ kind: 'intact' });
  expect(['succeeded', 'failed', 'needs-manual-steps']).toContain((await rt.services.get(s.requestId))?.status);
  // One audit entry per real change: one start, at most one takeover, one outcome.
  const actions = (await rt.store.audit({ requestId: s.requestId })).map((e) => e.action);
  expect(actions.filter((a) => a === 'execution.started')).toHaveLength(1);
  expect(actions.filter((a) => a === 'execution.recovered').length).toBeLessThanOrEqual(1);
  expect(actions.filter((a) => a === 'execution.finished')).toHaveLength(1);
}

/** Boundaries of Adele's plan, in the order the harness numbers them (1-based). */
const BOUNDARIES = [
  ...['s1', 's2', 's3', 's4'].flatMap((st) => [`${st} running`, `${st} journaled-start`, `${st} vendor-done`, `${st} journaled-finish`, `${st} succeeded`]),
  's5 succeeded',
];

/** The 1-based number of a boundary label. */
export function boundary(label: string): number {
  const n = BOUNDARIES.indexOf(label) + 1;
  if (n === 0) throw new Error(`no boundary ${label}`);
  return n;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** afterAll of every fault test file: the children's files and the PostgreSQL schemas the file's cases made. */
export async function cleanUpFaults(): Promise<void> {
  rmSync(faultsDir, { recursive: true, force: true });
  const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
}
