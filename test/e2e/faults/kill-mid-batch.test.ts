// A batch is killed (SIGKILL) in the middle of a user's plan, an administrator gives that user a license directly
// while it is down, and another instance resumes the batch once the dead one's lease has lapsed. Every user ends where
// a person can act on it (none stuck running; the changed user stops safely and says why, the others finish), none holds fewer licenses than at the resume unless their own plan
// removed them, each plan write went out at most as often as that user's plan has it, one outcome is audited per
// user, and the audit chain verifies — on SQLite and PostgreSQL. The batch runs one user at a time so that the
// boundary a case kills at is always the same user's.
import { join } from 'node:path';
import { runScan } from '../../../src/app/scan/run-scan.ts';
import type { LicenseRequest } from '../../../src/core/model/request.ts';
import type { Runtime } from '../../../src/main.ts';
import { GROUP } from '../../../src/sandbox/seed.ts';
import { SKU } from '../../../src/sandbox/seed-catalog.ts';
import type { RunningSandbox } from '../../../src/sandbox/start-sandbox.ts';
import { AGENT, CHRISTIE, PATTI } from '../../support/request-flow.ts';
import { graph, licensePaths, settled } from '../../support/sandbox-admin.ts';
import { startLiveRuntime, startTestSandbox } from '../../support/test-runtime.ts';
import { clearCalls, planWrites, type Write } from '../../support/vendor-writes.ts';
import { CASE_TIMEOUT_MS, LEASE_MS, POSTGRES, SQLITE, cleanUpFaults, resumer, sleep, startChild, type Engine } from './fault-scenario.ts';

jest.setTimeout(CASE_TIMEOUT_MS * 2);
afterAll(cleanUpFaults);

/** The scenario tenant's main Office 365 app (the org has several; a live scan needs to be told which). */
const MAIN_APP = '0oasbx00000000000001';
const BATCH_HARNESS = join(__dirname, 'batch-fault-harness.ts');
const GRANTING = new Set(['Active', 'ActiveWithError']);

interface BatchScenario {
  readonly sandbox: RunningSandbox;
  readonly databaseUrl: string;
  readonly databaseSchema: string | null;
  /** The batch's id (the harness runs it). */
  readonly requestId: string;
  readonly writes: Write[];
  readonly users: readonly string[];
}

/** A fresh tenant and store with the latest scan and a batch for the E3 group's users (path 1), approved twice. */
async function approvedBatch(engine: Engine): Promise<BatchScenario> {
  const sandbox = await startTestSandbox();
  const { databaseUrl, databaseSchema } = engine.store();
  const at = { databaseUrl, ...(databaseSchema ? { databaseSchema } : {}) };
  let rt: Runtime;
  try {
    rt = await startLiveRuntime(sandbox, { ...at, env: { OKTA_O365_APP_ID: MAIN_APP } });
  } catch (err) {
    await sandbox.close();
    throw err;
  }
  try {
    const scan = await rt.fleet.createScanRuntime(at);
    try {
      expect((await runScan(scan.deps)).kind).toBe('finished');
    } finally {
      await scan.close();
    }
    const opened = await rt.fleet.openBatches();
    try {
      const batch = await opened.service.create({
        from: { kind: 'scan' }, groupId: GROUP.E3, sku: 'SPE_E3', path: 'okta-owns-licenses', groupLevel: false, requester: AGENT,
        reason: 'Group licensing turned on for E3 staff', acknowledgeRemoval: false,
      });
      await opened.service.decide({ batchId: batch.id, decision: 'approve', actor: PATTI });
      expect((await opened.service.decide({ batchId: batch.id, decision: 'approve', actor: CHRISTIE })).shouldRun).toBe(true);
      const users = (await opened.service.state(batch.id))?.members.map((m) => m.userPrincipalName) ?? [];
      clearCalls(sandbox);
      return { sandbox, databaseUrl, databaseSchema, requestId: batch.id, writes: [], users };
    } finally {
      await opened.close();
    }
  } catch (err) {
    await sandbox.close();
    throw err;
  } finally {
    await rt.close();
  }
}

/** The SKUs each user holds now (any path), by user principal name. */
async function held(s: BatchScenario): Promise<Map<string, Set<string>>> {
  await settled(s.sandbox);
  const result = new Map<string, Set<string>>();
  for (const upn of s.users) {
    const id = ((await graph(s.sandbox, 'GET', `/users/${upn}`)) as { id: string }).id;
    result.set(upn, new Set((await licensePaths(s.sandbox, id)).filter((p) => GRANTING.has(p.state)).map((p) => p.skuId)));
  }
  return result;
}

/**
 * What every case ends with: no user holds fewer licenses than at the resume except what their own plan removed; each
 * plan write went out at most as often as that user's plan has it, across both processes; one outcome audited per
 * user; the audit chain verifies.
 */
