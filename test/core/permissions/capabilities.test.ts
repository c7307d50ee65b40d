// The permission table: which capability needs what, broader grants, unknown grants; and README's permissions
// tables say the same as `license-doctor check`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assessCapabilities, CAPABILITIES, missingForExecution } from '../../../src/core/permissions/capabilities.ts';

const ALL_GRAPH = ['User.Read.All', 'GroupMember.Read.All', 'Organization.Read.All', 'LicenseAssignment.ReadWrite.All', 'GroupMember.ReadWrite.All'];
const ALL_OKTA = ['okta.users.read', 'okta.groups.read', 'okta.apps.read', 'okta.schemas.read', 'okta.logs.read', 'okta.apps.manage'];

describe('assessCapabilities', () => {
  test('everything granted: all ok', () => {
    expect(assessCapabilities({ graphRoles: ALL_GRAPH, oktaScopes: ALL_OKTA }).every((l) => l.ok === true)).toBe(true);
  });

  test('broader grants count (Directory.ReadWrite.All, okta.*.manage)', () => {
    const lines = assessCapabilities({ graphRoles: ['Directory.ReadWrite.All'], oktaScopes: ['okta.users.manage', 'okta.groups.manage', 'okta.apps.manage', 'okta.schemas.manage', 'okta.logs.read'] });
    expect(lines.every((l) => l.ok === true)).toBe(true);
  });

  test('unreadable grants are "not checked", never "missing"; executions are then not refused in advance', () => {
    const lines = assessCapabilities({ graphRoles: null, oktaScopes: ALL_OKTA.filter((s) => s !== 'okta.apps.manage'), oktaUnchecked: ['okta.apps.manage'] });
    expect(lines.map((l) => l.ok)).toEqual([null, null, null, null, null]);
    expect(lines[2]?.unknown).toEqual(expect.arrayContaining(['User.Read.All', 'okta.apps.manage']));
    expect(missingForExecution({ graphRoles: null, oktaScopes: null }, 'okta-owns-licenses')).toBeNull();
  });

  test('a missing write names itself and where to grant it', () => {
    const message = missingForExecution({ graphRoles: ALL_GRAPH.slice(0, 3), oktaScopes: ALL_OKTA }, 'okta-owns-licenses');
    expect(message).toMatch(/^Nothing was changed.*Microsoft Graph LicenseAssignment\.ReadWrite\.All \(Microsoft Entra admin center > App registrations.*GroupMember\.ReadWrite\.All/);
    expect(missingForExecution({ graphRoles: ALL_GRAPH.slice(0, 3), oktaScopes: ALL_OKTA }, 'entra-owns-licenses')).toBeNull();
  });
});

test("README's permissions tables list exactly what `check` needs, line by line", () => {
  const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  // Rows of the two tables: a permission, what it is used for, and the `check` lines that need it.
  const rows = [...readme.matchAll(/^\| `((?:okta\.)?[\w]+\.[\w.]+)` \| [^|]+ \| ((?:diagnose|plan|execute)[^|]*) \|$/gm)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()] as const);
  const words: Record<string, string> = {
    diagnose: 'diagnose', plan: 'plan', 'execute:okta-owns-licenses': 'execute path 1', 'execute:entra-owns-licenses': 'execute path 2',
    'execute:okta-workflows-profile-only': 'execute path 3',
  };
  const expected = new Map<string, string[]>();
  for (const c of CAPABILITIES) {
    for (const n of c.needs) expected.set(n.permission, [...new Set([...(expected.get(n.permission) ?? []), words[c.id] ?? c.id])]);
  }
  const stated = new Map(rows.map(([permission, neededBy]) => {
    const list = neededBy.replace('every path', 'execute path 1, 2, 3').split(/,\s*/).flatMap((w) => (/^\d$/.test(w) ? [`execute path ${w}`] : [w]));
    return [permission, list.map((w) => w.trim()).sort()];
  }));
  expect(Object.fromEntries(stated)).toEqual(Object.fromEntries([...expected].map(([p, l]) => [p, [...l].sort()])));
});
