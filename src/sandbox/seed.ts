// The seeded scenario tenant: Contoso's Entra ID tenant and Okta org, with one user per situation the bot
// must handle. `SCENARIOS` says what each seeded user demonstrates; tests and the demo page use it.
// The ids and SKUs live in seed-catalog.ts (re-exported here).
import type { AssignedLicense } from '../core/model/entra.ts';
import type { Verdict } from '../core/model/diagnosis.ts';
import { pushEvent, sandboxUuid } from './log-events.ts';
import { entraId, GROUP, lic, OKTA_APP, OKTA_GROUP, oktaId, SANDBOX_DOMAIN, SANDBOX_TENANT_ID, SKU, SKUS, WORKFLOWS_FLOW } from './seed-catalog.ts';
import type {
  SandboxAppUser,
  SandboxEntraUser,
  SandboxGroup,
  SandboxOktaApp,
  SandboxOktaUser,
  SandboxState,
} from './state.ts';


/** One seeded person: both sides, as in a real org where Okta pushes users into Entra ID. */
interface Person {
  readonly n: number;
  readonly first: string;
  readonly last: string;
  readonly title: string;
  readonly department: string;
  readonly usageLocation?: string | null;
  readonly direct?: AssignedLicense[];
  readonly groups?: string[];
  /** Absent: not in Okta at all. */
  readonly okta?: {
    readonly status?: SandboxOktaUser['status'];
    /** Office 365 app assignments: app id -> assignment. */
    readonly apps?: Record<string, { scope?: 'USER' | 'GROUP'; licenses: string[]; roles?: string[]; syncState?: SandboxAppUser['syncState']; failedPushHoursAgo?: number }>;
    readonly groups?: string[];
  };
}

const upn = (p: { first: string; last: string }) => `${p.first}.${p.last}@${SANDBOX_DOMAIN}`.toLowerCase();

