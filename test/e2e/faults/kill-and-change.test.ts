// The fault suite, part 1: a process SIGKILLed at an execution boundary, an administrator changing the tenant while
// it is down, and a fresh instance resuming once the lease ran out. Whatever changed, the resume reads the live state
// before each write: it finishes when the plan still fits, and otherwise stops before writing, saying what changed.
import {
  approvedAdele, boundary, changeTenant, CASE_TIMEOUT_MS, cleanUpFaults, expectInvariant, heldSkus, LEASE_MS, POSTGRES, resumer, sleep, SQLITE, startChild, type Engine, type TenantChange,
} from './fault-scenario.ts';

afterAll(cleanUpFaults);

/** Where the process dies, what changes meanwhile, and how the resumed request must end. */
const CASES: ReadonlyArray<readonly [Engine, string, TenantChange, 'succeeded' | 'failed']> = [
  // Okta held nothing for Adele before step 1: emptying it again changes nothing the plan relies on.
  [SQLITE, 's1 journaled-start', 'okta-licenses-emptied', 'succeeded'],
  [SQLITE, 's1 vendor-done', 'license-added-directly', 'failed'],
  // The reported loss: killed while the direct assignment is in flight, Okta emptied meanwhile.
  [SQLITE, 's2 journaled-start', 'okta-licenses-emptied', 'failed'],
  [SQLITE, 's2 vendor-done', 'license-added-directly', 'failed'],
  [SQLITE, 's3 journaled-start', 'okta-licenses-emptied', 'failed'],
  [SQLITE, 's3 vendor-done', 'none', 'succeeded'],
  [SQLITE, 's4 journaled-start', 'license-added-directly', 'failed'],
  [SQLITE, 's4 vendor-done', 'none', 'succeeded'],
  [POSTGRES, 's2 journaled-start', 'okta-licenses-emptied', 'failed'],
  [POSTGRES, 's3 vendor-done', 'license-added-directly', 'failed'],
  [POSTGRES, 's4 journaled-start', 'none', 'succeeded'],
];

test.concurrent.each(CASES.map(([engine, label, change, end]) => [engine.name, label, change, end, engine] as const))(
  '%s: killed at %s, tenant change "%s", resumed: %s, keeps every license, no write repeated',
  async (_, label, change, end, engine) => {
    const s = await approvedAdele(engine);
    try {
      const child = startChild(s, 'kill', boundary(label));
      expect((await child.exit).signal).toBe('SIGKILL');
      await changeTenant(s, change);
      const held = await heldSkus(s);
      await sleep(LEASE_MS + 50);
      const rt = await resumer(s);
      try {
        const after = await rt.services.execute(s.requestId);
        await s.sandbox.okta.idle();
        expect(after?.status).toBe(end);
        if (end === 'failed') expect(after?.outcome?.message).toMatch(/not started: since the plan began|Nothing was changed: the situation is not what the plan was made for/);
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
