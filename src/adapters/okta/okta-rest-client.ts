// The Okta management API calls License Doctor makes, as plain JSON over the SDK's HTTP behaviour (okta-http.ts: the
// same credentials, request executor, retries and error classes as the SDK's Client, without its typed APIs and model
// classes). Method names follow the SDK's typed APIs.
import { OktaHttp, type OktaOAuthSettings } from './okta-http.ts';
import type { BudgetRequestExecutor } from './budget-request-executor.ts';

/** Items of a paged list, one at a time, following Okta's `Link: <...>; rel="next"`; null ends it. */
interface OktaPage {
  next(): Promise<{ done: boolean; value: unknown }>;
}

type Query = Record<string, string | number | undefined>;

/** The calls, with `http` for the rest (raw requests). */
export function oktaRestClient(options: { orgUrl: string; userAgent: string; requestExecutor: BudgetRequestExecutor; sswsToken: string | null; oauth: OktaOAuthSettings | null }) {
  // No response cache: a diagnosis must see live state.
  const http = new OktaHttp(options.requestExecutor, options.oauth);
  if (options.sswsToken !== null) http.defaultHeaders['Authorization'] = `SSWS ${options.sswsToken}`;
  http.defaultHeaders['User-Agent'] = options.userAgent;

  // Encoded as the SDK's typed APIs encode them (a space is %20).
  const url = (path: string, query: Query = {}): string => {
    const search = Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`])).join('&');
    return `${options.orgUrl}${path}${search ? `?${search}` : ''}`;
  };
  /** The response and its body parsed; a body that is not JSON throws SyntaxError, as the typed APIs do. */
  const fetchJson = async (href: string): Promise<{ body: unknown; link: string | null }> => {
    const res = await http.http(href, { method: 'get', headers: { Accept: 'application/json' } });
    const text = await res.text();
    return { body: JSON.parse(text) as unknown, link: res.headers.get('link') };
  };
  const get = async (path: string, query?: Query): Promise<unknown> => (await fetchJson(url(path, query))).body;
  const list = async (path: string, query?: Query): Promise<OktaPage> => {
    let nextUrl: string | null = url(path, query);
    let items: unknown[] = [];
    return {
      next: async () => {
        if (items.length === 0 && nextUrl !== null) {
          const { body, link } = await fetchJson(nextUrl);
          nextUrl = /<([^>]+)>;\s*rel="next"/.exec(link ?? '')?.[1] ?? null;
          items = Array.isArray(body) ? [...(body as unknown[])] : [];
        }
        const value: unknown = items.shift() ?? null;
        return { done: value === null && nextUrl === null, value };
      },
    };
  };
  const seg = encodeURIComponent;

  return {
    http,
    applicationApi: {
      listApplications: (q: { filter: string; limit: number }) => list('/api/v1/apps', q),
      getApplicationUser: (q: { appId: string; userId: string }) => get(`/api/v1/apps/${seg(q.appId)}/users/${seg(q.userId)}`),
      getDefaultProvisioningConnectionForApplication: (q: { appId: string }) => get(`/api/v1/apps/${seg(q.appId)}/connections/default`),
      getFeatureForApplication: (q: { appId: string; name: string }) => get(`/api/v1/apps/${seg(q.appId)}/features/${seg(q.name)}`),
      listApplicationGroupAssignments: (q: { appId: string; expand: string; limit: number }) =>
        list(`/api/v1/apps/${seg(q.appId)}/groups`, { expand: q.expand, limit: q.limit }),
      listApplicationUsers: (q: { appId: string; limit: number }) => list(`/api/v1/apps/${seg(q.appId)}/users`, { limit: q.limit }),
    },
    userApi: {
      getUser: (q: { userId: string }) => get(`/api/v1/users/${seg(q.userId)}`),
      listUserGroups: (q: { userId: string }) => list(`/api/v1/users/${seg(q.userId)}/groups`),
    },
    systemLogApi: {
      listLogEvents: (q: { since: string; until: string; filter: string; sortOrder: 'ASCENDING' | 'DESCENDING'; limit: number }) => list('/api/v1/logs', q),
    },
  };
}

/** The client `oktaRestClient` builds. */
export type OktaRestClient = ReturnType<typeof oktaRestClient>;
