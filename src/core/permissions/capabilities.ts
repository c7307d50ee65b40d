// What each thing License Doctor does needs from Microsoft Graph (application permissions, the token's `roles`) and
// Okta (OAuth scopes, or what an API token's admin role allows), and what is missing for a given grant. Pure: the
// adapters read what is granted; `license-doctor check`, /readyz and the pre-execution check use this table.
import type { PathId } from '../model/diagnosis.ts';
import { allPaths } from '../paths/path-registry.ts';
import { OKTA_GROUPS, READS, type Need } from './needs.ts';

export type CapabilityId = 'diagnose' | 'plan' | `execute:${PathId}`;

type Capability = { readonly id: CapabilityId; readonly label: string; readonly needs: readonly Need[] };

const BASE: readonly Capability[] = [
  { id: 'diagnose', label: 'diagnose', needs: READS },
  { id: 'plan', label: 'plan', needs: [...READS, OKTA_GROUPS] },
];

/** Every capability, in the order `check` lists them: diagnose, plan, then executing each path that names its needs. */
const capabilities = (): Capability[] => [
  ...BASE,
  ...allPaths().flatMap((p) => (p.execute ? [{ id: `execute:${p.id}` as const, label: p.execute.label, needs: p.execute.needs }] : [])),
];

/** The capabilities of the built-in paths, as `check` lists them. */
export const CAPABILITIES: readonly Capability[] = capabilities();

/** What the credentials were read to allow; null for a vendor whose grants could not be read. */
export interface GrantedPermissions {
  /** The Graph token's `roles` (application permissions); null when the token carries none License Doctor can read. */
  readonly graphRoles: readonly string[] | null;
  /** Okta scopes (or, for an API token, what its probes showed); null when unknown. */
  readonly oktaScopes: readonly string[] | null;
  /** Okta scopes that were not probed (neither granted nor missing as far as License Doctor knows). */
  readonly oktaUnchecked?: readonly string[];
}

export interface MissingPermission {
  readonly vendor: 'graph' | 'okta';
  readonly permission: string;
  /** Where an administrator grants it. */
  readonly grant: string;
}

export interface CapabilityLine {
  readonly id: CapabilityId;
  readonly label: string;
  /** true: everything granted; false: something missing; null: a grant could not be read. */
  readonly ok: boolean | null;
  readonly missing: readonly MissingPermission[];
  /** Permissions that could not be checked. */
  readonly unknown: readonly string[];
}

const WHERE: Record<Need['vendor'], (p: string) => string> = {
  graph: (p) => `Microsoft Entra admin center > App registrations > License Doctor's app > API permissions > Add a permission > Microsoft Graph > Application permissions > ${p}, then Grant admin consent`,
  okta: (p) => `Okta Admin Console > Applications > License Doctor's API service app > Okta API Scopes > Grant ${p} (for an API token: give its admin a role that allows it)`,
};

/** One line per capability: whether the grants allow it, and what is missing with where to grant it. */
export function assessCapabilities(granted: GrantedPermissions): CapabilityLine[] {
  const has = (need: Need): boolean | null => {
    const list = need.vendor === 'graph' ? granted.graphRoles : granted.oktaScopes;
    if (list === null) return null;
    if (need.vendor === 'okta' && (granted.oktaUnchecked ?? []).includes(need.permission)) return null;
    const set = new Set(list.map((p) => p.toLowerCase()));
    return [need.permission, ...need.alsoBy].some((p) => set.has(p.toLowerCase()));
  };
  return capabilities().map(({ id, label, needs }) => {
    const unique = needs.filter((n, i) => needs.findIndex((m) => m.permission === n.permission) === i);
    const missing = unique.filter((n) => has(n) === false).map((n) => ({ vendor: n.vendor, permission: n.permission, grant: WHERE[n.vendor](n.permission) }));
    const unknown = unique.filter((n) => has(n) === null).map((n) => n.permission);
    return { id, label, ok: missing.length > 0 ? false : unknown.length > 0 ? null : true, missing, unknown };
  });
}

/** Why the grants cannot finish `path`, or null when they can (or cannot be read: the vendor then decides). */
export function missingForExecution(granted: GrantedPermissions, path: PathId): string | null {
  const line = assessCapabilities(granted).find((l) => l.id === `execute:${path}`);
  if (!line || line.missing.length === 0) return null;
  const list = line.missing.map((m) => `${m.vendor === 'graph' ? 'Microsoft Graph' : 'Okta'} ${m.permission} (${m.grant})`).join('; ');
  return `Nothing was changed: License Doctor's credentials lack what this plan needs, so it would stop part-way. Missing: ${list}. Grant it, then approve a new request.`;
}
