// `GET /api/v1/logs`: the System Log with since/until, filter (SCIM subset), q, sortOrder, limit and after.
// A bounded query (until given, or DESCENDING, which stops at now) gets a next link only while more events
// remain; a polling query (ASCENDING without until) always gets one, as Okta's does (reference/okta.md §4).
import type { Router, SandboxRequest, SandboxResponse } from '../http.ts';
import type { SandboxLogEvent } from '../state.ts';
import type { SandboxTenant } from '../tenant.ts';
import type { OktaSandboxContext } from './okta-context.ts';
import { oktaError, validationFailed } from './okta-errors.ts';
import { linkHeader, linkTo } from './paging.ts';
import { filterAttributes, matchesFilter, parseScimFilter, type FilterNode } from './scim-filter.ts';

const DAY = 86_400_000;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

type Query = { since: number; until: number; bounded: boolean; descending: boolean; limit: number; afterUuid: string | null; filter: FilterNode | null; keywords: string[] };

function readDate(req: SandboxRequest, name: string): number | null | SandboxResponse {
  const raw = req.url.searchParams.get(name);
  if (raw === null) return null;
  const ms = Date.parse(raw);
  if (!ISO.test(raw) || Number.isNaN(ms)) {
    return validationFailed(name, `${name}: The date format in your query is not recognized. Please enter dates using ISO8601 string format.`);
  }
  return ms;
}

const isResponse = (v: unknown): v is SandboxResponse => typeof v === 'object' && v !== null && 'status' in v;

function readQuery(req: SandboxRequest, tenant: SandboxTenant): Query | SandboxResponse {
  const p = req.url.searchParams;
  const now = tenant.now().getTime();
  const sortOrder = p.get('sortOrder') ?? 'ASCENDING';
  if (sortOrder !== 'ASCENDING' && sortOrder !== 'DESCENDING') return validationFailed('sortOrder', 'sortOrder: must be ASCENDING or DESCENDING.');
  const limitRaw = p.get('limit');
  const limit = limitRaw === null ? 100 : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 0 || limit > 1000) return validationFailed('limit', 'limit: must be an integer between 0 and 1000.');
  const sinceParam = readDate(req, 'since');
  const untilParam = readDate(req, 'until');
  if (isResponse(sinceParam)) return sinceParam;
  if (isResponse(untilParam)) return untilParam;
  const after = p.get('after');
  if (after !== null && sinceParam !== null) return validationFailed('after', 'since and after are mutually exclusive.');
  let since = sinceParam;
  let afterUuid: string | null = null;
  if (after !== null) {
    try {
      const cursor = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as { since?: unknown; uuid?: unknown };
      if (typeof cursor.since !== 'number' || (cursor.uuid !== null && typeof cursor.uuid !== 'string')) throw new Error('bad cursor');
      since = cursor.since;
      afterUuid = cursor.uuid;
    } catch {
      return validationFailed('after', 'after: not a cursor from a next link.');
    }
  }
  const until = untilParam ?? now;
  since ??= until - 7 * DAY;
  if (since < now - 180 * DAY) return oktaError(400, 'E0000053', 'The since parameter is over 180 days prior to the current day.');
  if (since > until) return validationFailed('until', 'until: must not be before since.');
  let filter: FilterNode | null = null;
  const filterText = p.get('filter');
  if (filterText !== null) {
    const parsed = parseScimFilter(filterText);
    if (!parsed.ok) return oktaError(400, 'E0000053', 'Invalid SCIM filter.', [parsed.error]);
    if (filterAttributes(parsed.filter).includes('published')) {
      return oktaError(400, 'E0000031', 'Invalid search criteria.', ['published cannot be filtered on: use since and until.']);
    }
    filter = parsed.filter;
  }
  const keywords = (p.get('q') ?? '').split(/\s+/).filter((k) => k !== '').map((k) => k.toLowerCase());
  if (keywords.length > 10 || keywords.some((k) => k.length > 40)) return validationFailed('q', 'q: at most 10 keywords of at most 40 characters.');
  const descending = sortOrder === 'DESCENDING';
  return { since, until, bounded: untilParam !== null || descending, descending, limit, afterUuid, filter, keywords };
}

function select(events: readonly SandboxLogEvent[], q: Query): SandboxLogEvent[] {
  const selected = events.filter((e) => {
    const at = Date.parse(e.published);
    if (at < q.since || at >= q.until) return false;
    if (q.filter && !matchesFilter(q.filter, e)) return false;
    const textOf = q.keywords.length > 0 ? JSON.stringify(e).toLowerCase() : '';
    return q.keywords.every((k) => textOf.includes(k));
  });
  const order = (a: SandboxLogEvent, b: SandboxLogEvent) => a.published.localeCompare(b.published) || a.uuid.localeCompare(b.uuid);
  return selected.sort((a, b) => (q.descending ? order(b, a) : order(a, b)));
}

/**
 * The last selection per log, for the pages of one query: the events a query selects and where each is, reused while
 * the log is unchanged (events are only ever added, so its length tells) — a query's next page no longer filters and
 * sorts the whole log again (a 100,000-user tenant's push failures: 9 pages of 1,000).
 */
const selections = new WeakMap<readonly SandboxLogEvent[], { readonly key: string; readonly length: number; readonly events: SandboxLogEvent[]; readonly at: Map<string, number> }>();

function selectPaged(log: readonly SandboxLogEvent[], q: Query): { events: SandboxLogEvent[]; at: Map<string, number> } {
  const key = JSON.stringify([q.since, q.until, q.descending, q.filter, q.keywords]);
  const known = selections.get(log);
  if (known && known.key === key && known.length === log.length) return known;
  const events = select(log, q);
  const at = new Map(events.map((e, n) => [e.uuid, n]));
  selections.set(log, { key, length: log.length, events, at });
  return { events, at };
}

function listLogs(req: SandboxRequest, tenant: SandboxTenant): SandboxResponse {
  const q = readQuery(req, tenant);
  if (isResponse(q)) return q;
  const { events, at } = selectPaged(tenant.state.okta.logs, q);
  const start = q.afterUuid === null ? 0 : (at.get(q.afterUuid) ?? -1) + 1;
  const page = events.slice(start, start + q.limit);
  const more = start + page.length < events.length;
  const lastUuid = page[page.length - 1]?.uuid ?? q.afterUuid;
  const cursor = Buffer.from(JSON.stringify({ since: q.since, uuid: lastUuid })).toString('base64url');
  const next = more || !q.bounded ? linkTo(req, { since: null, after: cursor, limit: String(q.limit) }) : null;
  return { status: 200, headers: { Link: linkHeader(req, next) }, body: page };
}

/** Registers the System Log route. */
export function registerLogRoutes(router: Router, { tenant }: OktaSandboxContext): void {
  router.on('GET', '/api/v1/logs', (req) => listLogs(req, tenant));
}