const PEOPLE: Person[] = [
  { n: 1, first: 'Adele', last: 'Vance', title: 'Retail Manager', department: 'Retail', groups: [GROUP.E3],
    okta: { apps: { [OKTA_APP.MAIN]: { licenses: [], syncState: 'ERROR', failedPushHoursAgo: 2 } } } },
  { n: 2, first: 'Megan', last: 'Bowen', title: 'Marketing Manager', department: 'Marketing', direct: [lic(SKU.ENTERPRISEPACK)], groups: [GROUP.E3],
    okta: { apps: { [OKTA_APP.MAIN]: { licenses: ['ENTERPRISEPACK'], syncState: 'ERROR', failedPushHoursAgo: 5 } } } },
  { n: 3, first: 'Alex', last: 'Wilber', title: 'Account Executive', department: 'Sales',
    okta: { apps: { [OKTA_APP.MAIN]: { licenses: [], syncState: 'ERROR', failedPushHoursAgo: 20 } } } },
  { n: 4, first: 'Lynne', last: 'Robbins', title: 'Financial Analyst', department: 'Finance', direct: [lic(SKU.SPE_E3)], groups: [GROUP.FINANCE_ONPREM],
    okta: { apps: { [OKTA_APP.MAIN]: { licenses: ['SPE_E3'], syncState: 'ERROR', failedPushHoursAgo: 30 } } } },
  { n: 5, first: 'Diego', last: 'Siciliani', title: 'Paralegal', department: 'Legal', groups: [GROUP.LEGAL_MAIL],
    okta: { apps: { [OKTA_APP.MAIN]: { licenses: [], syncState: 'ERROR', failedPushHoursAgo: 8 } } } },
  { n: 6, first: 'Isaiah', last: 'Langer', title: 'Helpdesk Administrator', department: 'IT', groups: [GROUP.ADMINS_ROLE],
    okta: { apps: { [OKTA_APP.MAIN]: { licenses: [], syncState: 'ERROR', failedPushHoursAgo: 1 } } } },
  { n: 7, first: 'Grady', last: 'Archie', title: 'Designer', department: 'R&D', direct: [lic(SKU.SPE_E3)], groups: [GROUP.E3],
    okta: { apps: { [OKTA_APP.MAIN]: { licenses: ['SPE_E3'], syncState: 'SYNCHRONIZED' } } } },
  { n: 8, first: 'Johanna', last: 'Lorenz', title: 'Data Analyst', department: 'Finance', direct: [lic(SKU.SPE_E3)], groups: [GROUP.POWER_BI],
    okta: { apps: { [OKTA_APP.MAIN]: { licenses: ['SPE_E3'], syncState: 'SYNCHRONIZED' } } } },
  { n: 9, first: 'Lee', last: 'Gu', title: 'Director', department: 'Manufacturing', direct: [lic(SKU.SPE_E3), lic(SKU.VISIOCLIENT)],
    okta: { apps: { [OKTA_APP.MAIN]: { licenses: ['SPE_E3', 'VISIOCLIENT'], syncState: 'SYNCHRONIZED' } } } },
  { n: 10, first: 'Pradeep', last: 'Gupta', title: 'Accountant', department: 'Finance', groups: [GROUP.E3], okta: {} },
  { n: 11, first: 'Nestor', last: 'Wilke', title: 'Director of Operations', department: 'Operations', groups: [GROUP.E3] },
  { n: 12, first: 'Kai', last: 'Carter', title: 'Contract Developer', department: 'R&D', groups: [GROUP.E3],
    okta: { apps: { [OKTA_APP.CONTRACTORS]: { licenses: [], syncState: 'SYNCHRONIZED' } } } },
  { n: 13, first: 'Miriam', last: 'Graham', title: 'Director', department: 'Marketing', direct: [lic(SKU.ENTERPRISEPACK)], groups: [GROUP.E3],
    okta: { groups: [OKTA_GROUP.O365_STANDARD], apps: { [OKTA_APP.MAIN]: { scope: 'GROUP', licenses: ['ENTERPRISEPACK'], syncState: 'ERROR', failedPushHoursAgo: 3 } } } },
  { n: 14, first: 'Henrietta', last: 'Mueller', title: 'Developer', department: 'R&D', usageLocation: null, groups: [GROUP.E3],
    okta: { apps: { [OKTA_APP.MAIN]: { licenses: [], syncState: 'ERROR', failedPushHoursAgo: 4 } } } },
  { n: 15, first: 'Ben', last: 'Walters', title: 'Consultant', department: 'Consulting', direct: [lic(SKU.SPE_E3)],
    okta: { apps: { [OKTA_APP.MAIN]: { licenses: ['SPE_E3'] }, [OKTA_APP.CONTRACTORS]: { licenses: ['SPE_E3'] } } } },
  // People who use License Doctor: a helpdesk agent, two approvers (one through a nested group), a non-approver.
  { n: 20, first: 'Allan', last: 'Deyoung', title: 'Helpdesk Agent', department: 'IT', direct: [lic(SKU.SPE_E3)],
    okta: { apps: { [OKTA_APP.MAIN]: { licenses: ['SPE_E3'] } } } },
  { n: 21, first: 'Patti', last: 'Fernandez', title: 'Identity Administrator', department: 'IT', direct: [lic(SKU.SPE_E5)], groups: [GROUP.APPROVERS],
    okta: { apps: { [OKTA_APP.MAIN]: { licenses: ['SPE_E5'] } } } },
  { n: 22, first: 'Christie', last: 'Cline', title: 'IAM Engineer', department: 'IT', direct: [lic(SKU.SPE_E5)], groups: [GROUP.IAM_TEAM],
    okta: { apps: { [OKTA_APP.MAIN]: { licenses: ['SPE_E5'] } } } },
  { n: 23, first: 'Debra', last: 'Berger', title: 'Administrative Assistant', department: 'Executive', direct: [lic(SKU.SPE_E3)],
    okta: { apps: { [OKTA_APP.MAIN]: { licenses: ['SPE_E3'] } } } },
  // Members of the E3 licensing group who are not scenarios of their own (they make its blast radius real).
  { n: 30, first: 'Irvin', last: 'Sayers', title: 'Director', department: 'Research', groups: [GROUP.E3] },
  { n: 31, first: 'Joni', last: 'Sherman', title: 'Paralegal', department: 'Legal', groups: [GROUP.E3] },
  // Power BI Pro: both seats are used by these two, which is why Johanna's group assignment fails.
  { n: 32, first: 'Lidia', last: 'Holloway', title: 'Product Manager', department: 'Engineering', direct: [lic(SKU.POWER_BI_PRO)] },
  { n: 33, first: 'Enrico', last: 'Cattaneo', title: 'Attorney', department: 'Legal', direct: [lic(SKU.POWER_BI_PRO)] },
];

