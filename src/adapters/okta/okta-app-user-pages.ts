// OktaAppUserPages on the Okta SDK: the Office 365 app's users (`GET /api/v1/apps/{id}/users?limit=`) and its push
// failures from the System Log, read page by page through `client.http` (the SDK's HTTP behaviour, with the same
// credentials and 429 handling) because a scan checkpoints the `Link: rel="next"` URL of each page.
import { z } from 'zod';
import { LicenseDoctorError } from '../../core/errors.ts';
import type { OktaAppUser } from '../../core/model/okta.ts';
import type { HeadedPage, OktaAppUserPages, UserPushFailure } from '../../core/ports/scan-sources.ts';
import type { OktaSystemLog, SystemLogPage } from '../../core/ports/okta-system-log.ts';
import { createOktaClient, normaliseOrgUrl, type OktaAuth } from './okta-client.ts';
import type { OktaRequestInfo } from './budget-request-executor.ts';
import { toPushFailure } from './push-failure-message.ts';
import { logEventSchema, oktaAppUserSchema } from './schemas.ts';
import { toOktaError } from './to-okta-error.ts';

export interface OktaAppUserPagesOptions {
  readonly orgUrl: string;
  readonly auth: OktaAuth;
  readonly maxRetries?: number;
  readonly requestTimeoutMs?: number;
  readonly onRequest?: (info: OktaRequestInfo) => void;
}

interface RawResponse {
  text(): Promise<string>;
  readonly headers: { get(name: string): string | null };
}

const PUSH_FAILURES = '(eventType eq "app.office365.api.error.push.profile" or eventType eq "application.provision.user.push_profile") and outcome.result eq "FAILURE"';
/** A System Log query never ends on its own in some forms; a scan's window is read in at most this many pages. */
const MAX_LOG_PAGES = 500;
const targetsSchema = z.object({ target: z.array(z.object({ id: z.string(), type: z.string().nullish() })).nullish() });
const nullable = z.string().nullish().transform((v) => v ?? null);
const polledEventSchema = z.object({
  uuid: z.string(),
  published: z.string(),
  eventType: z.string(),
  outcome: z.object({ result: nullable }).nullish().transform((v) => v ?? null),
  target: z.array(z.object({ id: z.string(), type: nullable, alternateId: nullable })).nullish().transform((v) => v ?? []),
});

/** The `rel="next"` URL of a Link header, or null. */
function nextLink(header: string | null): string | null {
  for (const part of (header ?? '').split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part);
    if (m?.[1]) return m[1];
  }
  return null;
}

/** Validates an Okta answer; an unexpected shape is Okta's failure, named with the operation. */
function parse<S extends z.ZodType>(schema: S, json: unknown, operation: string): z.infer<S> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new LicenseDoctorError('okta-request-failed', `Okta answered ${operation} with an unexpected shape (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unreadable'}).`, { vendor: 'okta', operation });
}

/** Okta pages by Link header: the app's users, its push failures, and System Log polling. */
export function createOktaAppUserPages(options: OktaAppUserPagesOptions): OktaAppUserPages & OktaSystemLog {
  const orgUrl = normaliseOrgUrl(options.orgUrl);
  const { client, executor } = createOktaClient({
    orgUrl, auth: options.auth, maxRetries: options.maxRetries ?? 4, requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  });
  const failure = (err: unknown, operation: string): unknown =>
    err instanceof LicenseDoctorError ? err : toOktaError(err, operation, { orgUrl, tokenRefusedStatus: executor.tokenRefusedStatus });
  /** The answer's next link once its headers are in, and its body (parsed JSON) to follow. */
  const open = async (url: string, operation: string): Promise<{ next: string | null; json: Promise<unknown> }> => {
    // A next link is followed only on the org it came from: it carries License Doctor's credentials.
    if (new URL(url).origin !== new URL(orgUrl).origin) {
      throw new LicenseDoctorError('okta-unavailable', `Okta answered ${operation} with a next-page link outside ${orgUrl}; License Doctor does not follow it.`, { vendor: 'okta', operation });
    }
    let res: RawResponse;
    try {
      res = await client.http.http(url, { method: 'get', headers: { Accept: 'application/json' } });
    } catch (err) {
      throw failure(err, operation);
    }
    const json = res.text().then((text) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new LicenseDoctorError('okta-request-failed', `Okta answered ${operation} with a body that is not JSON (${text.length} characters).`, { vendor: 'okta', operation });
      }
    }, (err: unknown) => {
      throw failure(err, operation);
    });
    // Awaited by the caller; a caller that stops first (the other side failed) leaves no unhandled rejection.
    json.catch(() => undefined);
    return { next: nextLink(res.headers.get('link')), json };
  };
  const get = async (url: string, operation: string): Promise<{ json: unknown; next: string | null }> => {
    const { next, json } = await open(url, operation);
    return { json: await json, next };
  };

  return {
    logPage: async (cursor, since, types): Promise<SystemLogPage> => {
      const op = 'poll the System Log';
      const filter = `(${types.map((t) => `eventType eq "${t.replace(/["\\]/g, '')}"`).join(' or ')}) and outcome.result eq "FAILURE"`;
      const url = cursor ?? `${orgUrl}/api/v1/logs?${new URLSearchParams({ since, filter, sortOrder: 'ASCENDING', limit: '1000' }).toString()}`;
      const { json, next } = await get(url, op);
      return { events: parse(z.array(polledEventSchema), json, op), next };
    },

    appUsersPage: async (appId, cursor, pageSize): Promise<HeadedPage<OktaAppUser>> => {
      const limit = Math.min(500, Math.max(1, Math.floor(pageSize)));
      const url = cursor ?? `${orgUrl}/api/v1/apps/${encodeURIComponent(appId)}/users?limit=${limit}`;
      // The next page can be asked for as soon as this one's Link header is in, while its body is read and parsed.
      const { json, next } = await open(url, 'list the app users');
      const items = json.then((body) => parse(z.array(oktaAppUserSchema), body, 'list the app users'));
      items.catch(() => undefined);
      return { items, next };
    },

    appPushFailures: async (appId, since, until): Promise<UserPushFailure[]> => {
      const filter = `${PUSH_FAILURES} and target.id eq "${appId.replace(/["\\]/g, '')}"`;
      const query = new URLSearchParams({ since, until, filter, sortOrder: 'ASCENDING', limit: '1000' });
      let url: string | null = `${orgUrl}/api/v1/logs?${query.toString()}`;
      const failures: UserPushFailure[] = [];
      for (let pages = 0; url !== null && pages < MAX_LOG_PAGES; pages++) {
        const { json, next }: { json: unknown; next: string | null } = await get(url, 'read push failures from the System Log');
        const op = 'read push failures from the System Log';
        const events = parse(z.array(z.unknown()), json, op);
        for (const raw of events) {
          const user = parse(targetsSchema, raw, op).target?.find((t) => t.type === 'User');
          if (user) failures.push({ oktaUserId: user.id, failure: toPushFailure(parse(logEventSchema, raw, op)) });
        }
        url = events.length === 0 ? null : next;
      }
      return failures;
    },
  };
}
