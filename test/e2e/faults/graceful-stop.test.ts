// The fault suite, part 4: SIGTERM while a vendor write is in flight. The process finishes that call, journals it,
// releases its lease and exits by itself; another instance resumes at once (no lease to wait out) and finishes.
import {
  approvedAdele, boundary, CASE_TIMEOUT_MS, cleanUpFaults, expectInvariant, heldSkus, POSTGRES, resumer, SQLITE, startChild, type Engine,
} from './fault-scenario.ts';

afterAll(cleanUpFaults);

const CASES: ReadonlyArray<readonly [Engine, string]> = [[SQLITE, 's2 journaled-start'], [POSTGRES, 's3 journaled-start']];

test.concurrent.each(CASES.map(([engine, label]) => [engine.name, label, engine] as const))(
  '%s: SIGTERM at %s: the call in flight is finished and journaled, the lease released, the plan resumed at once elsewhere',
  async (_, label, engine) => {
    const s = await approvedAdele(engine);
    try {
      const held = await heldSkus(s);
      const exit = await startChild(s, 'term', boundary(label), { LEASE_MS: '60000' }).exit;
      expect(exit).toEqual({ signal: null, status: 'executing' });
      const step = label.split(' ')[0] ?? '';
      const rt = await resumer(s);
      try {
        expect((await rt.store.journal(s.requestId)).filter((j) => j.stepId === step).map((j) => j.status)).toEqual(['succeeded']);
        // With a 60 s lease, only a released lease lets this instance in now.
        const after = await rt.services.execute(s.requestId);
        await s.sandbox.okta.idle();
        expect(after?.status).toBe('succeeded');
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
