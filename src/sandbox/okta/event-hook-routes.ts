// Okta's event hook API (specs/okta-management-openapi.yaml `/api/v1/eventHooks`): create, list, read, and the one-time
// verification, for which Okta calls the hook's URI with `x-okta-verification-challenge` and the configured auth
// header and expects `{"verification": <challenge>}` back. Hooks are kept in memory (not in the tenant state file).
// Friendlier than Okta: http URIs are accepted for loopback hosts (Okta requires https).
import { randomBytes } from 'node:crypto';
import type { Router, SandboxRequest, SandboxResponse } from '../http.ts';
import { isRecord, jsonBody, orgUrl, type OktaSandboxContext } from './okta-context.ts';
import { notFound, oktaError, validationFailed } from './okta-errors.ts';

/** Event types Okta lets a hook subscribe to, as far as License Doctor uses them. */
const ELIGIBLE = new Set(['application.provision.user.push_profile', 'application.provision.user.push', 'application.provision.user.sync', 'user.lifecycle.activate', 'user.lifecycle.deactivate', 'group.user_membership.add']);

interface SandboxEventHook {
  readonly id: string;
  readonly name: string;
  readonly items: string[];
  readonly uri: string;
  readonly auth: { key: string; value: string } | null;
  verificationStatus: 'UNVERIFIED' | 'VERIFIED';
  readonly created: string;
}

function hookJson(req: SandboxRequest, h: SandboxEventHook): Record<string, unknown> {
  const self = `${orgUrl(req)}/api/v1/eventHooks/${h.id}`;
  return {
    id: h.id, status: 'ACTIVE', verificationStatus: h.verificationStatus, name: h.name, description: null, created: h.created, lastUpdated: h.created,
    events: { type: 'EVENT_TYPE', items: h.items, filter: null },
    // Okta never returns the auth scheme's value.
    channel: { type: 'HTTP', version: '1.0.0', config: { uri: h.uri, headers: [], method: 'POST', ...(h.auth ? { authScheme: { type: 'HEADER', key: h.auth.key } } : {}) } },
    _links: { self: { href: self }, verify: { href: `${self}/lifecycle/verify`, hints: { allow: ['POST'] } } },
  };
}

function parseHook(value: unknown, now: string): SandboxEventHook | SandboxResponse {
  if (!isRecord(value) || typeof value.name !== 'string' || value.name === '') return validationFailed('name', 'name: The field cannot be left blank.');
  const events = value.events;
  const items = isRecord(events) && Array.isArray(events.items) ? events.items.filter((i): i is string => typeof i === 'string') : [];
  if (!isRecord(events) || events.type !== 'EVENT_TYPE' || items.length === 0) return validationFailed('events', 'events: at least one event type is required.');
  const bad = items.find((i) => !ELIGIBLE.has(i));
  if (bad) return validationFailed('events', `events: ${bad} is not an event hook eligible event type.`);
  const config = isRecord(value.channel) && isRecord(value.channel.config) ? value.channel.config : null;
  const uri = typeof config?.uri === 'string' ? config.uri : '';
  const url = URL.canParse(uri) ? new URL(uri) : null;
  if (!url || !(url.protocol === 'https:' || ['127.0.0.1', 'localhost'].includes(url.hostname))) return validationFailed('channel', 'channel.config.uri: must be an https URL.');
  const scheme = isRecord(config?.authScheme) ? config.authScheme : null;
  const auth = scheme && typeof scheme.key === 'string' && typeof scheme.value === 'string' ? { key: scheme.key, value: scheme.value } : null;
  return { id: `who${randomBytes(9).toString('hex').slice(0, 17)}`, name: value.name, items, uri, auth, verificationStatus: 'UNVERIFIED', created: now };
}

async function verify(h: SandboxEventHook): Promise<boolean> {
  const challenge = randomBytes(16).toString('hex');
  try {
    const res = await fetch(h.uri, { headers: { 'x-okta-verification-challenge': challenge, ...(h.auth ? { [h.auth.key]: h.auth.value } : {}) }, signal: AbortSignal.timeout(3000) });
    const body = (await res.json()) as unknown;
    return res.ok && isRecord(body) && body.verification === challenge;
  } catch {
    return false;
  }
}

/** Registers the event hook routes. */
export function registerEventHookRoutes(router: Router, { tenant }: OktaSandboxContext): void {
  const hooks: SandboxEventHook[] = [];
  const find = (req: SandboxRequest) => hooks.find((h) => h.id === req.params.hookId);
  router.on('GET', '/api/v1/eventHooks', (req) => ({ status: 200, body: hooks.map((h) => hookJson(req, h)) }));
  router.on('POST', '/api/v1/eventHooks', (req) => {
    const body = jsonBody(req);
    if (!body.ok) return body.response;
    const hook = parseHook(body.value, tenant.now().toISOString());
    if ('status' in hook) return hook;
    hooks.push(hook);
    return { status: 200, body: hookJson(req, hook) };
  });
  router.on('GET', '/api/v1/eventHooks/:hookId', (req) => {
    const hook = find(req);
    return hook ? { status: 200, body: hookJson(req, hook) } : notFound(req.params.hookId ?? '', 'EventHook');
  });
  router.on('POST', '/api/v1/eventHooks/:hookId/lifecycle/verify', async (req) => {
    const hook = find(req);
    if (!hook) return notFound(req.params.hookId ?? '', 'EventHook');
    if (!(await verify(hook))) return oktaError(400, 'E0000001', 'Api validation failed: Verification failed', ['Event hook verification failed: the endpoint did not answer the challenge.']);
    hook.verificationStatus = 'VERIFIED';
    return { status: 200, body: hookJson(req, hook) };
  });
}
