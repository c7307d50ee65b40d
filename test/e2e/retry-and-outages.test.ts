// Issue 9 item 7 and issue 10 item 8: a failed plan retried from its failed step under the same approval (by the
// requester or an approver, audited, premises checked live), requests left waiting for manual steps expiring, and
// maintenance staying quiet through a vendor outage: per-request backoff, no audit entry per pass, and one failing
// request never stopping the others.
import { AGENT, DEBRA, PATTI, approve, ask } from '../support/request-flow.ts';
import { forget } from '../support/resolution-checks.ts';
import { okta, settled } from '../support/sandbox-admin.ts';
import { startSandboxRuntime } from '../support/test-runtime.ts';
import { planWrites, writesOf } from '../support/vendor-writes.ts';

const ADELE = 'adele.vance@contoso.com';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('retry of a failed plan', () => {
  test('Graph fails the membership removal: failed at step 3; a stranger may not retry; the requester retries and it finishes, each change made once', async () => {
    const rt = await startSandboxRuntime();
    try {
      const request = await ask(rt.services, { query: ADELE, path: 'okta-owns-licenses' });
      await approve(rt.services, request);
      forget(rt);
      rt.sandbox.graph.faults.add({ kind: 'server-error', method: 'DELETE', path: '/members/', times: 1 });
      const failed = await rt.services.execute(request.id);
      expect(failed).toMatchObject({ status: 'failed', steps: [{ status: 'succeeded' }, { status: 'succeeded' }, { status: 'failed' }, { status: 'pending' }, { status: 'pending' }] });
      expect(failed?.outcome?.message).toMatch(new RegExp(`^Step 3 of 5 stopped — .*reading back shows the change is not there\\. Steps 1–2 are done; nothing after step 3 ran\\. .*license-doctor retry ${request.id} --as <you>`));

      await expect(rt.services.retry({ requestId: request.id, actor: DEBRA })).rejects.toMatchObject({ code: 'policy', details: { reason: 'not-allowed' } });
      const done = await rt.services.retry({ requestId: request.id, actor: AGENT });
      await rt.sandbox.okta.idle();
      expect(done.status).toBe('succeeded');
      // Every change landed once: the refused DELETE (500) changed nothing, the retry's DELETE did.
      const landed = writesOf([...rt.sandbox.graph.calls, ...rt.sandbox.okta.calls].filter((c) => c.status < 400).sort((a, b) => a.at - b.at));
      expect(landed).toEqual(planWrites(request.plan));
      const actions = (await rt.store.audit({ requestId: request.id })).map((e) => e.action);
      expect(actions.filter((a) => a.startsWith('execution.') || a === 'retry.refused')).toEqual([
        'execution.started', 'execution.finished', 'retry.refused', 'execution.retried', 'execution.started', 'execution.finished',
      ]);
      expect(await rt.store.verifyAudit()).toMatchObject({ kind: 'intact' });
    } finally {
      await rt.close();
    }
  });

  test('an approver retries after the situation changed: the premise check stops it before any write, saying what changed', async () => {
    const rt = await startSandboxRuntime();
    try {
      const request = await ask(rt.services, { query: ADELE, path: 'okta-owns-licenses' });
      await approve(rt.services, request);
      rt.sandbox.graph.faults.add({ kind: 'server-error', method: 'POST', path: '/assignLicense$', times: 1 });
      expect((await rt.services.execute(request.id))?.status).toBe('failed');
      // Meanwhile an admin empties Adele's licenses in Okta (step 1 had set them).
      const a = request.plan.steps[0]?.action;
      if (a?.kind !== 'okta-set-user-licenses') throw new Error('step 1 should set Okta licenses');
      const path = `/api/v1/apps/${a.appId}/users/${a.oktaUserId}`;
      const current = (await okta(rt.sandbox, 'GET', path)) as { profile: Record<string, unknown> };
      await okta(rt.sandbox, 'POST', path, { profile: { ...current.profile, [a.attribute]: [] } });
      await settled(rt.sandbox);
      forget(rt);
      const after = await rt.services.retry({ requestId: request.id, actor: PATTI });
      expect(after.status).toBe('failed');
      expect(after.outcome?.message).toMatch(/^Step 2 of 5 was not started: since the plan began, Okta's licenses for Adele Vance are now none \(expected SPE_E3\), so a push from Okta would remove SPE_E3\./);
      expect(writesOf([...rt.sandbox.graph.calls, ...rt.sandbox.okta.calls])).toEqual([]);
    } finally {
      await rt.close();
    }
  });
});

describe('maintenance under an outage', () => {
  test('Okta down: the failing request backs off and adds no audit entries pass after pass; the other request runs; once Okta is back it finishes', async () => {
    const rt = await startSandboxRuntime();
    try {
      const adele = await ask(rt.services, { query: ADELE, path: 'okta-owns-licenses' });
      const grady = await ask(rt.services, { query: 'grady.archie@contoso.com', path: 'okta-owns-licenses' });
      for (const r of [adele, grady]) await rt.services.decide({ requestId: r.id, decision: 'approve', actor: PATTI });
      const oktaUserId = adele.target.oktaUserId ?? '';
      rt.sandbox.okta.faults.add({ kind: 'unavailable', path: oktaUserId });

      const first = await rt.services.maintenance();
      expect(first.failed).toEqual([adele.id]);
      expect(first.executed).toEqual([grady.id]);
      expect((await rt.services.get(grady.id))?.status).toBe('succeeded');
      const audit = (await rt.store.audit({ requestId: adele.id })).length;
      for (let i = 0; i < 4; i++) {
        await sleep(60);
        await rt.services.maintenance();
      }
      expect((await rt.store.audit({ requestId: adele.id })).length).toBe(audit);

      rt.sandbox.okta.faults.clear();
      await sleep(250);
      expect((await rt.services.maintenance()).executed).toEqual([adele.id]);
      await rt.sandbox.okta.idle();
      expect((await rt.services.get(adele.id))?.status).toBe('succeeded');
      const actions = (await rt.store.audit({ requestId: adele.id })).map((e) => e.action).filter((a) => a.startsWith('execution.'));
      expect(actions).toEqual(['execution.started', 'execution.recovered', 'execution.finished']);
    } finally {
      await rt.close();
    }
  });

  test('a request left waiting for manual steps past MANUAL_STEPS_TTL_DAYS expires, once', async () => {
    const rt = await startSandboxRuntime({ behaviour: { pushesUnchangedProfile: false }, execution: { verifyTimeoutMs: 300, manualStepsTtlMs: 200 } });
    try {
      const request = await ask(rt.services, { query: 'grady.archie@contoso.com', path: 'okta-owns-licenses' });
      await approve(rt.services, request);
      expect((await rt.services.execute(request.id))?.status).toBe('needs-manual-steps');
      expect((await rt.services.maintenance()).expired).toEqual([]);
      await sleep(250);
      expect((await rt.services.maintenance()).expired).toEqual([request.id]);
      expect((await rt.services.maintenance()).expired).toEqual([]);
      expect((await rt.store.audit({ requestId: request.id })).filter((e) => e.action === 'request.expired')).toHaveLength(1);
    } finally {
      await rt.close();
    }
  });
});
