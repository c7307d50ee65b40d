// PostgreSQL going away in the middle of a plan (issue 9: "store loss is survivable"). The store sits behind a TCP
// proxy; at an execution boundary the proxy is stopped, which cuts every connection, as a database failover would.
// The executor must make no vendor write while it cannot reach the store (its fencing token is re-read right before
// each write), the process must survive (no unhandled pg 'error' event), and once the database is back the
// maintenance pass resumes the plan: every license kept, each of the plan's writes made exactly once, the audit chain
// intact.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { approve, ask } from '../../support/request-flow.ts';
import { licensePaths } from '../../support/sandbox-admin.ts';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.ts';
import { startSandboxRuntime, type SandboxRuntime } from '../../support/test-runtime.ts';
import { planWrites, sandboxWrites } from '../../support/vendor-writes.ts';

jest.setTimeout(60_000);

const DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const ADELE = 'adele.vance@contoso.com';
const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
const schemas: string[] = [];
let proxy: TcpProxy;

beforeAll(async () => {
  const target = new URL(DATABASE_URL);
  proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
});
afterAll(async () => {
  await proxy.close();
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The sandbox user's licenses, as SKU ids (whatever path gives them). */
async function skusOf(rt: SandboxRuntime, userId: string): Promise<string[]> {
  return [...new Set((await licensePaths(rt.sandbox, userId)).filter((p) => p.state === 'Active').map((p) => p.skuId))].sort();
}

test.each([
  ['s2', 'journaled-start', 'before the direct assignment is sent'],
  ['s2', 'vendor-done', 'after the direct assignment landed, before it is journaled'],
  ['s3', 'vendor-done', 'after the membership removal landed, before it is journaled'],
] as const)('PostgreSQL goes away at %s %s (%s): no write while it is away, the plan resumes once it is back', async (stepId, boundary, _why) => {
  const schema = `ld_fault_pg_${randomBytes(4).toString('hex')}`;
  schemas.push(schema);
  const url = new URL(DATABASE_URL);
  url.host = `127.0.0.1:${proxy.port}`;
  const rt = await startSandboxRuntime({ databaseUrl: url.toString(), databaseSchema: schema, execution: { leaseMs: 1_500, retryBaseMs: 50, retryCapMs: 200 } });
  let restarted = false;
  const unhandled: unknown[] = [];
  const onUnhandled = (err: unknown) => unhandled.push(err);
  process.on('uncaughtException', onUnhandled);
  process.on('unhandledRejection', onUnhandled);
  try {
    const request = await ask(rt.services, { query: ADELE, path: 'okta-owns-licenses' });
    await approve(rt.services, request);
    const before = await skusOf(rt, request.target.entraObjectId);
    let cut = false;
    rt.events.subscribe(async (event) => {
      if (cut || event.type !== 'execution-boundary' || event.stepId !== stepId || event.boundary !== boundary) return;
      cut = true;
      await proxy.stop();
    });

    // The execution stops on the lost store (whatever it says), and writes nothing more while the store is away.
    await rt.services.execute(request.id).catch(() => null);
    expect(cut).toBe(true);
    const whileAway = sandboxWrites(rt.sandbox);
    await sleep(500);
    await rt.services.maintenance().catch(() => null);
    expect(sandboxWrites(rt.sandbox)).toEqual(whileAway);
    const upTo = request.plan.steps.slice(0, request.plan.steps.findIndex((s) => s.id === stepId) + (boundary === 'vendor-done' ? 1 : 0)).map((s) => s.id);
    expect(whileAway).toEqual(planWrites(request.plan, upTo));

    // The database is back: maintenance takes over once the lease has expired, and the plan finishes.
    await proxy.start();
    restarted = true;
    const deadline = Date.now() + 30_000;
    let status = (await rt.services.get(request.id).catch(() => null))?.status;
    while (status !== 'succeeded' && Date.now() < deadline) {
      await rt.services.maintenance().catch(() => null);
      await rt.sandbox.okta.idle();
      status = (await rt.services.get(request.id).catch(() => null))?.status;
      if (status !== 'succeeded') await sleep(200);
    }
    expect(status).toBe('succeeded');
    expect(sandboxWrites(rt.sandbox)).toEqual(planWrites(request.plan));
    expect(await skusOf(rt, request.target.entraObjectId)).toEqual(before);
    expect(await rt.store.verifyAudit()).toMatchObject({ kind: 'intact' });
    expect(unhandled).toEqual([]);
  } finally {
    process.off('uncaughtException', onUnhandled);
    process.off('unhandledRejection', onUnhandled);
    if (!restarted) await proxy.start();
    await rt.close();
  }
});