/** What each seeded user demonstrates; the demo page lists these and tests cover every one. */
export interface Scenario {
  readonly userPrincipalName: string;
  readonly title: string;
  readonly demonstrates: string;
  /** The verdict a fresh sandbox gives; null for an outcome that is not a verdict (e.g. a configuration error). */
  readonly verdict: Verdict | null;
}

const scenarioUpn = (n: number): string => {
  const p = PEOPLE.find((x) => x.n === n);
  if (!p) throw new Error(`no seeded person ${n}`);
  return upn(p);
};

export { GROUP, OKTA_APP, OKTA_GROUP, SANDBOX_TENANT_ID, SKU, WORKFLOWS_FLOW };

export const SCENARIOS: readonly Scenario[] = [
  { userPrincipalName: scenarioUpn(1), title: 'The KB error, blank Okta licenses', verdict: 'group-inherited-license-conflict',
    demonstrates: 'Microsoft 365 E3 comes from a cloud group; Okta holds no licenses for her, so every push tries to remove it and fails. Path 1 can finish on its own.' },
  { userPrincipalName: scenarioUpn(2), title: 'Okta holds a different license', verdict: 'group-inherited-license-conflict',
    demonstrates: 'Okta holds Office 365 E3; a group gives Microsoft 365 E3, which Okta keeps trying to remove.' },
  { userPrincipalName: scenarioUpn(3), title: 'Dynamic licensing group', verdict: 'group-inherited-license-conflict',
    demonstrates: 'The license comes from a dynamic group (department = Sales): membership cannot be removed, only the rule or his attributes changed.' },
  { userPrincipalName: scenarioUpn(4), title: 'Group synced from on-premises AD', verdict: 'group-inherited-license-conflict',
    demonstrates: 'Office 365 E3 comes from a group mastered in on-premises Active Directory: membership must change there.' },
  { userPrincipalName: scenarioUpn(5), title: 'Mail-enabled security group', verdict: 'group-inherited-license-conflict',
    demonstrates: 'The licensing group is mail-enabled: Graph cannot change its members; Exchange Online can.' },
  { userPrincipalName: scenarioUpn(6), title: 'Role-assignable group', verdict: 'group-inherited-license-conflict',
    demonstrates: 'Microsoft 365 E5 comes from a role-assignable group, whose membership needs a privileged role to change.' },
  { userPrincipalName: scenarioUpn(7), title: 'Licensed twice, pushes still pass', verdict: 'dual-managed-license',
    demonstrates: 'Okta and a group both grant Microsoft 365 E3: fine today, but any license change in Okta will fail.' },
  { userPrincipalName: scenarioUpn(8), title: 'Out of seats', verdict: 'other-license-error',
    demonstrates: 'The Power BI group assignment fails with CountViolation (no free seats); nothing to do with Okta.' },
  { userPrincipalName: scenarioUpn(9), title: 'Healthy user', verdict: 'no-conflict',
    demonstrates: 'Okta grants every license directly and its last push succeeded.' },
  { userPrincipalName: scenarioUpn(10), title: 'In Okta, not assigned to Office 365', verdict: 'not-managed-by-okta',
    demonstrates: 'Okta knows him but does not push him to Office 365, so Okta cannot cause this error for him.' },
  { userPrincipalName: scenarioUpn(11), title: 'Not in Okta', verdict: 'not-managed-by-okta',
    demonstrates: 'A cloud-only account that Okta does not manage.' },
  { userPrincipalName: scenarioUpn(12), title: 'Provisioning off', verdict: 'okta-provisioning-disabled',
    demonstrates: 'He is assigned to the Contractors Office 365 instance, whose provisioning is turned off: Okta pushes nothing now.' },
  { userPrincipalName: scenarioUpn(13), title: 'Okta group assignment', verdict: 'group-inherited-license-conflict',
    demonstrates: 'Okta grants her licenses through the "O365 Standard" group assignment, which lacks the E3 an Entra group gives her.' },
  { userPrincipalName: scenarioUpn(14), title: 'No usage location', verdict: 'group-inherited-license-conflict',
    demonstrates: 'Group licensing works without a usage location, but a direct assignment does not: path 1 first needs one set.' },
  { userPrincipalName: scenarioUpn(15), title: 'Two Office 365 instances', verdict: null,
    demonstrates: 'He is assigned to two active Office 365 app instances, so License Doctor asks for OKTA_O365_APP_ID instead of guessing.' },
];

