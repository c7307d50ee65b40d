// Every seeded scenario that has a verdict gets it from the core, given the state as the sandbox would serve it.
import { diagnose } from '../../../src/core/diagnosis/diagnose.ts';
import type { PathId } from '../../../src/core/model/diagnosis.ts';
import { GROUP, SCENARIOS, SKU, seedTenant } from '../../../src/sandbox/seed.ts';
import { diagnosisInputFromSeed } from '../../factories/diagnosis-input-from-seed.ts';

const NOW = new Date('2026-05-07T12:00:00.000Z');
const state = seedTenant(NOW);
const reportFor = (upn: string) => diagnose(diagnosisInputFromSeed(state, upn, NOW.toISOString()));
const upnOf = (title: string): string => {
  const s = SCENARIOS.find((x) => x.title === title);
  if (!s) throw new Error(`no scenario '${title}'`);
  return s.userPrincipalName;
};

describe('seeded scenarios', () => {
  test.each(SCENARIOS.filter((s) => s.verdict !== null).map((s) => [s.title, s.userPrincipalName, s.verdict] as const))('%s (%s) → %s', (_title, upn, verdict) => {
    expect(reportFor(upn).verdict).toBe(verdict);
  });

  test('a scenario without a verdict (two Office 365 apps) cannot be diagnosed without choosing the app', () => {
    const ambiguous = SCENARIOS.filter((s) => s.verdict === null);
    expect(ambiguous.length).toBeGreaterThan(0);
    for (const s of ambiguous) expect(() => diagnosisInputFromSeed(state, s.userPrincipalName, NOW.toISOString())).toThrow(/several active Office 365 apps/);
  });

  test('the KB scenario reads as the KB article does', () => {
    const report = reportFor(upnOf('The KB error, blank Okta licenses'));
    expect(report.conflicts).toEqual([{ skuId: SKU.SPE_E3, skuPartNumber: 'SPE_E3', groups: [{ id: GROUP.E3, displayName: 'Licensing - Microsoft 365 E3', kind: 'assigned' }] }]);
    expect(report.explanation).toContain("Okta's last push, 2 hours ago, tried to remove Microsoft 365 E3 from Adele Vance");
  });

  test.each<[string, string, string]>([
    ['Dynamic licensing group', 'dynamic', "'Sales (dynamic) - Microsoft 365 E3' is dynamic"],
    ['Group synced from on-premises AD', 'on-premises-synced', 'remove Lynne Robbins from it there'],
    ['Mail-enabled security group', 'mail-enabled', 'in Exchange Online'],
    ['Role-assignable group', 'role-assignable', 'Privileged Role Administrator'],
  ])('%s: the group kind reaches the report and path 1', (title, kind, reason) => {
    const report = reportFor(upnOf(title));
    expect(report.conflicts.flatMap((c) => c.groups.map((g) => g.kind))).toEqual([kind]);
    expect(report.remedies.find((r) => r.id === 'okta-owns-licenses')).toMatchObject({ available: true, reason: expect.stringContaining(reason) });
  });

  test.each<[string, PathId, Record<string, unknown>]>([
    ['No usage location', 'okta-owns-licenses', { available: false, reason: 'Set a usage location for Henrietta Mueller first: a direct license needs one' }],
    ['Okta group assignment', 'okta-owns-licenses', { scope: 'user', approvalsRequired: 1, available: true }],
    ['The KB error, blank Okta licenses', 'okta-workflows-profile-only', { available: true, reason: expect.not.stringContaining('subscription') }],
  ])('%s: %s', (title, id, expected) => {
    expect(reportFor(upnOf(title)).remedies.find((r) => r.id === id)).toMatchObject(expected);
  });

  test('out of seats reads as a seat count', () => {
    expect(reportFor(upnOf('Out of seats')).explanation).toContain('no free seats of Power BI Pro (2 of 2 used)');
  });
});
