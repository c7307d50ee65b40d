// The lazy store (src/adapters/store/lazy-request-store.ts) over a real SQLite store: nothing is opened until a
// method is called, then the store is opened once; a failed open is tried again; close() closes only what was opened.
import { createRequestStore } from '../../../src/adapters/store/create-request-store.ts';
import { lazyRequestStore } from '../../../src/adapters/store/lazy-request-store.ts';
import type { RequestStore } from '../../../src/core/ports/request-store.ts';
import { licenseRequest } from '../../contracts/request-store-fixtures.ts';

/** A lazy store over in-memory SQLite, counting opens; the first `failures` opens fail. */
function counted(failures = 0) {
  const opened: RequestStore[] = [];
  let attempts = 0;
  const store = lazyRequestStore(async () => {
    attempts += 1;
    if (attempts <= failures) throw new Error(`open ${attempts} failed`);
    const real = await createRequestStore('sqlite::memory:');
    await real.migrate();
    opened.push(real);
    return real;
  });
  return { store, opened, attempts: () => attempts };
}

test('opens on the first call, once, and forwards every call to the opened store', async () => {
  const { store, opened } = counted();
  expect(opened).toHaveLength(0);
  const request = licenseRequest();
  await Promise.all([store.create(request), store.ping()]);
  expect(opened).toHaveLength(1);
  expect(await store.get(request.id)).toStrictEqual(request);
  expect(await opened[0]?.get(request.id)).toStrictEqual(request);
  await store.close();
  // Closed for real: the underlying store refuses further use.
  await expect(opened[0]?.get(request.id)).rejects.toThrow();
});

test('close() without a call opens nothing; ready() opens now', async () => {
  const unused = counted();
  await unused.store.close();
  expect(unused.attempts()).toBe(0);
  const eager = counted();
  const real = await eager.store.ready();
  expect(eager.opened).toEqual([real]);
  await eager.store.close();
});

test('a failed open surfaces to the caller and is tried again on the next call', async () => {
  const { store, attempts } = counted(1);
  await expect(store.ping()).rejects.toThrow('open 1 failed');
  expect(await store.ping()).toBe(true);
  expect(attempts()).toBe(2);
  await store.close();
});

test('awaiting the store itself does not call a method named then', async () => {
  const { store, attempts } = counted();
  expect(await Promise.resolve(store)).toBe(store);
  expect(attempts()).toBe(0);
});
