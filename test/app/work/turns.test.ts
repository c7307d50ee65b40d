// Turns on the event loop (src/app/work/turns.ts): acknowledgements before work, work in bounded slices with the loop's
// timers and sockets served between them, and work never starved by a stream of acknowledgements.
import { takeTurn } from '../../../src/app/work/turns.ts';

const burn = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

test('acknowledgements waiting at the same time go before work, each in the order asked', async () => {
  const order: string[] = [];
  await Promise.all([
    takeTurn('work').then(() => order.push('w1')),
    takeTurn('ack').then(() => order.push('a1')),
    takeTurn('work').then(() => order.push('w2')),
    takeTurn('ack').then(() => order.push('a2')),
  ]);
  expect(order.filter((o) => o.startsWith('a'))).toEqual(['a1', 'a2']);
  expect(order.filter((o) => o.startsWith('w'))).toEqual(['w1', 'w2']);
  // At most the slice's opening work turn goes before them.
  expect(order.indexOf('a2')).toBeLessThanOrEqual(2);
});

test('a timer due during 60 turns of 5 ms of CPU each fires between slices, not after all of them', async () => {
  let turnsBefore = Number.NaN;
  let done = 0;
  setTimeout(() => {
    turnsBefore = done;
  }, 1);
  await Promise.all(Array.from({ length: 60 }, () => takeTurn('work').then(() => {
    burn(5);
    done += 1;
  })));
  // Slices of 8 ms: one or two turns of 5 ms each (more only if the machine stalls inside a slice); all 60 unsliced.
  expect(turnsBefore).toBeLessThan(10);
});

test('work still gets turns while acknowledgements keep arriving', async () => {
  let stop = false;
  let acks = 0;
  const stream = (async () => {
    while (!stop) {
      await takeTurn('ack');
      burn(2);
      acks += 1;
    }
  })();
  const more = Array.from({ length: 5 }, () => (async () => {
    while (!stop) {
      await takeTurn('ack');
      burn(2);
    }
  })());
  await takeTurn('work');
  await takeTurn('work');
  stop = true;
  await Promise.all([stream, ...more]);
  expect(acks).toBeGreaterThan(0);
});
