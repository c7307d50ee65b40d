// Executions against one target never overlap, across instances: two approved requests for the same app (paths 2 and
// 3 both change it), run at once by two bot instances (each its own runtime and store connection, on one SQLite file
// or one PostgreSQL schema). The vendor writes each instance sends form two separate stretches of time, never
// interleaved: the second execution finds the target's lease taken, returns null like a busy request lease, and runs
// when tried again (as the maintenance pass does). And requests asked for at once on both instances: one is created.
// Without a PostgreSQL at TEST_DATABASE_URL, jest's global setup starts one shipped through npm (test/support).
import type { Runtime } from '../../src/main.ts';
import type { RunningSandbox } from '../../src/sandbox/start-sandbox.ts';
import { AGENT, approve, ask } from '../support/request-flow.ts';
import { startLiveRuntime, startTestSandbox } from '../support/test-runtime.ts';
import { sharedStores } from '../support/shared-stores.ts';

jest.setTimeout(90_000);
const ADELE = 'adele.vance@contoso.com';
const stores = sharedStores('e2e', ['SQLite (one file, two connections)', 'PostgreSQL (one schema, two pools)']);

describe.each(stores)('%s', (_name, storeOptions) => {
  let sandbox: RunningSandbox;
  const runtimes: Runtime[] = [];
  /** Per instance: when it sent each vendor write. */
  const writes: number[][] = [[], []];

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    for (const i of [0, 1]) {
      runtimes.push(await startLiveRuntime(sandbox, { ...storeOptions, onVendorRequest: ({ method }) => void (method !== 'GET' && writes[i]?.push(performance.now())) }));
    }
  });

  afterAll(async () => {
    await Promise.all(runtimes.map((rt) => rt.close()));
    await sandbox.close();
  });

  test('10 requests for one user and path asked at once on two instances: one is created, every other is refused naming it', async () => {
    const asks = Array.from({ length: 10 }, (_, i) => ask((runtimes[i % 2] as Runtime).services, { query: ADELE, path: 'okta-owns-licenses' }).then((r) => r, (err: unknown) => err));
    const results = await Promise.all(asks);
    const created = results.filter((r): r is { id: string; status: string } => typeof r === 'object' && r !== null && 'status' in r);
    expect(created).toHaveLength(1);
    const winner = created[0]?.id;
    for (const refusal of results.filter((r) => !created.includes(r as never))) {
      expect(refusal).toMatchObject({ code: 'policy', details: { reason: 'target-busy', requestId: winner }, message: expect.stringContaining(`Request ${winner ?? ''}`) });
    }
    await runtimes[0]?.services.decide({ requestId: winner ?? '', decision: 'cancel', actor: AGENT });
  });

  test('two requests for one app, executed at once by two instances: their vendor writes never interleave', async () => {
    const [a, b] = runtimes;
    if (!a || !b) throw new Error('two instances expected');
    const first = await ask(a.services, { query: ADELE, path: 'entra-owns-licenses' });
    const second = await ask(b.services, { query: ADELE, path: 'okta-workflows-profile-only' });
    expect(first.plan.blastRadius).toMatchObject({ kind: 'app' });
    expect(second.plan.blastRadius).toStrictEqual(first.plan.blastRadius);
    await approve(a.services, first);
    await approve(b.services, second);
    writes.forEach((w) => w.splice(0));

    const ran = await Promise.all([a.services.execute(first.id), b.services.execute(second.id)]);
    // At most one ran (unless the other ended before it started); whichever waited runs when tried again.
    const waited = ran.flatMap((r, i) => (r === null ? [i] : []));
    expect(waited.length).toBeLessThanOrEqual(1);
    for (const i of waited) expect(await runtimes[i]?.services.execute(i === 0 ? first.id : second.id)).not.toBeNull();

    const [wa = [], wb = []] = writes;
    expect(wa.length + wb.length).toBeGreaterThan(0);
    const span = (w: number[]) => [Math.min(...w), Math.max(...w)] as const;
    if (wa.length > 0 && wb.length > 0) {
      const [[a0, a1], [b0, b1]] = [span(wa), span(wb)];
      expect(a1 < b0 || b1 < a0).toBe(true);
    }
    for (const id of [first.id, second.id]) expect((await a.services.get(id))?.status).not.toMatch(/^(approved|executing)$/);
  });
});
