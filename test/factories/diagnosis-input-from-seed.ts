// Builds a DiagnosisInput from a sandbox tenant state the way the application layer would read it through the
// sandbox servers, computing the user's licenseAssignmentStates here: direct licenses -> direct paths; each
// licensed group the user belongs to (dynamic groups: a `user.<attr> -eq "<value>"` rule) -> group paths;
// `licensePathErrors` override a path's state. It pins the core against the seed before the HTTP end-to-end test.
import type { DiagnosisInput, OktaSnapshot } from '../../src/core/model/diagnosis.ts';
import type { EntraGroup, EntraUser, LicenseAssignmentState, SubscribedSku } from '../../src/core/model/entra.ts';
import type { OktaPushFailure } from '../../src/core/model/okta.ts';
import type { SandboxEntraUser, SandboxGroup, SandboxLogEvent, SandboxOktaApp, SandboxState } from '../../src/sandbox/state.ts';

const PUSH_FAILURE_EVENT = 'app.office365.api.error.push.profile';

function isMember(user: SandboxEntraUser, group: SandboxGroup): boolean {
  if (!group.groupTypes.includes('DynamicMembership')) return group.members.includes(user.id);
  const rule = /^user\.(\w+) -eq "([^"]*)"$/.exec(group.membershipRule ?? '');
  if (!rule) return false;
  const value: unknown = (user as unknown as Record<string, unknown>)[rule[1] ?? ''];
  return typeof value === 'string' && value.toLowerCase() === (rule[2] ?? '').toLowerCase();
}

function licensePaths(state: SandboxState, user: SandboxEntraUser): LicenseAssignmentState[] {
  const direct = user.directLicenses.map((l): LicenseAssignmentState => ({
    skuId: l.skuId, disabledPlans: l.disabledPlans, assignedByGroup: null, state: 'Active', error: null, lastUpdatedDateTime: null,
  }));
  const inherited = state.graph.groups
    .filter((g) => g.assignedLicenses.length > 0 && isMember(user, g))
    .flatMap((g) => g.assignedLicenses.map((l): LicenseAssignmentState => {
      const override = state.graph.licensePathErrors.find((e) => e.userId === user.id && e.groupId === g.id && e.skuId === l.skuId);
      return {
        skuId: l.skuId, disabledPlans: l.disabledPlans, assignedByGroup: g.id,
        state: override?.state ?? 'Active', error: override?.error ?? null, lastUpdatedDateTime: null,
      };
    }));
  return [...direct, ...inherited];
}

function toEntraGroup(g: SandboxGroup): EntraGroup {
  return {
    id: g.id, displayName: g.displayName, groupTypes: g.groupTypes, membershipRule: g.membershipRule, onPremisesSyncEnabled: g.onPremisesSyncEnabled,
    mailEnabled: g.mailEnabled, securityEnabled: g.securityEnabled, isAssignableToRole: g.isAssignableToRole, assignedLicenses: g.assignedLicenses,
  };
}

function subscribedSkus(state: SandboxState): SubscribedSku[] {
  const granted = state.graph.users.flatMap((u) => [...new Set(licensePaths(state, u).filter((p) => p.state !== 'Error').map((p) => p.skuId))]);
  return state.graph.skus.map((s) => ({
    skuId: s.skuId, skuPartNumber: s.skuPartNumber, appliesTo: 'User', capabilityStatus: s.capabilityStatus,
    consumedUnits: granted.filter((id) => id === s.skuId).length, enabledUnits: s.enabledUnits, servicePlans: s.servicePlans,
  }));
}

const record = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

function pushFailures(logs: readonly SandboxLogEvent[], oktaUserId: string, appId: string): OktaPushFailure[] {
  return logs
    .filter((e) => e.eventType === PUSH_FAILURE_EVENT)
    .filter((e) => {
      const targets = Array.isArray(e['target']) ? e['target'].map((t) => record(t)['id']) : [];
      return targets.includes(oktaUserId) && targets.includes(appId);
    })
    .map((e) => {
      const reason = record(e['outcome'])['reason'];
      return { uuid: e.uuid, published: e.published, eventType: e.eventType, message: typeof reason === 'string' ? reason : '' };
    })
    .sort((a, b) => b.published.localeCompare(a.published));
}

function oktaSnapshot(state: SandboxState, upn: string): OktaSnapshot {
  const user = state.okta.users.find((u) => u.login.toLowerCase() === upn.toLowerCase()) ?? null;
  const assigned = user ? state.okta.apps.filter((a) => a.appUsers.some((au) => au.userId === user.id)) : [];
  if (assigned.filter((a) => a.status === 'ACTIVE').length > 1) throw new Error(`${upn} is assigned to several active Office 365 apps`);
  const app: SandboxOktaApp | null = assigned[0] ?? state.okta.apps.find((a) => a.status === 'ACTIVE') ?? null;
  const au = user && app ? (app.appUsers.find((x) => x.userId === user.id) ?? null) : null;
  return {
    app: app && { id: app.id, name: app.name, label: app.label, status: app.status, features: app.features },
    user: user && { id: user.id, login: user.login, email: user.email, status: user.status, displayName: `${user.firstName} ${user.lastName}` },
    appUser: au && {
      id: au.userId, externalId: au.externalId, userName: au.userName, status: au.status, syncState: au.syncState,
      scope: au.scope, lastSync: au.lastSync, lastUpdated: au.lastUpdated, profile: au.profile,
    },
    licenseSchema: app && { licensesAttribute: app.schema.licensesAttribute, rolesAttribute: app.schema.rolesAttribute },
    provisioning: app && { connection: app.connection, userProvisioning: app.connection === 'ENABLED' ? 'ENABLED' : 'NOT_ENABLED' },
    pushFailures: user && app ? pushFailures(state.okta.logs, user.id, app.id) : [],
  };
}

/** The DiagnosisInput for the seeded user `upn`, read at `checkedAt`; throws for a user with two active apps. */
export function diagnosisInputFromSeed(state: SandboxState, upn: string, checkedAt: string): DiagnosisInput {
  const u = state.graph.users.find((x) => x.userPrincipalName.toLowerCase() === upn.toLowerCase()) ?? null;
  const paths = u ? licensePaths(state, u) : [];
  const user: EntraUser | null = u && {
    id: u.id, userPrincipalName: u.userPrincipalName, displayName: u.displayName, mail: u.mail, accountEnabled: u.accountEnabled,
    usageLocation: u.usageLocation, onPremisesSyncEnabled: u.onPremisesSyncEnabled,
    assignedLicenses: [...new Map(paths.filter((p) => p.state !== 'Error').map((p) => [p.skuId, { skuId: p.skuId, disabledPlans: p.disabledPlans }])).values()],
    licenseAssignmentStates: paths,
  };
  const groupIds = new Set(paths.flatMap((p) => (p.assignedByGroup ? [p.assignedByGroup] : [])));
  return {
    query: upn, sandbox: true, checkedAt, parsedError: null, identifier: upn,
    entra: { user, groups: state.graph.groups.filter((g) => groupIds.has(g.id)).map(toEntraGroup), subscribedSkus: subscribedSkus(state) },
    okta: user ? oktaSnapshot(state, upn) : null,
    workflowsConfigured: state.okta.workflows.length > 0,
  };
}
