// OktaOrg on @okta/okta-sdk-nodejs 8's HTTP behaviour (okta-rest-client.ts: calls named as the SDK's typed APIs, answering
// plain JSON; applicationApi holds app users, connections and features; System Log queries are bounded and stop on a
// null item). The app user schema and the writes go through `client.http` directly: the schema keeps non-standard
// attributes in `definitions.base`, and each write must report Okta's X-Okta-Request-Id.
import type { OktaProvisioning } from '../../core/model/okta.ts';
import type { OktaOrg, OktaWriteResult } from '../../core/ports/okta-org.ts';
import type { OktaRequestInfo } from './budget-request-executor.ts';
import type { OktaRateLimits } from './okta-rate-limits.ts';
import { findLicenseSchema } from './find-license-schema.ts';
import { createOktaClient, normaliseOrgUrl, type OktaAuth } from './okta-client.ts';
import { targetsUser, toPushFailure } from './push-failure-message.ts';
import {
  appUserSchemaSchema, applicationFeatureSchema, logEventSchema, oktaAppSchema, oktaAppUserSchema, oktaGroupAssignmentSchema,
  oktaGroupSchema, oktaUserSchema, provisioningConnectionSchema, toPlain,
} from './schemas.ts';
import { toOktaError } from './to-okta-error.ts';
import { TtlCache } from './ttl-cache.ts';

/** Options of `createOktaOrg`. */
export interface OktaOrgOptions {
  readonly orgUrl: string;
  readonly auth: OktaAuth;
  /** 429 retries (default 2; 0: none). */
  readonly maxRetries?: number;
  /** Time budget of one call including 429 waits, and its network timeout (default 10 s). */
  readonly requestTimeoutMs?: number;
  /** Longest wait of one call for pacing and 429 answers (default: the time budget); executions wait out a reset. */
  readonly waitBudgetMs?: number;
  /** Rate-limit knowledge shared with other OktaOrgs of the same org and token. */
  readonly rateLimits?: OktaRateLimits;
  /** How long the apps list and app user schemas are kept (default 5 min). */
  readonly cacheTtlMs?: number;
  readonly now?: () => number;
  readonly onRequest?: (info: OktaRequestInfo) => void;
}

/** The USER_PROVISIONING feature as Okta reports it now; NOT_ENABLED when provisioning is off. */
export type UserProvisioningFeature = 'ENABLED' | 'DISABLED' | 'NOT_ENABLED';

/** OktaOrg plus the live USER_PROVISIONING read of the pre-execution re-check. */
export interface OktaOrgAdapter extends OktaOrg {
  /** Reads `/features/USER_PROVISIONING` live (the pre-execution re-check). */
  getUserProvisioningFeature(appId: string): Promise<UserProvisioningFeature>;
  /** Forgets the cached apps and license schemas (the org changed behind our back, e.g. the sandbox was reset). */
  clearCaches(): void;
  /**
   * Which scopes the credentials have, probed with harmless calls (403: not granted). `okta.apps.manage` is probed with
   * a POST to an app user that cannot exist (it changes nothing) only when `write` is true.
   */
  probeScopes(options?: { readonly write?: boolean }): Promise<string[]>;
}

// The Office 365 error event is a failure by its type; the generic push event only when its outcome says so.
const PUSH_FAILURE_EVENTS = '(eventType eq "app.office365.api.error.push.profile" or (eventType eq "application.provision.user.push_profile" and outcome.result eq "FAILURE"))';
/** Events read per query: one page, newest first. */
const PUSH_FAILURE_PAGE = 20;
/** Events read by the fallback query by app target, which also sees other users' failures. */
const APP_PUSH_FAILURE_PAGE = 100;
/** App users read for a blast radius: one page of Okta's largest size. */
const APP_USERS_PAGE = 500;
const quoted = (id: string) => `"${id.replace(/["\\]/g, '')}"`;

interface RawResponse {
  text(): Promise<string>;
  readonly headers: { get(name: string): string | null };
}

type Page<T> = { next(): Promise<{ done: boolean; value: T | null }> };

/** Every item of an SDK collection, at most `max`; a null item ends it (System Log collections never end). */
async function collect<T>(collection: Page<T>, max = Number.POSITIVE_INFINITY): Promise<T[]> {
  const items: T[] = [];
  while (items.length < max) {
    const { value } = await collection.next();
    if (value === null || value === undefined) break;
    items.push(value);
  }
  return items;
}

const isStatus = (err: unknown, status: number): boolean =>
  err instanceof Error && (err.name === 'OktaApiError' || err.name === 'HttpError') && Number((err as Error & { status?: unknown }).status) === status;

