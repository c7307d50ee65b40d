// Okta's cursor paging in the sandbox: every item once, in order, and a list that changes between pages (items added
// before or after the cursor, the cursor's item removed) answers as Okta would from the list as it now stands.
import { pageOf } from '../../../src/sandbox/okta/paging.ts';
import type { SandboxRequest } from '../../../src/sandbox/http.ts';

const request = (url: string): SandboxRequest => ({ method: 'GET', path: new URL(url).pathname, url: new URL(url), headers: { host: '127.0.0.1:9' }, body: '', params: {} });
const LIMITS = { defaultLimit: 2, maxLimit: 3 };
const key = (s: string) => s;
const next = (headers: Record<string, string>): string | null => /<([^>]+)>; rel="next"/.exec(headers['Link'] ?? '')?.[1] ?? null;

function all(items: string[], between: (page: number) => void = () => undefined): string[] {
  const seen: string[] = [];
  let url: string | null = 'http://127.0.0.1:9/api/v1/apps/a/users?limit=3';
  for (let n = 0; url !== null && n < 1000; n++) {
    const { page, headers } = pageOf(request(url), items, key, LIMITS);
    seen.push(...page);
    url = next(headers);
    between(n);
  }
  return seen;
}

test('pages a long list once each, in order', () => {
  const items = Array.from({ length: 1000 }, (_, i) => `u${i}`);
  expect(all(items)).toEqual(items);
});

test('an item added before the cursor between pages is not listed; one added after it is', () => {
  const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  const seen = all(items, (page) => {
    if (page === 0) items.unshift('before');
    if (page === 1) items.push('after');
  });
  expect(seen).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'after']);
});

test("the cursor's item removed between pages: an empty last page, as for any unknown cursor", () => {
  const items = ['a', 'b', 'c', 'd', 'e', 'f'];
  const seen = all(items, (page) => {
    if (page === 0) items.splice(2, 1);
  });
  expect(seen).toEqual(['a', 'b', 'c']);
});
