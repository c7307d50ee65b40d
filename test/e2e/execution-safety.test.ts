// Issue 9/10 in one process against the sandbox tenant: a write's effect is read back (a 2xx is not proof), a lost
// answer is read back before anything else happens, a paused execution that was taken over writes nothing more,
// and verification says what is true. Each case runs the sandbox both ways where the vendors' docs allow both.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GROUP } from '../../src/sandbox/seed.ts';
import { approve, ask } from '../support/request-flow.ts';
import { forget, writesSoFar } from '../support/resolution-checks.ts';
import { licensePaths, okta } from '../support/sandbox-admin.ts';
import { startLiveRuntime, startSandboxRuntime, startTestSandbox, type SandboxRuntime } from '../support/test-runtime.ts';
import { clearCalls, planWrites, sandboxWrites } from '../support/vendor-writes.ts';

const ADELE = 'adele.vance@contoso.com';
const E3 = '05e9a617-0261-4cee-bb44-138d3ef5d965';

async function approvedAdele(rt: SandboxRuntime) {
  const request = await ask(rt.services, { query: ADELE, path: 'okta-owns-licenses' });
  await approve(rt.services, request);
  forget(rt);
  return request;
}

describe('a write is read back', () => {
  test.each([
    ['takes effect (default)', true],
    ['is accepted with 200 and no direct path appears', false],
  ])('the direct assignment of an inherited license %s', async (_, takesEffect) => {
    const rt = await startSandboxRuntime({ behaviour: { directAssignmentOfInheritedSkuTakesEffect: takesEffect }, execution: { effectTimeoutMs: 300 } });
    try {
      const request = await approvedAdele(rt);
      const after = await rt.services.execute(request.id);
      await rt.sandbox.okta.idle();
      if (takesEffect) {
        expect(after?.status).toBe('succeeded');
        expect(sandboxWrites(rt.sandbox)).toEqual(planWrites(request.plan));
        return;
      }
      expect(after).toMatchObject({ status: 'failed', steps: [{ status: 'succeeded' }, { status: 'failed' }, { status: 'pending' }, { status: 'pending' }, { status: 'pending' }] });
      expect(after?.outcome?.message).toMatch(/^Step 2 of 5 stopped — .*Microsoft Graph accepted the direct assignment, but after 0 s Adele Vance still has no direct, active path for the license .*so nothing was removed and Adele Vance keeps every license\./);
      // Nothing after the assignment: the membership stays, and with it the license.
      expect(writesSoFar(rt)).toEqual({ graph: planWrites(request.plan, ['s2']), okta: planWrites(request.plan, ['s1']) });
      expect(await licensePaths(rt.sandbox, request.target.entraObjectId)).toEqual([{ skuId: E3, assignedByGroup: GROUP.E3.toLowerCase(), state: 'Active' }]);
      expect((await rt.store.journal(request.id)).map((j) => [j.stepId, j.status])).toEqual([['s1', 'succeeded'], ['s2', 'failed']]);
    } finally {
      await rt.close();
    }
  });
});

describe('a lost answer is read back', () => {
  test.each([
    ['the direct assignment', 'POST', '/assignLicense$', 'graph'],
    ['the group membership removal', 'DELETE', '/members/.*/\\$ref$', 'graph'],
    ["Okta's license change", 'POST', '^/api/v1/apps/[^/]+/users/[^/]+$', 'okta'],
  ] as const)('the connection drops after %s landed: the plan goes on, each write made once', async (_, method, path, vendor) => {
    const rt = await startSandboxRuntime();
    try {
      const request = await approvedAdele(rt);
      rt.sandbox[vendor].faults.add({ kind: 'drop-after', method, path, times: 1 });
      const after = await rt.services.execute(request.id);
      await rt.sandbox.okta.idle();
      expect(after?.status).toBe('succeeded');
      expect(sandboxWrites(rt.sandbox)).toEqual(planWrites(request.plan));
      const journal = await rt.store.journal(request.id);
      expect(journal.filter((j) => j.detail === 'the answer was lost; read back: the change is there')).toHaveLength(1);
      expect(journal.every((j) => j.status === 'succeeded')).toBe(true);
    } finally {
      await rt.close();
    }
  });

  test('Graph never answers the membership removal: past the deadline the removal is read back, absent, and the plan stops saying so', async () => {
    const rt = await startSandboxRuntime({ execution: { callTimeoutMs: 300, effectTimeoutMs: 200 } });
    try {
      const request = await approvedAdele(rt);
      rt.sandbox.graph.faults.add({ kind: 'hang', method: 'DELETE', path: '/members/', times: 1 });
      const after = await rt.services.execute(request.id);
      expect(after?.status).toBe('failed');
      expect(after?.outcome?.message).toMatch(/^Step 3 of 5 stopped — .*: the answer was lost \(Microsoft Graph did not answer within 0 s\), and reading back shows the change is not there\. Steps 1–2 are done; nothing after step 3 ran\./);
      // The user keeps E3 twice over (directly and from the group): nothing was lost.
      const paths = await licensePaths(rt.sandbox, request.target.entraObjectId);
      expect(paths.filter((p) => p.skuId === E3).length).toBe(2);
    } finally {
      await rt.close();
    }
  });
});

