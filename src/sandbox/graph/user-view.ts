// A sandbox user as Graph serialises `microsoft.graph.user`: the default property set without `$select`
// (license properties and usageLocation are "returned only on $select"), exactly the selected ones plus id with it.
import type { SandboxEntraUser, SandboxState } from '../state.ts';
import { assignedLicensesFrom, licenseAssignmentStates } from './license-computation.ts';

/** Properties the sandbox can return for a user (a `$select` of anything else is a 400, as for an unknown name). */
export const USER_PROPERTIES = [
  'id', 'businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage',
  'surname', 'userPrincipalName', 'accountEnabled', 'department', 'usageLocation', 'onPremisesSyncEnabled', 'proxyAddresses',
  'otherMails', 'userType', 'createdDateTime', 'deletedDateTime', 'assignedLicenses', 'licenseAssignmentStates',
] as const;

/** What Graph returns for a user without `$select` (user-get.md). */
const USER_DEFAULT_PROPERTIES: readonly string[] = [
  'businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id',
];

/** A user's properties as Graph derives them; `proxyAddresses` holds the primary SMTP address. */
export function userProperties(state: SandboxState, user: SandboxEntraUser, now: Date): Record<string, unknown> {
  const states = licenseAssignmentStates(state, user, now);
  return {
    id: user.id,
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    accountEnabled: user.accountEnabled,
    department: user.department,
    usageLocation: user.usageLocation,
    onPremisesSyncEnabled: user.onPremisesSyncEnabled,
    proxyAddresses: user.mail ? [`SMTP:${user.mail}`] : [],
    otherMails: [],
    userType: 'Member',
    createdDateTime: null,
    deletedDateTime: null,
    assignedLicenses: assignedLicensesFrom(states),
    licenseAssignmentStates: states,
  };
}

/** The user JSON for a `$select` (null: the default set); `id` is always included. */
export function userJson(state: SandboxState, user: SandboxEntraUser, select: readonly string[] | null, now: Date): Record<string, unknown> {
  const all = userProperties(state, user, now);
  const names = select ? ['id', ...select.filter((s) => s !== 'id')] : USER_DEFAULT_PROPERTIES;
  return Object.fromEntries(names.map((n) => [n, all[n]]));
}
