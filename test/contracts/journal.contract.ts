// The journal half of the ExecutionStore contract (core/ports/execution-store.ts): rows started and finished,
// written under the request's lease.
import type { ContractContext } from './store-contract.ts';
import { journalEntry, licenseRequest } from './request-store-fixtures.ts';

const T0 = Date.parse('2026-05-07T12:00:00.000Z');
const TTL = 60_000;

/** Defines the journal tests on the shared context. */
export function journalContract(ctx: ContractContext): void {
  const newRequest = async () => {
    const request = licenseRequest();
    await ctx.store.create(request);
    return request;
  };

  describe('journal', () => {
    test('start, finish and retry attempts, read back in order', async () => {
      const { id } = await newRequest();
      const s = ctx.store;
      const s1a1 = journalEntry(id, { stepId: 's1', attempt: 1, startedAt: '2026-05-07T12:05:00.000Z' });
      const s1a1Failed = { ...s1a1, status: 'failed', vendorRequestIds: ['req-okta-1', 'req-okta-2'], finishedAt: '2026-05-07T12:05:01.500Z', detail: 'E0000047 rate limit' } as const;
      const s1a2 = journalEntry(id, { stepId: 's1', attempt: 2, startedAt: '2026-05-07T12:05:30.000Z', owner: 'instance-b' });
      const s1a2Done = { ...s1a2, status: 'succeeded', vendorRequestIds: ['req-okta-3'], finishedAt: '2026-05-07T12:05:31.000Z' } as const;
      const s2a1 = journalEntry(id, { stepId: 's2', attempt: 1, startedAt: '2026-05-07T12:05:32.000Z', owner: 'instance-b' });
      await s.writeJournal(s1a1);
      expect(await s.journal(id)).toStrictEqual([s1a1]);
      await s.writeJournal(s1a1Failed);
      await s.writeJournal(s1a2);
      await s.writeJournal(s1a2Done);
      await s.writeJournal(s2a1);
      expect(await s.journal(id)).toStrictEqual([s1a1Failed, s1a2Done, s2a1]);
      expect(await s.journal('no-such-request')).toEqual([]);
    });

    test('a finished row is final; rows started at the same time come in attempt order', async () => {
      const { id } = await newRequest();
      const s = ctx.store;
      const started = journalEntry(id, { attempt: 2 });
      const done = { ...started, status: 'manual', detail: 'remove Adele from the dynamic group by hand', finishedAt: '2026-05-07T12:06:00.000Z' } as const;
      await s.writeJournal(done);
      await s.writeJournal(started);
      await s.writeJournal({ ...done, status: 'failed' });
      const first = journalEntry(id, { attempt: 1 });
      await s.writeJournal(first);
      expect(await s.journal(id)).toStrictEqual([first, done]);
    });
  });

  describe('fenced journal', () => {
    test('a fenced journal write lands only while the fence holds', async () => {
      const { id } = await newRequest();
      const s = ctx.store;
      const a = { owner: 'a', token: await s.acquireLease(`request:${id}`, 'a', T0, TTL) ?? -1 };
      const row = journalEntry(id, { stepId: 's1', attempt: 1, owner: 'a' });
      expect(await s.writeJournal(row, a)).toBe(true);
      const b = { owner: 'b', token: await s.acquireLease(`request:${id}`, 'b', T0 + 2 * TTL, TTL) ?? -1 };
      expect(await s.writeJournal({ ...row, status: 'succeeded', finishedAt: '2026-05-07T12:06:00.000Z' }, a)).toBe(false);
      expect(await s.writeJournal({ ...row, attempt: 2 }, a)).toBe(false);
      expect(await s.journal(id)).toStrictEqual([row]);
      expect(await s.writeJournal({ ...row, status: 'failed', finishedAt: '2026-05-07T12:06:00.000Z', owner: 'b' }, b)).toBe(true);
      expect((await s.journal(id)).map((j) => j.status)).toEqual(['failed']);
    });
  });
}
