// The StoreLifecycle contract (core/ports/store-lifecycle.ts): migrate, ping and the event channel between processes.
import { STORE_MIGRATIONS } from '../../src/adapters/store/store-migrations.ts';
import type { ContractContext } from './store-contract.ts';
import { licenseRequest } from './request-store-fixtures.ts';

/** Defines the lifecycle tests; each works on a database of its own. */
export function lifecycleContract(ctx: ContractContext): void {
  const { setup, open } = ctx;
  describe('StoreLifecycle', () => {
    describe('migrate', () => {
      test('is idempotent, and the store works afterwards', async () => {
        const target = await setup.newTarget();
        const store = await open(target);
        await store.migrate();
        await store.migrate();
        const request = licenseRequest();
        await store.create(request);
        expect(await store.get(request.id)).toStrictEqual(request);
        expect(await store.ping()).toBe(true);
      });

      // Only engines whose database several instances can share (not SQLite :memory:) define this test.
      if (setup.multiInstance) test('runs safely from two instances starting at once', async () => {
        const target = await setup.newTarget();
        const [a, b] = await Promise.all([open(target), open(target)]);
        if (a === undefined || b === undefined) throw new Error('two instances expected');
        await Promise.all([a.migrate(), b.migrate()]);
        const [ra, rb] = [licenseRequest(), licenseRequest()];
        await Promise.all([a.create(ra), b.create(rb)]);
        expect(await a.get(rb.id)).toStrictEqual(rb);
        expect(await b.get(ra.id)).toStrictEqual(ra);
        const [{ n } = { n: 0 }] = await target.sql('SELECT count(*) AS n FROM license_doctor_migration');
        expect(Number(n)).toBe(Object.keys(STORE_MIGRATIONS).length);
      });
    });

    test('eventChannel: what a process publishes reaches the others listening on the store, in order, and not itself', async () => {
      const [a, b] = [ctx.instances[0], ctx.instances.at(-1)];
      if (a === undefined || b === undefined) throw new Error('an instance expected');
      const heard: Record<'a' | 'b', string[]> = { a: [], b: [] };
      const failures: unknown[] = [];
      const listen = (store: typeof a, origin: 'a' | 'b') => {
        const channel = store.eventChannel(`process-${origin}`, { pollMs: 20 });
        return { channel, stop: channel.subscribe((payload) => heard[origin].push(payload), (err) => failures.push(err)) };
      };
      const [la, lb] = [listen(a, 'a'), listen(b, 'b')];
      const stops = await Promise.all([la.stop, lb.stop]);
      try {
        await la.channel.publish('{"n":1}');
        await la.channel.publish('{"n":2}');
        await lb.channel.publish('{"from":"b"}');
        const deadline = Date.now() + 10_000;
        while ((heard.b.length < 2 || heard.a.length < 1) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        expect(heard).toEqual({ a: ['{"from":"b"}'], b: ['{"n":1}', '{"n":2}'] });
        expect(failures).toEqual([]);
      } finally {
        await Promise.all(stops.map((stop) => stop()));
      }
    });
  });
}
