// A scan's verdict for every user equals the single-user diagnosis (the same core through diagnoseIdentifier),
// on generated tenants of several seeds, with small pages so that both sides page many times; and again with a memory
// budget so small that most waiting users are spilled to the store and joined by the final merge.
import { diagnoseIdentifier } from '../../../src/app/diagnose-user.ts';
import { runScan } from '../../../src/app/scan/run-scan.ts';
import { scanRows, scanSummary } from '../../../src/app/scan/scan-report.ts';
import type { ScanUserRow } from '../../../src/core/model/scan.ts';
import { scanRow } from '../../../src/core/scan/scan-user.ts';
import { startScanHarness, type ScanHarness } from './scan-harness.ts';

async function bruteForce(h: ScanHarness): Promise<Map<string, ScanUserRow>> {
  const { state } = h.sandbox.tenant;
  const names = new Set(state.graph.users.map((u) => u.userPrincipalName));
  for (const au of state.okta.apps[0]?.appUsers ?? []) names.add(au.userName);
  const rows = new Map<string, ScanUserRow>();
  // Eight diagnoses at a time: each waits on the sandbox's HTTP answers, not on the CPU.
  const queue = [...names];
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const { report } = await diagnoseIdentifier(h.diagnoseDeps, name, name, 'upn', null);
      rows.set(name.toLowerCase(), scanRow(report.user?.userPrincipalName ?? name, report.verdict, report.conflicts, report.okta));
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return rows;
}

describe.each([1, 2, 3])('scan of a generated tenant (seed %i)', (seed) => {
  let h: ScanHarness;
  beforeAll(async () => {
    h = await startScanHarness({ users: 240, seed });
    // ~4,000 Okta calls for the brute force: a per-minute budget that large (reported and enforced per endpoint
    // family) keeps the adapters from pacing themselves to the default 600/min, which is not what this test is about.
    Object.assign(h.sandbox.tenant.behaviour, { oktaRateLimit: { perWindow: 100_000, windowSeconds: 60 } });
  });
  afterAll(async () => h.close());

  it('gives every user the verdict, SKUs, groups and push failure of a single diagnosis', async () => {
    const outcome = await runScan(h.scanDeps());
    if (outcome.kind !== 'finished') throw new Error(`scan did not run: ${outcome.kind}`);
    const scanned = new Map<string, ScanUserRow>();
    for await (const row of scanRows(h.store, outcome.run)) scanned.set(row.userPrincipalName.toLowerCase(), row);
    const expected = await bruteForce(h);
    expect([...scanned.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, row] of expected) expect({ name, row: scanned.get(name) }).toEqual({ name, row });

    // The generated mix covers what a fleet scan is for.
    const summary = await scanSummary(h.store, outcome.run);
    expect(summary.byVerdict['group-inherited-license-conflict']).toBeGreaterThan(0);
    expect(summary.byVerdict['dual-managed-license']).toBeGreaterThan(0);
    expect(summary.byVerdict['no-conflict']).toBeGreaterThan(summary.byVerdict['group-inherited-license-conflict']);
    expect(summary.byVerdict['not-managed-by-okta']).toBeGreaterThan(0);
    expect(summary.byVerdict['user-not-found']).toBeGreaterThan(0);
    expect(summary.oktaAppUsers).toBe(h.sandbox.tenant.state.okta.apps[0]?.appUsers.length);
    expect(summary.entraUsers).toBe(240);
    // A few groups carry most conflicts, among them a dynamic and an on-premises group.
    expect(summary.byGroup.slice(0, 2).map((g) => g.displayName)).toContain('Lic-M365-E3-Staff');
    expect(summary.byGroup.map((g) => g.kind)).toEqual(expect.arrayContaining(['assigned', 'dynamic', 'on-premises-synced']));
    // Users who have not failed yet but will on their next push are reported as conflicts too.
    const rows = [...scanned.values()];
    expect(rows.some((r) => r.verdict === 'group-inherited-license-conflict' && r.syncState === 'SYNCHRONIZED' && r.lastPushFailure === null)).toBe(true);
    // Both sides paged many times.
    const paths = [...h.sandbox.graph.calls, ...h.sandbox.okta.calls].map((c) => c.path);
    expect(paths.filter((p) => p === '/v1.0/users').length).toBeGreaterThan(4);
    expect(paths.filter((p) => /^\/api\/v1\/apps\/[^/]+\/users$/.test(p)).length).toBeGreaterThan(6);

    // With a memory budget of a few dozen waiting users, most wait in the store and the final merge joins them: the
    // same rows, and memory never held more than the budget.
    const spilled = await runScan(h.scanDeps({ settings: { waitingBudgetBytes: 30_000 } }));
    if (spilled.kind !== 'finished') throw new Error(`scan did not run: ${spilled.kind}`);
    expect(spilled.waiting.spilled).toBe(true);
    expect(spilled.waiting.peakBytes).toBeLessThanOrEqual(30_000);
    expect(spilled.waiting.peakBytes).toBeGreaterThan(0);
    const merged = new Map<string, ScanUserRow>();
    for await (const row of scanRows(h.store, spilled.run)) merged.set(row.userPrincipalName.toLowerCase(), row);
    expect([...merged.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, row] of expected) expect({ name, row: merged.get(name) }).toEqual({ name, row });
    // The uncapped scan of 240 users held them all in memory.
    expect(outcome.waiting.spilled).toBe(false);
  }, 180_000);
});
