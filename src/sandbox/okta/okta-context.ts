// What the sandbox Okta routes share: the tenant, the push engine, lookups, and the org URL as the client
// addressed it (absolute links must point back to the same host and port).
import type { SandboxRequest, SandboxResponse } from '../http.ts';
import type { SandboxOktaApp, SandboxOktaUser } from '../state.ts';
import type { SandboxTenant } from '../tenant.ts';
import { malformedBody } from './okta-errors.ts';
import type { PushEngine } from './push-engine.ts';

/** What every sandbox Okta route needs. */
export interface OktaSandboxContext {
  readonly tenant: SandboxTenant;
  readonly push: PushEngine;
}

/** `http://host:port` as the request addressed the server. */
export function orgUrl(req: SandboxRequest): string {
  return `http://${req.headers.host ?? '127.0.0.1'}`;
}

/** The app instance with this id. */
export function findApp(tenant: SandboxTenant, appId: string): SandboxOktaApp | undefined {
  return tenant.state.okta.apps.find((a) => a.id === appId);
}

/** A user by id, login (case-insensitive) or unambiguous short name (the login before `@`). */
export function findOktaUser(tenant: SandboxTenant, key: string): SandboxOktaUser | undefined {
  const users = tenant.state.okta.users;
  const lower = key.toLowerCase();
  const exact = users.find((u) => u.id === key || u.login.toLowerCase() === lower);
  if (exact) return exact;
  const short = users.filter((u) => u.login.toLowerCase().split('@')[0] === lower);
  return short.length === 1 ? short[0] : undefined;
}

/** The JSON body, or Okta's E0000003 answer when it is not JSON. */
export function jsonBody(req: SandboxRequest): { ok: true; value: unknown } | { ok: false; response: SandboxResponse } {
  try {
    return { ok: true, value: JSON.parse(req.body || 'null') as unknown };
  } catch {
    return { ok: false, response: malformedBody() };
  }
}

/** True for a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON text with object keys sorted, so that two equal values give the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Deep equality of two JSON values, ignoring key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}