/** An OktaOrg backed by the Okta management API. */
export function createOktaOrg(options: OktaOrgOptions): OktaOrgAdapter {
  const orgUrl = normaliseOrgUrl(options.orgUrl);
  const now = options.now ?? Date.now;
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  const { client, executor } = createOktaClient({
    orgUrl,
    auth: options.auth,
    maxRetries: options.maxRetries ?? 2,
    requestTimeoutMs: timeoutMs,
    ...(options.waitBudgetMs === undefined ? {} : { waitBudgetMs: options.waitBudgetMs }),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  });
  const ttl = options.cacheTtlMs ?? 5 * 60_000;
  const appsCache = new TtlCache<ReturnType<typeof oktaAppSchema.parse>[]>(ttl, now);
  const schemaCache = new TtlCache<ReturnType<typeof findLicenseSchema>>(ttl, now);

  const read = async <T>(operation: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (err) {
      throw toOktaError(err, operation, { orgUrl, timeoutMs, tokenRefusedStatus: executor.tokenRefusedStatus });
    }
  };
  const readOrNull = <T>(operation: string, call: () => Promise<T>): Promise<T | null> =>
    read(operation, async () => {
      try {
        return await call();
      } catch (err) {
        if (isStatus(err, 404)) return null;
        throw err;
      }
    });

  /** A raw call through the SDK's HTTP layer: the body text and Okta's request id. */
  const send = async (method: 'get' | 'post' | 'put', path: string, body?: unknown): Promise<{ text: string; requestId: string | null; link: string | null }> => {
    const request = {
      method,
      headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    };
    const res: RawResponse = await client.http.http(`${orgUrl}${path}`, request);
    return { text: await res.text(), requestId: res.headers.get('x-okta-request-id'), link: res.headers.get('link') };
  };
  const write = async (operation: string, method: 'post' | 'put', path: string, body?: unknown): Promise<OktaWriteResult> => {
    try {
      // Only the request id is kept: once Okta accepted the write, its answer's body changes nothing.
      const { requestId } = await send(method, path, body);
      return { requestId };
    } catch (err) {
      throw toOktaError(err, operation, { orgUrl, timeoutMs, write: true, tokenRefusedStatus: executor.tokenRefusedStatus });
    }
  };
  const seg = encodeURIComponent;

  const listOffice365Apps = () =>
    appsCache.get('office365', () =>
      read('list the Office 365 apps', async () => {
        const apps = await collect(await client.applicationApi.listApplications({ filter: 'name eq "office365"', limit: 200 }));
        return apps.map((a) => oktaAppSchema.parse(toPlain(a)));
      }));

  return {
    findUser: async (login) => {
      // An empty id would address the users list (`GET /api/v1/users/`), not a user.
      if (login.trim() === '') return null;
      return readOrNull('read the Okta user', async () => oktaUserSchema.parse(toPlain(await client.userApi.getUser({ userId: login }))));
    },

    listOffice365Apps: async () => [...(await listOffice365Apps())],

    getAppUser: (appId, userId) =>
      readOrNull('read the app user', async () =>
        oktaAppUserSchema.parse(toPlain(await client.applicationApi.getApplicationUser({ appId, userId })))),

    getLicenseSchema: (appId) =>
      schemaCache.get(appId, () =>
        read('read the app user schema', async () => {
          const { text } = await send('get', `/api/v1/meta/schemas/apps/${seg(appId)}/default`);
          return findLicenseSchema(appUserSchemaSchema.parse(JSON.parse(text)));
        })),

    getProvisioning: async (appId): Promise<OktaProvisioning> => {
      const connection = await read('read the provisioning connection', async () =>
        provisioningConnectionSchema.parse(toPlain(await client.applicationApi.getDefaultProvisioningConnectionForApplication({ appId }))));
      const app = (await listOffice365Apps()).find((a) => a.id === appId);
      const pushes = app ? app.features.includes('PUSH_NEW_USERS') || app.features.includes('PUSH_PROFILE_UPDATES') : null;
      return { connection: connection.status, userProvisioning: pushes === null ? null : pushes ? 'ENABLED' : 'DISABLED' };
    },

    getUserProvisioningFeature: (appId) =>
      read('read the USER_PROVISIONING feature', async (): Promise<UserProvisioningFeature> => {
        try {
          const feature = await client.applicationApi.getFeatureForApplication({ appId, name: 'USER_PROVISIONING' });
          return applicationFeatureSchema.parse(toPlain(feature)).status;
        } catch (err) {
          // Okta's answer while provisioning is off: 400 E0000001 "Provisioning is not enabled for the app instance."
          const e = err as Error & { errorCode?: unknown; errorCauses?: Array<{ errorSummary?: unknown }> };
          const notEnabled = isStatus(err, 400) && e.errorCode === 'E0000001'
            && (e.errorCauses ?? []).some((c) => /provisioning is not enabled/i.test(String(c.errorSummary)));
          if (notEnabled) return 'NOT_ENABLED';
          throw err;
        }
      }),

    listPushFailures: (userId, since, until) =>
      read('read push failures from the System Log', async () => {
        const filter = `target.id eq ${quoted(userId)} and ${PUSH_FAILURE_EVENTS}`;
        const events = await collect(await client.systemLogApi.listLogEvents({ since, until, filter, sortOrder: 'DESCENDING', limit: PUSH_FAILURE_PAGE }), PUSH_FAILURE_PAGE);
        return events.map((e) => toPushFailure(logEventSchema.parse(toPlain(e))));
      }),

    listAppPushFailures: (appId, userKeys, since, until) =>
      read('read push failures of the app from the System Log', async () => {
        const filter = `target.id eq ${quoted(appId)} and ${PUSH_FAILURE_EVENTS}`;
        const events = await collect(await client.systemLogApi.listLogEvents({ since, until, filter, sortOrder: 'DESCENDING', limit: APP_PUSH_FAILURE_PAGE }), APP_PUSH_FAILURE_PAGE);
        return events.map((e) => logEventSchema.parse(toPlain(e))).filter((e) => targetsUser(e, userKeys)).map(toPushFailure);
      }),

    listGroupAssignments: (appId) =>
      read('list the app group assignments', async () => {
        const list = await collect(await client.applicationApi.listApplicationGroupAssignments({ appId, expand: 'group', limit: 200 }));
        return list.map((a) => oktaGroupAssignmentSchema.parse(toPlain(a)));
      }),

    listUserGroupIds: (userId) =>
      read("list the user's Okta groups", async () =>
        (await collect(await client.userApi.listUserGroups({ userId }))).map((g) => oktaGroupSchema.parse(toPlain(g)).id)),

    countAppUsers: (appId) =>
      read('count the app users', async () => {
        // One page of the largest size Okta allows: beyond it, "more than 500" is what an approver needs to know.
        const { text, link } = await send('get', `/api/v1/apps/${seg(appId)}/users?limit=${APP_USERS_PAGE}`);
        const page: unknown = JSON.parse(text);
        const count = Array.isArray(page) ? page.length : 0;
        return { count, more: /rel="next"/.test(link ?? '') };
      }),

    updateAppUserProfile: (appId, userId, profile) =>
      write('update the app user profile', 'post', `/api/v1/apps/${seg(appId)}/users/${seg(userId)}`, { profile }),

    updateGroupAssignmentProfile: (appId, groupId, profile) =>
      write('update the group assignment profile', 'put', `/api/v1/apps/${seg(appId)}/groups/${seg(groupId)}`, { profile }),

    // The cached apps list carries the provisioning features these change.
    deactivateProvisioning: async (appId) => {
      const result = await write('deactivate provisioning', 'post', `/api/v1/apps/${seg(appId)}/connections/default/lifecycle/deactivate`);
      appsCache.clear();
      return result;
    },

    activateProvisioning: async (appId) => {
      const result = await write('activate provisioning', 'post', `/api/v1/apps/${seg(appId)}/connections/default/lifecycle/activate`);
      appsCache.clear();
      return result;
    },

    clearCaches: () => {
      appsCache.clear();
      schemaCache.clear();
    },

    probeScopes: async ({ write: probeWrite = true } = {}) => {
      const allowed = async (scope: string, method: 'get' | 'post', path: string): Promise<string[]> => {
        try {
          await send(method, path, method === 'post' ? { profile: {} } : undefined);
          return [scope];
        } catch (err) {
          if (isStatus(err, 403)) return [];
          // Not found or refused as invalid: the call got past authorisation.
          if (isStatus(err, 404) || isStatus(err, 400)) return [scope];
          throw toOktaError(err, `check the ${scope} scope`, { orgUrl, timeoutMs, tokenRefusedStatus: executor.tokenRefusedStatus });
        }
      };
      const apps = await listOffice365Apps().catch(() => []);
      const appId = apps.find((a) => a.status === 'ACTIVE')?.id ?? apps[0]?.id ?? 'none';
      // A write to an app user that cannot exist changes nothing: 404 when allowed, 403 when not.
      const noUser = '00u0000000000000000000';
      const found = await Promise.all([
        allowed('okta.users.read', 'get', '/api/v1/users?limit=1'),
        allowed('okta.groups.read', 'get', '/api/v1/groups?limit=1'),
        allowed('okta.apps.read', 'get', '/api/v1/apps?limit=1'),
        allowed('okta.logs.read', 'get', '/api/v1/logs?limit=1'),
        allowed('okta.schemas.read', 'get', `/api/v1/meta/schemas/apps/${seg(appId)}/default`),
        probeWrite ? allowed('okta.apps.manage', 'post', `/api/v1/apps/${seg(appId)}/users/${noUser}`) : Promise.resolve([]),
      ]);
      return found.flat();
    },
  };
}
