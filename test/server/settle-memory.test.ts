// The collection after start-up (bench:memory measures what it gives back): it runs once, off the caller's path, and
// leaves no `gc` function behind.
import { settleMemoryAfterStartUp } from '../../src/server/settle-memory.ts';
import { createLogger } from '../../src/logging/create-logger.ts';

test('one collection after the delay, logged with the memory before and after; gc stays unexposed', async () => {
  const lines: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });
  const hadGc = typeof (globalThis as { gc?: unknown }).gc;
  settleMemoryAfterStartUp(logger, 10);
  expect(lines).toEqual([]);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'start-up memory returned');
  expect(logged).toHaveLength(1);
  expect(logged[0]).toEqual(expect.objectContaining({ rssBeforeMb: expect.any(Number), rssAfterMb: expect.any(Number), cpuMs: expect.any(Number) }));
  expect(typeof (globalThis as { gc?: unknown }).gc).toBe(hadGc);
});