async function expectSafeEnd(s: BatchScenario, rt: Runtime, heldAtResume: Map<string, Set<string>>): Promise<void> {
  const opened = await rt.fleet.openBatches();
  try {
    const state = await opened.service.state(s.requestId);
    const requests = new Map<string, LicenseRequest>();
    for (const m of state?.members ?? []) {
      const request = m.requestId ? await rt.services.get(m.requestId) : null;
      if (request) requests.set(m.userPrincipalName, request);
    }
    const now = await held(s);
    const lost = s.users.flatMap((upn) => {
      const removed = new Set(requests.get(upn)?.plan.removedLicenses.map((l) => l.skuId.toLowerCase()) ?? []);
      return [...(heldAtResume.get(upn) ?? [])].filter((sku) => !removed.has(sku) && !now.get(upn)?.has(sku)).map((sku) => `${upn} ${sku}`);
    });
    expect(lost).toEqual([]);
    const allowed = new Map<string, number>();
    for (const request of requests.values()) for (const w of planWrites(request.plan)) allowed.set(w, (allowed.get(w) ?? 0) + 1);
    expect([...new Set(s.writes)].filter((w) => s.writes.filter((x) => x === w).length > (allowed.get(w) ?? 0))).toEqual([]);
    const actions = (await rt.store.audit({ requestId: s.requestId })).map((e) => e.action);
    expect(actions.filter((a) => a === 'batch.user-finished')).toHaveLength(s.users.length);
    expect(await rt.store.verifyAudit()).toMatchObject({ kind: 'intact' });
  } finally {
    await opened.close();
  }
}

const engines: ReadonlyArray<readonly [string, Engine]> = [['SQLite', SQLITE], ['PostgreSQL', POSTGRES]];
// Boundaries counted over the whole batch (users one at a time): 3 is the first user's first write answered, not yet
// journaled; 14 is a later step of the same plan.
const cases = engines.flatMap(([name, engine]) => [3, 14].map((at) => [name, at, engine] as const));

test.concurrent.each(cases)('%s: killed at boundary %i of the batch, a license added meanwhile, resumed elsewhere', async (_name, at, engine) => {
  const s = await approvedBatch(engine);
  let rt: Runtime | null = null;
  try {
    const child = startChild(s, 'kill', at, { BATCH_CONCURRENCY: '1' }, BATCH_HARNESS);
    await child.reached(at);
    expect((await child.exit).signal).toBe('SIGKILL');

    // While it is down, an administrator licenses the first user for Visio directly.
    const first = s.users[0] ?? '';
    const firstId = ((await graph(s.sandbox, 'GET', `/users/${first}`)) as { id: string }).id;
    await graph(s.sandbox, 'POST', `/users/${firstId}/assignLicense`, { addLicenses: [{ skuId: SKU.VISIOCLIENT, disabledPlans: [] }], removeLicenses: [] });
    const heldAtResume = await held(s);

    await sleep(LEASE_MS + 250);
    rt = await resumer(s);
    const opened = await rt.fleet.openBatches();
    try {
      expect(await opened.service.run(s.requestId)).toMatchObject({ status: 'finished' });
      const state = await opened.service.state(s.requestId);
      expect(state?.members.filter((m) => m.state === 'running' || m.state === 'pending')).toEqual([]);
      // The killed user's tenant changed under the plan: the resumed execution stops before its next write and says
      // why; the other users finish (Miriam's Okta group assignment is a person's step).
      const ended = Object.fromEntries(state?.members.map((m) => [m.userPrincipalName, m.state]) ?? []);
      expect(ended).toEqual({ [first]: 'failed', 'grady.archie@contoso.com': 'done', 'megan.bowen@contoso.com': 'done', 'miriam.graham@contoso.com': 'manual' });
      expect(state?.members.find((m) => m.userPrincipalName === first)?.detail).toMatch(/was not started: since the plan began, .* now has Visio Plan 2, which the plan did not account for/);

      await expectSafeEnd(s, rt, heldAtResume);
    } finally {
      await opened.close();
    }
  } finally {
    await rt?.close();
    await s.sandbox.close();
  }
}, CASE_TIMEOUT_MS * 2);
// The window between claiming a user and making their request: the claim and the request id it reserves are stored, the
// request is not. Another instance takes the user over once the claim is older than a lease and makes the request
// under the reserved id; the user finishes once, like the others.
test.concurrent.each(engines)('%s: killed right after claiming a user, before their request exists, resumed elsewhere', async (_name, engine) => {
  const s = await approvedBatch(engine);
  let rt: Runtime | null = null;
  try {
    const heldBefore = await held(s);
    const child = startChild(s, 'kill', 0, { BATCH_CONCURRENCY: '1', KILL_AT_CLAIM: '1' }, BATCH_HARNESS);
    expect((await child.exit).signal).toBe('SIGKILL');
    expect(s.writes).toEqual([]);

    await sleep(LEASE_MS + 250);
    rt = await resumer(s);
    const opened = await rt.fleet.openBatches();
    try {
      const [claimed] = (await opened.service.state(s.requestId))?.members.filter((m) => m.state === 'running') ?? [];
      expect(claimed?.requestId).toEqual(expect.any(String));
      expect(await rt.services.get(claimed?.requestId ?? '')).toBeNull();

      expect(await opened.service.run(s.requestId)).toMatchObject({ status: 'finished' });
      const state = await opened.service.state(s.requestId);
      expect(Object.fromEntries(state?.members.map((m) => [m.userPrincipalName, m.state]) ?? [])).toEqual({
        [claimed?.userPrincipalName ?? '']: 'done', 'grady.archie@contoso.com': 'done', 'megan.bowen@contoso.com': 'done', 'miriam.graham@contoso.com': 'manual',
      });
      // The user's request is the one their claim reserved, made once.
      const taken = state?.members.find((m) => m.userPrincipalName === claimed?.userPrincipalName);
      expect(taken?.requestId).toBe(claimed?.requestId);
      expect((await rt.services.get(taken?.requestId ?? ''))?.status).toBe('succeeded');
    } finally {
      await opened.close();
    }
    await expectSafeEnd(s, rt, heldBefore);
  } finally {
    await rt?.close();
    await s.sandbox.close();
  }
}, CASE_TIMEOUT_MS * 2);