describe('verification tells the truth', () => {
  test('Okta pushed, and an admin had emptied its licenses meanwhile: the user is short of E3, and the outcome says Okta removed it', async () => {
    const rt = await startSandboxRuntime({ behaviour: { pushDelayMs: 10 } });
    try {
      const request = await approvedAdele(rt);
      // Right after the re-push, an admin empties Adele's licenses in Okta, and Okta pushes that.
      const unsubscribe = rt.events.subscribe(async (event) => {
        if (event.type !== 'execution-boundary' || event.stepId !== 's4' || event.boundary !== 'vendor-done') return;
        const appId = request.target.appId ?? '';
        const current = (await okta(rt.sandbox, 'GET', `/api/v1/apps/${appId}/users/${request.target.oktaUserId ?? ''}`)) as { profile: Record<string, unknown> };
        await okta(rt.sandbox, 'POST', `/api/v1/apps/${appId}/users/${request.target.oktaUserId ?? ''}`, { profile: { ...current.profile, licenses: [] } });
        await rt.sandbox.okta.idle();
      });
      const after = await rt.services.execute(request.id);
      unsubscribe();
      expect(after?.status).toBe('failed');
      expect(after?.outcome?.message).toMatch(/^Okta pushed Adele Vance's profile successfully at \d\d:\d\d UTC, but Adele Vance is now without Microsoft 365 E3 \(Okta's licenses for Adele Vance lack it — none — so Okta's push removed it\)/);
      expect(after?.outcome?.message).not.toMatch(/has not pushed/);
    } finally {
      await rt.close();
    }
  });
});

describe('graceful stop', () => {
  test('closing the runtime mid-plan: the call in flight finishes and is journaled, the lease is released, another instance resumes at once', async () => {
    const sandbox = await startTestSandbox();
    const databaseUrl = `sqlite:${join(mkdtempSync(join(tmpdir(), 'ld-stop-')), 'store.sqlite')}`;
    try {
      const first = await startLiveRuntime(sandbox, { databaseUrl, execution: { leaseMs: 60_000 } });
      const request = await ask(first.services, { query: ADELE, path: 'okta-owns-licenses' });
      await approve(first.services, request);
      clearCalls(sandbox);
      let closing: Promise<void> | null = null;
      first.events.subscribe((event) => {
        // The stop arrives while the direct assignment is in flight.
        if (event.type === 'execution-boundary' && event.stepId === 's2' && event.boundary === 'journaled-start') closing = first.close();
      });
      const stopped = await first.services.execute(request.id);
      await closing;
      expect(stopped?.status).toBe('executing');
      expect(stopped?.steps.map((st) => st.status)).toEqual(['succeeded', 'succeeded', 'pending', 'pending', 'pending']);
      expect(sandboxWrites(sandbox)).toEqual(planWrites(request.plan, ['s1', 's2']));

      // The lease was released: with a 60 s lease, another instance still takes the plan over at once.
      const second = await startLiveRuntime(sandbox, { databaseUrl, execution: { leaseMs: 60_000 } });
      try {
        const after = await second.services.execute(request.id);
        await sandbox.okta.idle();
        expect(after?.status).toBe('succeeded');
        expect(sandboxWrites(sandbox)).toEqual(planWrites(request.plan));
        expect((await second.store.journal(request.id)).every((j) => j.status === 'succeeded')).toBe(true);
      } finally {
        await second.close();
      }
    } finally {
      await sandbox.close();
    }
  });
});
