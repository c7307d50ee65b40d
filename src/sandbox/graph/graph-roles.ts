// Graph application permissions in the sandbox: its tokens are JWT-shaped and carry a `roles` claim, as app-only
// tokens from Entra ID do; when started with a restricted role list, each route needs its permission and answers 403
// Authorization_RequestDenied without it. A `$batch` is refused whole when one sub-request would be (real Graph
// refuses that sub-request inside a 200; the adapter reports both the same way).
import type { SandboxRequest } from '../http.ts';

/** Every application permission License Doctor uses (README "Connecting your Entra ID tenant"). */
export const ALL_GRAPH_ROLES = ['User.Read.All', 'GroupMember.Read.All', 'Organization.Read.All', 'LicenseAssignment.ReadWrite.All', 'GroupMember.ReadWrite.All'];

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An unsigned JWT-shaped access token with these roles (the sandbox compares tokens; it never verifies signatures). */
export function sandboxGraphToken(roles: readonly string[], nonce: string): string {
  return `${b64({ typ: 'JWT', alg: 'none' })}.${b64({ aud: 'https://graph.microsoft.com', iss: 'https://sts.windows.net/sandbox/', roles, nonce })}.sandbox`;
}

const BROADER: Record<string, readonly string[]> = {
  'User.Read.All': ['User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  'GroupMember.Read.All': ['Group.Read.All', 'GroupMember.ReadWrite.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  'Organization.Read.All': ['Organization.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  'LicenseAssignment.ReadWrite.All': ['User.ReadWrite.All', 'Directory.ReadWrite.All'],
  'GroupMember.ReadWrite.All': ['Group.ReadWrite.All', 'Directory.ReadWrite.All'],
};

/** The permission a Graph call needs (relative to /v1.0), or null for one the sandbox does not restrict. */
function requiredGraphRole(method: string, path: string): string | null {
  const p = path.replace(/^\/v1\.0/, '');
  if (/\/assignLicense$/i.test(p)) return 'LicenseAssignment.ReadWrite.All';
  if (method === 'DELETE' && /^\/groups\//i.test(p)) return 'GroupMember.ReadWrite.All';
  if (/^\/subscribedSkus/i.test(p)) return 'Organization.Read.All';
  if (/^\/groups/i.test(p)) return 'GroupMember.Read.All';
  if (/^\/users/i.test(p)) return 'User.Read.All';
  return null;
}

/** The permissions `req` needs that `roles` do not grant ($batch: those of its sub-requests). */
export function deniedGraphRoles(req: SandboxRequest, roles: readonly string[]): string[] {
  const calls: Array<{ method: string; path: string }> = [{ method: req.method, path: req.path }];
  if (/\/\$batch$/.test(req.path)) {
    try {
      const body = JSON.parse(req.body) as { requests?: Array<{ method?: string; url?: string }> };
      for (const r of body.requests ?? []) calls.push({ method: (r.method ?? 'GET').toUpperCase(), path: (r.url ?? '').split('?')[0] ?? '' });
    } catch {
      // An unreadable batch is the batch route's to refuse.
    }
  }
  const granted = new Set(roles.map((r) => r.toLowerCase()));
  const needed = calls.map((c) => requiredGraphRole(c.method, c.path)).filter((r): r is string => r !== null);
  return [...new Set(needed)].filter((r) => ![r, ...(BROADER[r] ?? [])].some((g) => granted.has(g.toLowerCase())));
}
