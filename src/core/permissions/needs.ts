// The Graph application permissions and Okta scopes License Doctor's capabilities need, each with the broader grants
// that include it. capabilities.ts lists diagnose and plan; each path's module (core/paths) names what executing it needs.

/** One permission, and the broader ones that include it. */
export interface Need {
  readonly vendor: 'graph' | 'okta';
  readonly permission: string;
  readonly alsoBy: readonly string[];
}

const graph = (permission: string, ...alsoBy: string[]): Need => ({ vendor: 'graph', permission, alsoBy });
const okta = (permission: string, ...alsoBy: string[]): Need => ({ vendor: 'okta', permission, alsoBy });

const READ_USERS = graph('User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All');
const READ_GROUPS = graph('GroupMember.Read.All', 'Group.Read.All', 'GroupMember.ReadWrite.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All');
const READ_SKUS = graph('Organization.Read.All', 'Organization.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All');
export const ASSIGN_LICENSES = graph('LicenseAssignment.ReadWrite.All', 'User.ReadWrite.All', 'Directory.ReadWrite.All');
export const REMOVE_MEMBERS = graph('GroupMember.ReadWrite.All', 'Group.ReadWrite.All', 'Directory.ReadWrite.All');
const OKTA_READ = [okta('okta.users.read', 'okta.users.manage'), okta('okta.apps.read', 'okta.apps.manage'), okta('okta.schemas.read', 'okta.schemas.manage'), okta('okta.logs.read')];
export const OKTA_GROUPS = okta('okta.groups.read', 'okta.groups.manage');
export const OKTA_WRITE = okta('okta.apps.manage');

/** What every diagnosis reads. */
export const READS: readonly Need[] = [READ_USERS, READ_GROUPS, READ_SKUS, ...OKTA_READ];
