// Look-up indexes over the sandbox state's arrays, so that a generated tenant of 100k users answers list pages in
// time linear in the page. Each index is rebuilt when its array is replaced or changes length (the state only
// grows by push and shrinks by filter, which makes a new array).

interface Indexed<V> {
  readonly length: number;
  readonly index: V;
}

const memberSets = new WeakMap<readonly string[], Indexed<ReadonlySet<string>>>();

/** The ids in `members`, lower-cased, as a set. */
export function memberSet(members: readonly string[]): ReadonlySet<string> {
  const cached = memberSets.get(members);
  if (cached && cached.length === members.length) return cached.index;
  const index = new Set(members.map((m) => m.toLowerCase()));
  memberSets.set(members, { length: members.length, index });
  return index;
}

const keyed = new WeakMap<readonly object[], Indexed<ReadonlyMap<string, object>>>();

/** The item of `items` whose key (lower-cased) is `key`; the first one when several share it. */
export function findByKey<T extends object>(items: readonly T[], key: string, keyOf: (item: T) => string): T | undefined {
  let cached = keyed.get(items);
  if (!cached || cached.length !== items.length) {
    const index = new Map<string, object>();
    for (const item of items) {
      const k = keyOf(item).toLowerCase();
      if (!index.has(k)) index.set(k, item);
    }
    cached = { length: items.length, index };
    keyed.set(items, cached);
  }
  // Only `items` put values in this index, so the value is a T.
  return cached.index.get(key.toLowerCase()) as T | undefined;
}
