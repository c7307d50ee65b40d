import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findGroup } from '../../../src/sandbox/graph/group-membership.ts';
import { assignedLicensesFrom, consumedUnits, licenseAssignmentStates, type GraphLicenseAssignmentState } from '../../../src/sandbox/graph/license-computation.ts';
import { appliedInheritedPaths, recordLicensingChange } from '../../../src/sandbox/graph/licensing-queue.ts';
import { GROUP, SKU, seededEntraId } from '../../../src/sandbox/seed.ts';
import { SandboxTenant } from '../../../src/sandbox/tenant.ts';

const START = Date.parse('2026-03-02T09:00:00Z');

function tenantAt(delayMs: number, file?: string) {
  const clock = { t: START };
  const tenant = new SandboxTenant({ now: () => new Date(clock.t), behaviour: { groupLicensingDelayMs: delayMs }, ...(file ? { file } : {}) });
  return { tenant, clock };
}

const groupsOf = (tenant: SandboxTenant, n: number) => appliedInheritedPaths(tenant.state, seededEntraId(n), tenant.now()).map((p) => p.groupId);

function removeMember(tenant: SandboxTenant, groupId: string, n: number) {
  const group = findGroup(tenant.state, groupId);
  recordLicensingChange(tenant, [seededEntraId(n)], () => {
    if (group) group.members = group.members.filter((m) => m !== seededEntraId(n));
  });
}

function addMember(tenant: SandboxTenant, groupId: string, n: number) {
  recordLicensingChange(tenant, [seededEntraId(n)], () => findGroup(tenant.state, groupId)?.members.push(seededEntraId(n)));
}

describe('asynchronous group-based licensing', () => {
  it('applies a membership change only after the delay', () => {
    const { tenant, clock } = tenantAt(1_000);
    removeMember(tenant, GROUP.E3, 1);
    expect(groupsOf(tenant, 1)).toEqual([GROUP.E3]);
    clock.t += 999;
    expect(groupsOf(tenant, 1)).toEqual([GROUP.E3]);
    clock.t += 1;
    expect(groupsOf(tenant, 1)).toEqual([]);
  });

  it('applies changes in order when a second one comes before the first is done', () => {
    const { tenant, clock } = tenantAt(1_000);
    removeMember(tenant, GROUP.E3, 1);
    clock.t += 500;
    addMember(tenant, GROUP.VISIO, 1);
    expect(groupsOf(tenant, 1)).toEqual([GROUP.E3]);
    clock.t += 500;
    expect(groupsOf(tenant, 1)).toEqual([]);
    clock.t += 500;
    expect(groupsOf(tenant, 1)).toEqual([GROUP.VISIO]);
    expect(tenant.state.graph.pendingLicensing).toHaveLength(2);
    addMember(tenant, GROUP.POWER_BI, 1);
    expect(tenant.state.graph.pendingLicensing).toHaveLength(1);
  });

  it('ends where it started when a change is undone before it took effect', () => {
    const { tenant, clock } = tenantAt(1_000);
    removeMember(tenant, GROUP.E3, 1);
    addMember(tenant, GROUP.E3, 1);
    clock.t += 5_000;
    expect(groupsOf(tenant, 1)).toEqual([GROUP.E3]);
  });

  it('with no delay, applies at once and keeps no pending change', () => {
    const { tenant } = tenantAt(0);
    removeMember(tenant, GROUP.E3, 1);
    expect(groupsOf(tenant, 1)).toEqual([]);
    expect(tenant.state.graph.pendingLicensing).toBeUndefined();
  });

  it('keeps the pending change in the state file, so another process sees the same timing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ld-graph-'));
    try {
      const file = join(dir, 'sandbox.json');
      const first = tenantAt(1_000, file);
      removeMember(first.tenant, GROUP.E3, 1);
      first.tenant.save();
      const second = tenantAt(1_000, file);
      expect(groupsOf(second.tenant, 1)).toEqual([GROUP.E3]);
      second.clock.t += 1_000;
      expect(groupsOf(second.tenant, 1)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('license computation', () => {
  const path = (assignedByGroup: string | null, state: string, disabledPlans: string[] = []): GraphLicenseAssignmentState => ({
    assignedByGroup, disabledPlans, error: 'None', lastUpdatedDateTime: '2026-01-01T00:00:00Z', skuId: SKU.SPE_E3, state,
  });

  it.each([
    ['one direct path', [path(null, 'Active', ['a', 'b'])], [{ skuId: SKU.SPE_E3, disabledPlans: ['a', 'b'] }]],
    ['direct and inherited: a plan is disabled only if every path disables it', [path(null, 'Active', ['a', 'b']), path(GROUP.E3, 'ActiveWithError', ['b'])], [{ skuId: SKU.SPE_E3, disabledPlans: ['b'] }]],
    ['a path in Error grants nothing', [path(GROUP.E3, 'Error')], []],
  ])('assignedLicenses: %s', (_label, states, expected) => {
    expect(assignedLicensesFrom(states)).toEqual(expected);
  });

  it('reports direct paths first, then group paths, with licensePathErrors applied', () => {
    const { tenant } = tenantAt(0);
    const user = tenant.state.graph.users.find((u) => u.id === seededEntraId(8));
    const states = user ? licenseAssignmentStates(tenant.state, user, tenant.now()) : [];
    expect(states.map((s) => [s.skuId, s.assignedByGroup, s.state, s.error])).toEqual([
      [SKU.SPE_E3, null, 'Active', 'None'],
      [SKU.POWER_BI_PRO, GROUP.POWER_BI, 'Error', 'CountViolation'],
    ]);
  });

  it('counts a seat once per user, and not for a path in Error', () => {
    const { tenant } = tenantAt(0);
    expect(consumedUnits(tenant.state, SKU.POWER_BI_PRO, tenant.now())).toBe(2);
    // 7 direct holders, 9 more E3 group members (Grady has both paths, counted once), Alex (dynamic), Diego (mail group).
    expect(consumedUnits(tenant.state, SKU.SPE_E3, tenant.now())).toBe(18);
  });
});
