// OktaEventHooks through the Okta SDK's `client.http` (same credentials and 429 handling as the rest of the adapter).
import { z } from 'zod';
import { LicenseDoctorError } from '../../core/errors.ts';
import type { EventHookInfo, OktaEventHooks } from '../../core/ports/okta-event-hooks.ts';
import { createOktaClient, normaliseOrgUrl, type OktaAuth } from './okta-client.ts';
import { toOktaError } from './to-okta-error.ts';

const hookSchema = z.object({
  id: z.string(), name: z.string(), status: z.string(), verificationStatus: z.string(),
  channel: z.object({ config: z.object({ uri: z.string() }) }),
}).transform((h): EventHookInfo => ({ id: h.id, name: h.name, status: h.status, verificationStatus: h.verificationStatus, uri: h.channel.config.uri }));

interface RawResponse {
  text(): Promise<string>;
}

/** The event hook API of the org at `orgUrl`. */
export function createOktaEventHooks(options: { readonly orgUrl: string; readonly auth: OktaAuth }): OktaEventHooks {
  const orgUrl = normaliseOrgUrl(options.orgUrl);
  const { client, executor } = createOktaClient({ orgUrl, auth: options.auth, maxRetries: 2, requestTimeoutMs: 15_000 });
  const call = async <S extends z.ZodType>(method: 'get' | 'post', path: string, schema: S, operation: string, body?: unknown): Promise<z.infer<S>> => {
    let text: string;
    try {
      const request = {
        method, headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      };
      const res: RawResponse = await client.http.http(`${orgUrl}${path}`, request);
      text = await res.text();
    } catch (err) {
      throw toOktaError(err, operation, { orgUrl, write: method === 'post', tokenRefusedStatus: executor.tokenRefusedStatus });
    }
    const parsed = schema.safeParse(JSON.parse(text) as unknown);
    if (!parsed.success) throw new LicenseDoctorError('okta-request-failed', `Okta answered ${operation} with an unexpected shape.`, { vendor: 'okta', operation });
    return parsed.data;
  };
  return {
    list: () => call('get', '/api/v1/eventHooks', z.array(hookSchema), 'list the event hooks'),
    create: (input) => call('post', '/api/v1/eventHooks', hookSchema, 'create the event hook', {
      name: input.name,
      events: { type: 'EVENT_TYPE', items: [...input.eventTypes] },
      channel: { type: 'HTTP', version: '1.0.0', config: { uri: input.uri, headers: [], authScheme: { type: 'HEADER', key: 'Authorization', value: input.authorization } } },
    }),
    verify: (id) => call('post', `/api/v1/eventHooks/${encodeURIComponent(id)}/lifecycle/verify`, hookSchema, 'verify the event hook'),
  };
}
