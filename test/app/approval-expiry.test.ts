// Approvals expire: an approved request not started within APPROVAL_TTL_HOURS expires (the maintenance pass and any
// attempt to start it check it), and lifting READ_ONLY never runs an approval given while it was on. Two bot instances
// share one store (SQLite file or PostgreSQL schema) and one tenant; nothing reaches the tenant in any of these cases.
// PostgreSQL runs on these machines; if it is down: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start
import { createServices, type Services } from '../../src/app/services.ts';
import type { Clock } from '../../src/core/ports/clock.ts';
import type { Runtime } from '../../src/main.ts';
import type { RunningSandbox } from '../../src/sandbox/start-sandbox.ts';
import { PATTI, ask } from '../support/request-flow.ts';
import { startLiveRuntime, startTestSandbox } from '../support/test-runtime.ts';
import { clearCalls, sandboxWrites } from '../support/vendor-writes.ts';
import { sharedStores } from '../support/shared-stores.ts';

const HOUR = 3_600_000;
const stores = sharedStores('expiry');

describe.each(stores)('%s', (_name, storeOptions) => {
  let sandbox: RunningSandbox;
  let live: Runtime;
  let readOnly: Runtime;
  let now = Date.now();
  const clock: Clock = { now: () => now };
  let services: Services;
  let readOnlyServices: Services;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    live = await startLiveRuntime(sandbox, storeOptions);
    readOnly = await startLiveRuntime(sandbox, { ...storeOptions, env: { READ_ONLY: 'true' } });
    services = createServices({ ...live.services.deps, clock });
    readOnlyServices = createServices({ ...readOnly.services.deps, clock });
  });
  afterAll(async () => {
    await Promise.all([services.idle(), readOnlyServices.idle()]);
    await readOnly.close();
    await live.close();
    await sandbox.close();
  });

  test('an approval not started within 4 hours expires: a start is refused, and the maintenance pass expires the others', async () => {
    now = Date.now();
    const first = await ask(services, { query: 'adele.vance@contoso.com', path: 'okta-owns-licenses' });
    const second = await ask(services, { query: 'grady.archie@contoso.com', path: 'okta-owns-licenses' });
    // Approved, but not run here (as `approve --no-execute` does when no server picks it up).
    const decided = await services.decide({ requestId: first.id, decision: 'approve', actor: PATTI });
    await services.decide({ requestId: second.id, decision: 'approve', actor: PATTI });
    expect(decided.request.approval).toEqual({ at: new Date(now).toISOString(), runBy: new Date(now + 4 * HOUR).toISOString(), readOnly: false });
    clearCalls(sandbox);

    now += 4 * HOUR;
    expect(await services.execute(first.id)).toMatchObject({ status: 'expired' });
    expect((await live.store.audit({ requestId: first.id })).slice(-2)).toMatchObject([
      { action: 'request.expired', actor: 'system', data: { cause: 'approval-ran-out', runBy: new Date(now).toISOString() } },
      { action: 'execution.refused', data: { reason: 'expired' } },
    ]);
    const pass = await services.maintenance();
    expect(pass.expired).toEqual([second.id]);
    expect(pass.executed).not.toContain(second.id);
    expect(await live.store.get(second.id)).toMatchObject({ status: 'expired' });
    expect(sandboxWrites(sandbox)).toEqual([]);
    expect(await live.store.journal(first.id)).toEqual([]);
  });

  test('lifting READ_ONLY never runs an approval given while it was on', async () => {
    now = Date.now();
    const viaPass = await ask(readOnlyServices, { query: 'megan.bowen@contoso.com', path: 'okta-owns-licenses' });
    const viaStart = await ask(readOnlyServices, { query: 'lynne.robbins@contoso.com', path: 'okta-owns-licenses' });
    for (const r of [viaPass, viaStart]) {
      expect(await readOnlyServices.decide({ requestId: r.id, decision: 'approve', actor: PATTI })).toMatchObject({ shouldExecute: false, request: { status: 'approved', approval: { readOnly: true } } });
    }
    // While READ_ONLY is on, its own maintenance pass leaves them approved (the window has not run out).
    expect(await readOnlyServices.maintenance()).toEqual({ expired: [], executed: [], failed: [] });
    clearCalls(sandbox);

    // READ_ONLY lifted: the instance without it expires them instead of running them, well within the window.
    now += 10 * 60_000;
    expect(await services.execute(viaStart.id)).toMatchObject({ status: 'expired' });
    const pass = await services.maintenance();
    expect(pass.expired).toEqual([viaPass.id]);
    expect(pass.executed).toEqual([]);
    for (const r of [viaPass, viaStart]) {
      expect(await live.store.audit({ requestId: r.id })).toContainEqual(expect.objectContaining({ action: 'request.expired', data: expect.objectContaining({ cause: 'approved-under-read-only' }) }));
    }
    expect(sandboxWrites(sandbox)).toEqual([]);
  });

  test('APPROVAL_TTL_HOURS sets the window', async () => {
    const short = await startLiveRuntime(sandbox, { ...storeOptions, env: { APPROVAL_TTL_HOURS: '1' } });
    try {
      const request = await ask(short.services, { query: 'diego.siciliani@contoso.com', path: 'okta-owns-licenses' });
      const decided = await short.services.decide({ requestId: request.id, decision: 'approve', actor: PATTI });
      const window = decided.request.approval;
      expect(window && Date.parse(window.runBy) - Date.parse(window.at)).toBe(HOUR);
    } finally {
      await short.close();
    }
  });
});