/** The people who use the bot in the sandbox (personas of the demo page). */
export const PERSONAS = {
  agent: scenarioUpn(20),
  approver: scenarioUpn(21),
  secondApprover: scenarioUpn(22),
  nonApprover: scenarioUpn(23),
} as const;

const ago = (now: Date, hours: number) => new Date(now.getTime() - hours * 3_600_000);

function entraUser(p: Person): SandboxEntraUser {
  return {
    id: entraId(p.n),
    userPrincipalName: upn(p),
    displayName: `${p.first} ${p.last}`,
    mail: upn(p),
    givenName: p.first,
    surname: p.last,
    jobTitle: p.title,
    department: p.department,
    usageLocation: p.usageLocation === undefined ? 'US' : p.usageLocation,
    accountEnabled: true,
    onPremisesSyncEnabled: null,
    directLicenses: p.direct ?? [],
  };
}

function group(id: string, displayName: string, kind: Partial<SandboxGroup>, licenses: AssignedLicense[]): SandboxGroup {
  const nickname = displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return {
    id, displayName, description: null, groupTypes: [], membershipRule: null, membershipRuleProcessingState: null,
    onPremisesSyncEnabled: null, mailEnabled: false, mailNickname: nickname, securityEnabled: true, isAssignableToRole: false,
    assignedLicenses: licenses, members: [], ...kind,
  };
}

