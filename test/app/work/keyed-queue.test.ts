// Card updates keep their order per card and never wait for another card's: KeyedQueue runs one key's tasks one at a
// time in the order added, other keys beside them, and goes on after a failure (reported with its key).
import { KeyedQueue } from '../../../src/app/work/keyed-queue.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

test('one key in order, one at a time; another key alongside; a failure reported and the next task runs', async () => {
  const failures: Array<[string, string]> = [];
  const queue = new KeyedQueue((err, key) => failures.push([key, err instanceof Error ? err.message : String(err)]));
  const log: string[] = [];
  let running = 0;
  let most = 0;
  const task = (name: string, fail = false) => async () => {
    running += 1;
    most = Math.max(most, running);
    log.push(`${name} start`);
    await tick();
    log.push(`${name} end`);
    running -= 1;
    if (fail) throw new Error(`${name} failed`);
  };
  queue.add('a', task('a1'));
  queue.add('a', task('a2', true));
  queue.add('a', task('a3'));
  queue.add('b', task('b1'));
  await queue.idle();
  const a = log.filter((l) => l.startsWith('a'));
  expect(a).toEqual(['a1 start', 'a1 end', 'a2 start', 'a2 end', 'a3 start', 'a3 end']);
  // b ran beside a: it started before a's first task ended.
  expect(log.indexOf('b1 start')).toBeLessThan(log.indexOf('a1 end'));
  expect(most).toBe(2);
  expect(failures).toEqual([['a', 'a2 failed']]);
  await expect(queue.idle()).resolves.toBeUndefined();
});
