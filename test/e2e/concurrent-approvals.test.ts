// 50 concurrent approvals of one request that needs two (an app-scoped path), clicked on several bot instances at once
// (each its own runtime and store connection, on one SQLite file or one PostgreSQL schema), while every instance's
// maintenance pass also tries to run approved plans: exactly one execution, every other click answered "already
// decided" or "duplicate", and the audit chain intact.
// Without a PostgreSQL at TEST_DATABASE_URL, jest's global setup starts one shipped through npm (test/support).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { isLicenseDoctorError } from '../../src/core/errors.ts';
import type { Runtime } from '../../src/main.ts';
import type { RunningSandbox } from '../../src/sandbox/start-sandbox.ts';
import { CHRISTIE, PATTI, ask } from '../support/request-flow.ts';
import { startLiveRuntime, startTestSandbox, type TestRuntimeOptions } from '../support/test-runtime.ts';
import { clearCalls, planWrites, sandboxWrites } from '../support/vendor-writes.ts';

const DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = `ld_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
const dir = mkdtempSync(join(tmpdir(), 'ld-concurrent-'));

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
  await admin.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
  await admin.end();
});

const INSTANCES = 5;
const CLICKS = 50;

type Click =
  | { readonly kind: 'recorded'; readonly by: string; readonly executed: boolean }
  | { readonly kind: 'refused'; readonly by: string; readonly reason: unknown; readonly message: string };

const stores: ReadonlyArray<readonly [string, TestRuntimeOptions]> = [
  ['SQLite (one file, five connections)', { databaseUrl: `sqlite:${join(dir, 'shared.sqlite')}` }],
  ['PostgreSQL (one schema, five pools)', { databaseUrl: DATABASE_URL, databaseSchema: SCHEMA }],
];

describe.each(stores)('%s', (_name, storeOptions) => {
  let sandbox: RunningSandbox;
  let instances: Runtime[] = [];

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    // Started one after the other: the first migrates, the others find the schema ready.
    for (let i = 0; i < INSTANCES; i++) instances.push(await startLiveRuntime(sandbox, storeOptions));
  });

  afterAll(async () => {
    await Promise.all(instances.map((rt) => rt.close()));
    instances = [];
    await sandbox.close();
  });

  test(`${CLICKS} approvals by two approvers on ${INSTANCES} instances run the plan exactly once`, async () => {
    const [first] = instances;
    if (!first) throw new Error('no instance');
    const request = await ask(first.services, { query: 'adele.vance@contoso.com', path: 'entra-owns-licenses' });
    expect(request).toMatchObject({ scope: 'app', approvalsRequired: 2 });
    clearCalls(sandbox);

    const click = async (i: number): Promise<Click> => {
      const rt = instances[i % INSTANCES];
      if (!rt) throw new Error(`no instance ${i % INSTANCES}`);
      const actor = i % 2 === 0 ? PATTI : CHRISTIE;
      try {
        const decided = await rt.services.decide({ requestId: request.id, decision: 'approve', actor });
        // As every surface does: the click that completes the quorum runs the plan on its instance.
        if (decided.shouldExecute) await rt.services.execute(request.id);
        return { kind: 'recorded', by: actor.upnOrId, executed: decided.shouldExecute };
      } catch (err) {
        if (!isLicenseDoctorError(err, 'policy')) throw err;
        return { kind: 'refused', by: actor.upnOrId, reason: err.details.reason, message: err.message };
      }
    };
    // Meanwhile every instance runs its maintenance pass again and again, as servers do, racing the clicks for the
    // approved plan and for the running one (only an expired lease may be taken over).
    let clicking = true;
    const maintain = async (rt: Runtime): Promise<number> => {
      let passes = 0;
      for (;;) {
        const status = (await rt.services.get(request.id))?.status;
        if (!clicking && status !== 'approved' && status !== 'executing') return passes;
        await rt.services.maintenance();
        passes++;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    };
    const maintenance = Promise.all(instances.map(maintain));
    const clicks = await Promise.all(Array.from({ length: CLICKS }, (_, i) => click(i)));
    clicking = false;
    expect(Math.min(...(await maintenance))).toBeGreaterThan(0);
    await Promise.all(instances.map((rt) => rt.services.idle()));
    await sandbox.okta.idle();

    const recorded = clicks.filter((c) => c.kind === 'recorded');
    expect(recorded.map((c) => c.by).sort()).toEqual([CHRISTIE.upnOrId, PATTI.upnOrId]);
    expect(recorded.filter((c) => c.kind === 'recorded' && c.executed)).toHaveLength(1);
    const refused = clicks.filter((c) => c.kind === 'refused');
    expect(refused).toHaveLength(CLICKS - 2);
    for (const r of refused) {
      if (r.kind !== 'refused') continue;
      if (r.reason === 'duplicate-approval') expect(r.message).toMatch(/^You already approved this request at \d\d:\d\d UTC; one approver counts once/);
      else {
        expect(r.reason).toBe('already-decided');
        expect(r.message).toMatch(/^Already approved by (Patti Fernandez|Christie Cline) \(.+\) at \d\d:\d\d UTC and (Patti Fernandez|Christie Cline) \(.+\) at \d\d:\d\d UTC — the change (is waiting to run|is running|succeeded)\.$/);
      }
    }

    // One execution: the plan's one vendor write reached Okta once, one journal attempt, one start.
    const done = await first.services.get(request.id);
    expect(done?.status).toBe('succeeded');
    expect(done?.decisions.map((d) => d.by.userPrincipalName).sort()).toEqual([CHRISTIE.upnOrId, PATTI.upnOrId]);
    expect(sandboxWrites(sandbox)).toEqual(planWrites(request.plan));
    const journal = await first.store.journal(request.id);
    const writeSteps = request.plan.steps.filter((s) => planWrites(request.plan, [s.id]).length > 0);
    expect(journal.map((j) => [j.stepId, j.attempt, j.status])).toEqual(writeSteps.map((s) => [s.id, 1, 'succeeded']));
    const audit = await first.store.audit({ requestId: request.id });
    const count = (action: string) => audit.filter((e) => e.action === action).length;
    expect({
      'approval.added': count('approval.added'), 'request.approved': count('request.approved'), 'approval.refused': count('approval.refused'),
      'execution.started': count('execution.started'), 'execution.recovered': count('execution.recovered'), 'execution.finished': count('execution.finished'),
    }).toEqual({
      'approval.added': 2, 'request.approved': 1, 'approval.refused': CLICKS - 2,
      'execution.started': 1, 'execution.recovered': 0, 'execution.finished': 1,
    });
    // Every instance sees one intact chain.
    for (const rt of instances) expect(await rt.store.verifyAudit()).toMatchObject({ kind: 'intact' });
  }, 60_000);
});
