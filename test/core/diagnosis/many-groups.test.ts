// A user who gets a license through 1,000 groups: the diagnosis stays linear in the number of groups. Two checks a
// quadratic version fails: how often the groups are read (counted, exact), and the CPU of one diagnosis of 1,000
// groups against ten of 100 groups, the same amount of linear work, measured side by side in this test.
import { diagnose } from '../../../src/core/diagnosis/diagnose.ts';
import type { DiagnosisInput } from '../../../src/core/model/diagnosis.ts';
import type { EntraGroup } from '../../../src/core/model/entra.ts';
import { SKU_ID, diagnosisInput, entraGroup, entraUser, groupPath } from '../../factories/diagnosis-input.ts';

const groupId = (i: number): string => `9a1b0000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** `n` licensing groups granting Microsoft 365 E3, every one a path of the user's (ids in upper case, as Graph may send them). */
function manyGroups(n: number, wrap: (groups: EntraGroup[]) => readonly EntraGroup[] = (g) => g): DiagnosisInput {
  const groups = Array.from({ length: n }, (_, i) => entraGroup(groupId(i), `Licensing ${String(i).padStart(4, '0')}`));
  const user = entraUser({ licenseAssignmentStates: groups.map((g) => groupPath(SKU_ID.SPE_E3, g.id.toUpperCase())) });
  return diagnosisInput({ user, groups: wrap(groups) });
}

/** The groups array behind a proxy that counts reads of its elements. */
function counted(groups: EntraGroup[]): { groups: readonly EntraGroup[]; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(groups, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { groups: proxy, reads: () => reads };
}

/** CPU microseconds (user + system) of `run`, the least of `tries` (the least is the one least disturbed). */
function leastCpu(run: () => void, tries: number): number {
  let least = Number.POSITIVE_INFINITY;
  for (let i = 0; i < tries; i += 1) {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    least = Math.min(least, used.user + used.system);
  }
  return least;
}

test('1,000 groups: every group is named, and the groups are read a constant number of times each', () => {
  let reads = (): number => 0;
  const input = manyGroups(1_000, (groups) => {
    const c = counted(groups);
    reads = c.reads;
    return c.groups;
  });
  const report = diagnose(input);
  expect(report.verdict).toBe('group-inherited-license-conflict');
  expect(report.licenses).toHaveLength(1_000);
  expect(report.licenses.every((row) => row.group?.displayName.startsWith('Licensing '))).toBe(true);
  expect(report.conflicts[0]?.groups).toHaveLength(1_000);
  // A scan per lookup reads about 1,000 × 1,000 / 2 = 500,000 elements.
  expect(reads()).toBeLessThanOrEqual(3 * 1_000);
});

test('1,000 groups cost about as much CPU as ten diagnoses of 100 (a quadratic diagnosis costs ten times more)', () => {
  const large = manyGroups(1_000);
  const small = manyGroups(100);
  const runLarge = (): void => void diagnose(large);
  const runSmall = (): void => {
    for (let i = 0; i < 10; i += 1) diagnose(small);
  };
  // Warm up (JIT), then interleave the measurements so that a busy moment of the machine hits both.
  runLarge();
  runSmall();
  let largeCpu = Number.POSITIVE_INFINITY;
  let smallCpu = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round += 1) {
    largeCpu = Math.min(largeCpu, leastCpu(runLarge, 3));
    smallCpu = Math.min(smallCpu, leastCpu(runSmall, 3));
  }
  expect(largeCpu).toBeLessThan(4 * smallCpu);
});