/** A fresh copy of the scenario tenant; `now` anchors every timestamp (failures "2 hours ago", ...). */
export function seedTenant(now: Date = new Date()): SandboxState {
  const iso = (d: Date) => d.toISOString();
  const created = iso(ago(now, 24 * 400));
  const groups: SandboxGroup[] = [
    group(GROUP.E3, 'Licensing - Microsoft 365 E3', { description: 'Everyone who gets Microsoft 365 E3' }, [lic(SKU.SPE_E3)]),
    group(GROUP.SALES_DYNAMIC, 'Sales (dynamic) - Microsoft 365 E3', {
      groupTypes: ['DynamicMembership'], membershipRule: 'user.department -eq "Sales"', membershipRuleProcessingState: 'On' }, [lic(SKU.SPE_E3)]),
    group(GROUP.FINANCE_ONPREM, 'CONTOSO Finance Licensing', { onPremisesSyncEnabled: true }, [lic(SKU.ENTERPRISEPACK)]),
    group(GROUP.LEGAL_MAIL, 'Legal Team', { mailEnabled: true, description: 'Mail-enabled security group of the legal team' }, [lic(SKU.SPE_E3)]),
    group(GROUP.ADMINS_ROLE, 'Helpdesk Administrators', { isAssignableToRole: true }, [lic(SKU.SPE_E5)]),
    group(GROUP.POWER_BI, 'Power BI Pro users', {}, [lic(SKU.POWER_BI_PRO)]),
    group(GROUP.APPROVERS, 'License Doctor Approvers', { description: 'May approve License Doctor changes' }, []),
    group(GROUP.IAM_TEAM, 'IAM Team', {}, []),
    group(GROUP.VISIO, 'Visio users', {}, [lic(SKU.VISIOCLIENT)]),
  ];
  const byId = new Map(groups.map((g) => [g.id, g]));
  // Approvers: Patti directly, Christie through the nested IAM Team group.
  byId.get(GROUP.APPROVERS)?.members.push(GROUP.IAM_TEAM);

  const users: SandboxEntraUser[] = [];
  const oktaUsers: SandboxOktaUser[] = [];
  const apps: SandboxOktaApp[] = [
    oktaApp(OKTA_APP.MAIN, 'Microsoft Office 365', 'ACTIVE', 'ENABLED', created),
    oktaApp(OKTA_APP.CONTRACTORS, 'Microsoft Office 365 - Contractors', 'ACTIVE', 'DISABLED', created),
    oktaApp(OKTA_APP.RETIRED, 'Microsoft Office 365 (retired pilot)', 'INACTIVE', 'DISABLED', created),
  ];
  const appById = new Map(apps.map((a) => [a.id, a]));
  const oktaGroups = [
    { id: OKTA_GROUP.O365_STANDARD, name: 'O365 Standard', description: 'Gets Office 365 E3 from Okta', members: [] as string[] },
    { id: OKTA_GROUP.EVERYONE, name: 'Everyone', description: 'All users in the org', members: [] as string[] },
  ];
  const logs = [];

  for (const p of PEOPLE) {
    const u = entraUser(p);
    users.push(u);
    for (const g of p.groups ?? []) byId.get(g)?.members.push(u.id);
    if (!p.okta) continue;
    const okta: SandboxOktaUser = {
      id: oktaId('00u', p.n), login: u.userPrincipalName, email: u.userPrincipalName,
      firstName: p.first, lastName: p.last, status: p.okta.status ?? 'ACTIVE',
    };
    oktaUsers.push(okta);
    oktaGroups[1]?.members.push(okta.id);
    for (const g of p.okta.groups ?? []) oktaGroups.find((x) => x.id === g)?.members.push(okta.id);
    for (const [appId, a] of Object.entries(p.okta.apps ?? {})) {
      const app = appById.get(appId);
      if (!app) continue;
      const lastSync = a.failedPushHoursAgo === undefined ? iso(ago(now, 26)) : iso(ago(now, a.failedPushHoursAgo + 24));
      app.appUsers.push({
        userId: okta.id, scope: a.scope ?? 'USER', status: 'PROVISIONED',
        syncState: a.syncState ?? (app.connection === 'ENABLED' ? 'SYNCHRONIZED' : 'DISABLED'),
        externalId: u.id, userName: u.userPrincipalName, created, lastUpdated: lastSync, lastSync,
        profile: {
          [app.schema.licensesAttribute]: a.licenses, [app.schema.rolesAttribute]: a.roles ?? [],
          email: u.mail, firstName: p.first, lastName: p.last, displayName: u.displayName,
          department: p.department, title: p.title, usageLocation: u.usageLocation,
        },
      });
      if (a.failedPushHoursAgo !== undefined) {
        logs.push(pushEvent({
          now: ago(now, a.failedPushHoursAgo), app: { id: app.id, label: app.label },
          user: { id: okta.id, login: okta.login, displayName: u.displayName }, userName: u.userPrincipalName,
          failure: {
            httpStatus: 400, errorCode: 'Request_BadRequest',
            errorMessage: 'User license is inherited from a group membership and it cannot be removed directly from the user.',
            requestId: sandboxUuid(`req|${p.n}`), clientRequestId: sandboxUuid(`creq|${p.n}`),
          },
        }));
      }
    }
  }
  // The Okta "O365 Standard" group assignment grants Office 365 E3 to its members (Miriam).
  appById.get(OKTA_APP.MAIN)?.groupAssignments.push({
    groupId: OKTA_GROUP.O365_STANDARD, priority: 0, lastUpdated: created,
    profile: { licenses: ['ENTERPRISEPACK'], roles: [] },
  });

  return {
    graph: {
      tenantId: SANDBOX_TENANT_ID, domain: SANDBOX_DOMAIN, skus: SKUS.map((s) => ({ ...s })), users, groups,
      // Johanna's Power BI Pro group path fails: both seats are taken.
      licensePathErrors: [{ userId: entraId(8), groupId: GROUP.POWER_BI, skuId: SKU.POWER_BI_PRO, state: 'Error', error: 'CountViolation' }],
    },
    okta: {
      orgName: 'contoso-sandbox', users: oktaUsers, groups: oktaGroups, apps, logs: logs.sort((a, b) => b.published.localeCompare(a.published)),
      workflows: [{ alias: WORKFLOWS_FLOW.alias, clientToken: WORKFLOWS_FLOW.clientToken, invocations: [] }],
    },
  };
}

function oktaApp(id: string, label: string, status: SandboxOktaApp['status'], connection: SandboxOktaApp['connection'], created: string): SandboxOktaApp {
  const provisioning = connection === 'ENABLED' ? ['PUSH_NEW_USERS', 'PUSH_PROFILE_UPDATES', 'PUSH_USER_DEACTIVATION', 'IMPORT_NEW_USERS', 'IMPORT_PROFILE_UPDATES'] : [];
  return {
    id, name: 'office365', label, status, created, lastUpdated: created, features: provisioning, connection,
    schema: { licensesAttribute: 'licenses', rolesAttribute: 'roles' }, appUsers: [], groupAssignments: [],
  };
}

/** Entra object id of a seeded person (by scenario number), for tests. */
export const seededEntraId = entraId;
/** Okta user id of a seeded person (by scenario number), for tests. */
export const seededOktaUserId = (n: number) => oktaId('00u', n);
