// A process killed with SIGKILL at every step boundary of a plan, then a restart: the plan finishes, every vendor
// write reached the tenant exactly once, the journal shows the interruption, and the audit chain is intact.
// The sandbox tenant runs here, in the test process (its call log is the evidence); the executing process is a child
// running test/support/crash-harness.ts in live mode against it, with the store in a SQLite file (crash-scenario.ts).
// This file: the whole run, the boundaries of steps 1 and 2, the lease, a kill before the first step;
// crash-recovery-late.test.ts: the boundaries of steps 3 to 5.
import { graph, settled } from '../support/sandbox-admin.ts';
import { startLiveRuntime } from '../support/test-runtime.ts';
import { clearCalls, planWrites, sandboxWrites } from '../support/vendor-writes.ts';
import { approvedRequest, BOUNDARIES, child, cleanUpCrashes, killedAndRestarted, LEASE_MS, sleep } from './crash-scenario.ts';

afterAll(cleanUpCrashes);

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

const EARLY = BOUNDARIES.flatMap((label, i) => (/^s[12] /.test(label) ? [[i + 1, label] as const] : []));

test.concurrent.each(EARLY)('killed at boundary %i (%s), then restarted: finishes, no write repeated, journal and audit tell', killedAndRestarted, 90_000);

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
