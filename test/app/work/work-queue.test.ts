import { WorkQueue } from '../../../src/app/work/work-queue.ts';

/** A task the test finishes by hand. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('WorkQueue', () => {
  it.each([[1], [3], [16]])('runs at most %i tasks at once, first come first served', async (concurrency) => {
    const queue = new WorkQueue(concurrency);
    const gates = Array.from({ length: 20 }, gate);
    const started: number[] = [];
    let running = 0;
    let peak = 0;
    const done = gates.map((g, i) =>
      queue.run(async () => {
        started.push(i);
        running += 1;
        peak = Math.max(peak, running);
        await g.opened;
        running -= 1;
        return i;
      }),
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(started).toHaveLength(concurrency);
    expect(queue.queued).toBe(20 - concurrency);
    for (const g of gates) g.open();
    expect(await Promise.all(done)).toEqual(gates.map((_, i) => i));
    expect(started).toEqual(gates.map((_, i) => i));
    expect(peak).toBe(concurrency);
  });

  it('passes a failure to its caller and keeps going', async () => {
    const queue = new WorkQueue(1);
    const failing = queue.run(async () => {
      throw new Error('Graph is down');
    });
    const next = queue.run(async () => 'next');
    await expect(failing).rejects.toThrow('Graph is down');
    await expect(next).resolves.toBe('next');
    await queue.idle();
    expect(queue.queued).toBe(0);
  });

  it('is bounded: beyond `limit` waiting it answers busy with a wait, and takes work again once the line moves', async () => {
    const queue = new WorkQueue(2, 3);
    const gates = Array.from({ length: 5 }, gate);
    const accepted = gates.map((g) => queue.run(() => g.opened));
    await new Promise((r) => setTimeout(r, 10));
    expect(queue.load()).toEqual({ running: 2, queued: 3, concurrency: 2, limit: 3 });
    const refused = queue.run(async () => 'never');
    await expect(refused).rejects.toMatchObject({ code: 'throttled', message: expect.stringMatching(/busy \(3 requests are waiting\): try again in \d+ s/), details: { retryAfterSeconds: expect.any(Number) } });
    gates[0]?.open();
    await accepted[0];
    await new Promise((r) => setTimeout(r, 10));
    const later = queue.run(async () => 'later');
    for (const g of gates) g.open();
    await expect(later).resolves.toBe('later');
    await queue.idle();
    expect(queue.load()).toMatchObject({ running: 0, queued: 0 });
  });
});
