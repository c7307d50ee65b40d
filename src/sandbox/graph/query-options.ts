// OData system query options the sandbox honours: $select (validated against the type), $top and server-driven
// paging with an opaque $skiptoken in an absolute `@odata.nextLink`, as Graph pages directory collections.
import type { SandboxRequest } from '../http.ts';
import { serviceRoot } from './graph-context.ts';
import { GraphFailure } from './graph-response.ts';

/** The `$select`ed properties with their canonical spelling, or null without `$select`; unknown names are a 400. */
export function selectOption(req: SandboxRequest, known: readonly string[], typeName: string): string[] | null {
  const raw = req.url.searchParams.get('$select');
  if (raw === null) return null;
  return raw.split(',').map((s) => s.trim()).filter((s) => s !== '').map((name) => {
    const canonical = known.find((k) => k.toLowerCase() === name.toLowerCase());
    if (!canonical) throw new GraphFailure(400, 'BadRequest', `Could not find a property named '${name}' on type 'microsoft.graph.${typeName}'.`);
    return canonical;
  });
}

/** `$top` (1..999), or `fallback` when absent. */
export function topOption(req: SandboxRequest, fallback: number): number {
  const raw = req.url.searchParams.get('$top');
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 999) {
    throw new GraphFailure(400, 'BadRequest', `Invalid page size specified: '${raw}'. Must be between 1 and 999 inclusive.`);
  }
  return n;
}

const encodeToken = (offset: number) => Buffer.from(`sbx-page:${offset}`).toString('base64url');

/** The offset a `$skiptoken` stands for (0 without one). */
function skipTokenOffset(req: SandboxRequest): number {
  const raw = req.url.searchParams.get('$skiptoken');
  if (raw === null) return 0;
  const m = /^sbx-page:(\d+)$/.exec(Buffer.from(raw, 'base64url').toString('utf8'));
  if (!m?.[1]) throw new GraphFailure(400, 'Directory_ExpiredPageToken', 'The specified page token value has expired and can no longer be included in your request.');
  return Number(m[1]);
}

/** One page of `items` plus the absolute `@odata.nextLink` when more remain (other query options kept as sent). */
export function page<T>(req: SandboxRequest, items: readonly T[], pageSize: number): { items: T[]; nextLink?: string } {
  const offset = skipTokenOffset(req);
  const slice = items.slice(offset, offset + pageSize);
  if (offset + pageSize >= items.length) return { items: slice };
  const others = req.url.search.replace(/^\?/, '').split('&').filter((p) => p !== '' && !/^(%24|\$)skiptoken=/i.test(p));
  const query = [...others, `$skiptoken=${encodeToken(offset + pageSize)}`].join('&');
  const path = req.path.replace(/^\/v1\.0/, '');
  return { items: slice, nextLink: `${serviceRoot(req.headers)}${path}?${query}` };
}

/** `@odata.context` for an entity or collection, with the selected properties as Graph writes them. */
export function odataContext(req: SandboxRequest, entitySet: string, select: readonly string[] | null, entity: boolean): string {
  const projection = select ? `(${select.join(',')})` : '';
  return `${serviceRoot(req.headers)}/$metadata#${entitySet}${projection}${entity ? '/$entity' : ''}`;
}
