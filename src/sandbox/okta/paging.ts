// Okta's cursor paging: `limit` and an opaque `after`, with an absolute `Link: <...>; rel="next"` header
// while more results remain (the SDK follows the link as given).
import type { SandboxRequest } from '../http.ts';
import { orgUrl } from './okta-context.ts';

/** Default and maximum page sizes of a list route. */
export interface PageLimits {
  readonly defaultLimit: number;
  readonly maxLimit: number;
}

/** Reads `limit`: the default when absent or not a positive integer, capped at the maximum. */
function readLimit(req: SandboxRequest, limits: PageLimits): number {
  const raw = req.url.searchParams.get('limit');
  const n = raw === null ? NaN : Number(raw);
  if (!Number.isInteger(n) || n <= 0) return limits.defaultLimit;
  return Math.min(n, limits.maxLimit);
}

/** The link to this request with some query parameters replaced (null removes one). */
export function linkTo(req: SandboxRequest, replace: Record<string, string | null>): string {
  const params = new URLSearchParams(req.url.search);
  for (const [k, v] of Object.entries(replace)) {
    if (v === null) params.delete(k);
    else params.set(k, v);
  }
  const query = params.toString();
  return `${orgUrl(req)}${req.url.pathname}${query ? `?${query}` : ''}`;
}

/** The Link header value: self, and next when there is one. */
export function linkHeader(req: SandboxRequest, next: string | null): string {
  const self = `<${linkTo(req, {})}>; rel="self"`;
  return next === null ? self : `${self}, <${next}>; rel="next"`;
}

/** Per list, where each key was when last looked for: paging a 100,000-user app was a linear search per page. */
const positions = new WeakMap<readonly unknown[], Map<string, number>>();

/** Where the item with `cursor` is in `items` (-1: not there). A remembered position is checked before it is used. */
function indexOf<T>(items: readonly T[], key: (item: T) => string, cursor: string): number {
  const known = positions.get(items)?.get(cursor);
  const item = known === undefined ? undefined : items[known];
  if (known !== undefined && item !== undefined && key(item) === cursor) return known;
  // Not seen yet, or the list changed since: indexed again (once per change, not once per page).
  const index = new Map<string, number>();
  items.forEach((i, n) => index.set(key(i), n));
  positions.set(items, index);
  return index.get(cursor) ?? -1;
}

/** One page of `items` after the `after` cursor (an item key), with its Link header. */
export function pageOf<T>(req: SandboxRequest, items: readonly T[], key: (item: T) => string, limits: PageLimits): { page: T[]; headers: Record<string, string> } {
  const limit = readLimit(req, limits);
  const after = req.url.searchParams.get('after');
  const start = after === null ? 0 : indexOf(items, key, after) + 1;
  // An unknown cursor gives an empty page rather than starting over (the client would loop).
  const page = after !== null && start === 0 ? [] : items.slice(start, start + limit);
  const last = page[page.length - 1];
  const more = last !== undefined && start + page.length < items.length;
  const next = more ? linkTo(req, { after: key(last), limit: String(limit) }) : null;
  return { page, headers: { Link: linkHeader(req, next) } };
}
