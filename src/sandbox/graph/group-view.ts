// A sandbox group as Graph serialises `microsoft.graph.group`: assignedLicenses and licenseProcessingState are
// "returned only on $select"; licenseProcessingState shows ProcessingInProgress while a license change is applied.
import type { SandboxGroup, SandboxState } from '../state.ts';
import { groupLicensingInProgress } from './licensing-queue.ts';

/** Properties the sandbox can return for a group. */
export const GROUP_PROPERTIES = [
  'id', 'deletedDateTime', 'classification', 'createdDateTime', 'description', 'displayName', 'groupTypes', 'isAssignableToRole',
  'mail', 'mailEnabled', 'mailNickname', 'membershipRule', 'membershipRuleProcessingState', 'onPremisesSyncEnabled',
  'proxyAddresses', 'securityEnabled', 'securityIdentifier', 'visibility', 'resourceBehaviorOptions', 'resourceProvisioningOptions',
  'assignedLicenses', 'licenseProcessingState',
] as const;

const SELECT_ONLY = new Set(['assignedLicenses', 'licenseProcessingState']);

/** What Graph returns for a group without `$select`. */
const GROUP_DEFAULT_PROPERTIES: readonly string[] = GROUP_PROPERTIES.filter((p) => !SELECT_ONLY.has(p));

/** A group's properties as Graph derives them. */
function groupProperties(state: SandboxState, group: SandboxGroup, now: Date): Record<string, unknown> {
  const mail = group.mailEnabled ? `${group.mailNickname}@${state.graph.domain}` : null;
  return {
    id: group.id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: null,
    description: group.description,
    displayName: group.displayName,
    groupTypes: [...group.groupTypes],
    isAssignableToRole: group.isAssignableToRole,
    mail,
    mailEnabled: group.mailEnabled,
    mailNickname: group.mailNickname,
    membershipRule: group.membershipRule,
    membershipRuleProcessingState: group.membershipRuleProcessingState,
    onPremisesSyncEnabled: group.onPremisesSyncEnabled,
    proxyAddresses: mail ? [`SMTP:${mail}`] : [],
    securityEnabled: group.securityEnabled,
    securityIdentifier: null,
    visibility: null,
    resourceBehaviorOptions: [],
    resourceProvisioningOptions: [],
    assignedLicenses: group.assignedLicenses.map((l) => ({ disabledPlans: [...l.disabledPlans], skuId: l.skuId.toLowerCase() })),
    licenseProcessingState: { state: groupLicensingInProgress(state, group.id, now) ? 'ProcessingInProgress' : 'ProcessingComplete' },
  };
}

/** The group JSON for a `$select` (null: the default set); `id` is always included. */
export function groupJson(state: SandboxState, group: SandboxGroup, select: readonly string[] | null, now: Date): Record<string, unknown> {
  const all = groupProperties(state, group, now);
  const names = select ? ['id', ...select.filter((s) => s !== 'id')] : GROUP_DEFAULT_PROPERTIES;
  return Object.fromEntries(names.map((n) => [n, all[n]]));
}
