// The fault suite, part 2: a process paused (SIGSTOP) at an execution boundary past its lease, another instance
// taking the request over (after an administrator changed the tenant, in some cases) and ending it, then the paused
// process continued (SIGCONT). Its fencing token is stale: it must not send another write, journal anything, or
// record an outcome, and the tenant keeps every license. If its first call after SIGCONT fails (a vendor that closed
// the idle connection during the pause; the sandbox keeps them a minute, so a case drops them), it still reports the
// request as the other instance left it: the failure of a taken-over execution is moot.
import {
  approvedAdele, boundary, changeTenant, CASE_TIMEOUT_MS, cleanUpFaults, expectInvariant, heldSkus, LEASE_MS, POSTGRES, resumer, sleep, SQLITE, startChild, type Engine, type TenantChange,
} from './fault-scenario.ts';

afterAll(cleanUpFaults);

/** Graph drops the connection of every read once the child continues, as a connection closed during the pause does. */
const GRAPH_READS_DROPPED = { kind: 'drop-after', method: 'GET' } as const;

const CASES: ReadonlyArray<readonly [Engine, string, TenantChange, 'succeeded' | 'failed', ('graph-reads-dropped' | 'none')?]> = [
  // Paused after Okta's write landed, before journaling it: the other instance finds it done.
  [SQLITE, 's1 vendor-done', 'none', 'succeeded'],
  // The same, and the child's read-back of Okta's write fails when it continues.
  [SQLITE, 's1 vendor-done', 'none', 'succeeded', 'graph-reads-dropped'],
  // Paused right after journaling the start of the direct assignment: the token check before the call stops it.
  [SQLITE, 's2 journaled-start', 'none', 'succeeded'],
  [SQLITE, 's3 running', 'okta-licenses-emptied', 'failed'],
  [SQLITE, 's4 journaled-start', 'license-added-directly', 'failed'],
  [POSTGRES, 's2 journaled-start', 'none', 'succeeded'],
  [POSTGRES, 's3 vendor-done', 'okta-licenses-emptied', 'failed'],
];

test.concurrent.each(CASES.map(([engine, label, change, end, onResume = 'none']) => [engine.name, label, change, end, onResume, engine] as const))(
  '%s: paused at %s, tenant change "%s", taken over (%s), continued (vendor faults: %s): the paused process writes nothing more',
  async (_, label, change, end, onResume, engine) => {
    const s = await approvedAdele(engine);
    try {
      const child = startChild(s, 'stop', boundary(label));
      await child.reached(boundary(label));
      await changeTenant(s, change);
      const held = await heldSkus(s);
      await sleep(LEASE_MS + 50);
      const rt = await resumer(s);
      try {
        const after = await rt.services.execute(s.requestId);
        await s.sandbox.okta.idle();
        expect(after?.status).toBe(end);
        const writes = s.writes.length;
        const journal = await rt.store.journal(s.requestId);
        const audit = await rt.store.audit({ requestId: s.requestId });

        if (onResume === 'graph-reads-dropped') s.sandbox.graph.faults.add(GRAPH_READS_DROPPED);
        process.kill(child.pid, 'SIGCONT');
        const exit = await child.exit;
        s.sandbox.graph.faults.clear();
        // It stopped on its stale token and reports the request as the other instance left it.
        expect(exit).toEqual({ signal: null, status: end });
        expect(s.writes.length).toBe(writes);
        expect(await rt.store.journal(s.requestId)).toEqual(journal);
        expect(await rt.store.audit({ requestId: s.requestId })).toEqual(audit);
        await expectInvariant(s, rt, held);
      } finally {
        await rt.close();
      }
    } finally {
      await s.sandbox.close();
    }
  },
  CASE_TIMEOUT_MS,
);
