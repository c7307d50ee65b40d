// Who is in which group in the sandbox tenant: look-ups, dynamic groups evaluated from their rule, transitive
// membership (for checkMemberGroups), and the license paths group-based licensing should give a user.
import type { SandboxEntraUser, SandboxGroup, SandboxInheritedPath, SandboxState } from '../state.ts';
import { findByKey, memberSet } from '../member-index.ts';
import { evaluateMembershipRule, parseMembershipRule, type RuleNode } from './membership-rule.ts';

/** Directory ids and names compare case-insensitively. */
export const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const same = sameId;

/** The user with this object id or user principal name (both compared case-insensitively, as Graph does). */
export function findUser(state: SandboxState, idOrUpn: string): SandboxEntraUser | undefined {
  return state.graph.users.find((u) => same(u.id, idOrUpn) || same(u.userPrincipalName, idOrUpn));
}

/** The group with this object id. */
export function findGroup(state: SandboxState, id: string): SandboxGroup | undefined {
  return state.graph.groups.find((g) => same(g.id, id));
}

/** Dynamic groups compute their members from `membershipRule`; nobody can add or remove them by hand. */
export function isDynamicGroup(group: SandboxGroup): boolean {
  return group.groupTypes.some((t) => same(t, 'DynamicMembership'));
}

const parsedRules = new Map<string, RuleNode | null>();

function ruleOf(group: SandboxGroup): RuleNode | null {
  const rule = group.membershipRule ?? '';
  if (!parsedRules.has(rule)) parsedRules.set(rule, parseMembershipRule(rule));
  return parsedRules.get(rule) ?? null;
}

function attributeOf(user: SandboxEntraUser): (name: string) => unknown {
  const entries = Object.entries(user);
  return (name) => entries.find(([k]) => same(k, name))?.[1];
}

/** The group's direct members (user or group ids); a dynamic group's come from its rule unless processing is paused. */
export function directMemberIds(state: SandboxState, group: SandboxGroup): string[] {
  if (!isDynamicGroup(group) || group.membershipRuleProcessingState === 'Paused') return [...group.members];
  const rule = ruleOf(group);
  if (!rule) return [];
  return state.graph.users.filter((u) => evaluateMembershipRule(rule, attributeOf(u))).map((u) => u.id);
}

/** Whether the object is a direct member of the group. */
export function isDirectMember(state: SandboxState, group: SandboxGroup, objectId: string): boolean {
  if (!isDynamicGroup(group) || group.membershipRuleProcessingState === 'Paused') return memberSet(group.members).has(objectId.toLowerCase());
  const rule = ruleOf(group);
  const user = findByKey(state.graph.users, objectId, (u) => u.id);
  return rule !== null && user !== undefined && evaluateMembershipRule(rule, attributeOf(user));
}

/** Whether the object is a member of the group directly or through nested groups. */
export function isTransitiveMember(state: SandboxState, group: SandboxGroup, objectId: string, seen = new Set<string>()): boolean {
  if (seen.has(group.id)) return false;
  seen.add(group.id);
  return directMemberIds(state, group).some((id) => {
    if (same(id, objectId)) return true;
    const nested = findGroup(state, id);
    return nested !== undefined && isTransitiveMember(state, nested, objectId, seen);
  });
}

/** The direct user members of a group (nested groups are not followed: group-based licensing ignores them). */
export function directUserMembers(state: SandboxState, group: SandboxGroup): SandboxEntraUser[] {
  return directMemberIds(state, group).flatMap((id) => {
    const user = state.graph.users.find((u) => same(u.id, id));
    return user ? [user] : [];
  });
}

/** The license paths group-based licensing should give the user now: one per licensed group x SKU it is a direct member of. */
export function desiredInheritedPaths(state: SandboxState, userId: string): SandboxInheritedPath[] {
  return state.graph.groups
    .filter((g) => g.securityEnabled && g.assignedLicenses.length > 0 && isDirectMember(state, g, userId))
    .flatMap((g) => g.assignedLicenses.map((l) => ({ groupId: g.id, skuId: l.skuId.toLowerCase(), disabledPlans: [...l.disabledPlans] })));
}
