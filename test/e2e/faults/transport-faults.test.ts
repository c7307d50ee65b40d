// The fault suite, part 3: a process running the whole plan while the transport fails after a write landed (the
// connection dropped before the answer) or a vendor never answers. A lost answer is read back: the plan continues
// when the write landed and stops, saying so, when it did not; no write is sent twice and no license is lost.
import type { FaultRule } from '../../../src/sandbox/faults.ts';
import {
  approvedAdele, CASE_TIMEOUT_MS, cleanUpFaults, expectInvariant, heldSkus, POSTGRES, resumer, SQLITE, startChild, type Engine,
} from './fault-scenario.ts';

afterAll(cleanUpFaults);

const OKTA_APP_USER = '^/api/v1/apps/[^/]+/users/[^/]+$';
const CASES: ReadonlyArray<readonly [Engine, string, 'graph' | 'okta', FaultRule, 'succeeded' | 'failed']> = [
  [SQLITE, "answer lost after Okta's license change landed", 'okta', { kind: 'drop-after', method: 'POST', path: OKTA_APP_USER, times: 1 }, 'succeeded'],
  [SQLITE, 'answer lost after the direct assignment landed', 'graph', { kind: 'drop-after', method: 'POST', path: '/assignLicense$', times: 1 }, 'succeeded'],
  [SQLITE, 'answer lost after the membership removal landed', 'graph', { kind: 'drop-after', method: 'DELETE', path: '/members/', times: 1 }, 'succeeded'],
  [SQLITE, 'Graph never answers the direct assignment', 'graph', { kind: 'hang', method: 'POST', path: '/assignLicense$' }, 'failed'],
  [SQLITE, "Okta never answers the license change", 'okta', { kind: 'hang', method: 'POST', path: OKTA_APP_USER }, 'failed'],
  [POSTGRES, 'answer lost after the membership removal landed', 'graph', { kind: 'drop-after', method: 'DELETE', path: '/members/', times: 1 }, 'succeeded'],
  [POSTGRES, 'Graph never answers the membership removal', 'graph', { kind: 'hang', method: 'DELETE', path: '/members/' }, 'failed'],
];

test.concurrent.each(CASES.map(([engine, name, vendor, rule, end]) => [engine.name, name, end, engine, vendor, rule] as const))(
  '%s: %s → %s, every license kept, no write repeated',
  async (_, __, end, engine, vendor, rule) => {
    const s = await approvedAdele(engine);
    try {
      const held = await heldSkus(s);
      s.sandbox[vendor].faults.add(rule);
      const exit = await startChild(s, 'kill', 0).exit;
      expect(exit).toEqual({ signal: null, status: end });
      s.sandbox[vendor].faults.clear();
      const rt = await resumer(s);
      try {
        const after = await rt.services.get(s.requestId);
        if (end === 'failed') expect(after?.outcome?.message).toMatch(/the answer was lost \(.* did not answer within \d+ s\), and reading back shows the change is not there/);
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
