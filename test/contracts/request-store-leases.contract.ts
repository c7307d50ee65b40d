// RequestStore contract, part 2: execution leases, the journal and conversation references.
import type { ContractContext } from './request-store.contract.ts';
import { approver, decided, journalEntry, licenseRequest, spread } from './request-store-fixtures.ts';

const T0 = Date.parse('2026-05-07T12:00:00.000Z');
const TTL = 60_000;

/** Defines the lease, journal and conversation-reference tests on the shared context. */
export function leaseJournalRefsContract(ctx: ContractContext): void {
  const newRequest = async () => {
    const request = licenseRequest();
    await ctx.store.create(request);
    return request;
  };

  describe('leases', () => {
    test('acquire, re-acquire by the holder, refusal while live, takeover once expired', async () => {
      const { id } = await newRequest();
      const s = ctx.store;
      expect(await s.acquireLease(id, 'a', T0, TTL)).toBe(true);
      expect(await s.acquireLease(id, 'a', T0 + 1_000, TTL)).toBe(true);
      expect(await s.acquireLease(id, 'b', T0 + 2_000, TTL)).toBe(false);
      // a's lease now runs to T0 + 1s + TTL; at that instant it is still live, a millisecond later it has expired
      expect(await s.acquireLease(id, 'b', T0 + 1_000 + TTL, TTL)).toBe(false);
      expect(await s.acquireLease(id, 'b', T0 + 1_001 + TTL, TTL)).toBe(true);
      expect(await s.acquireLease(id, 'a', T0 + 2_000 + TTL, TTL)).toBe(false);
    });

    test('renew by the owner only; a lost lease cannot be renewed', async () => {
      const { id } = await newRequest();
      const s = ctx.store;
      expect(await s.renewLease(id, 'a', T0, TTL)).toBe(false);
      expect(await s.acquireLease(id, 'a', T0, TTL)).toBe(true);
      expect(await s.renewLease(id, 'b', T0 + 1_000, TTL)).toBe(false);
      expect(await s.renewLease(id, 'a', T0 + 50_000, TTL)).toBe(true);
      // renewed to T0 + 110s: b cannot take it at T0 + 100s
      expect(await s.acquireLease(id, 'b', T0 + 100_000, TTL)).toBe(false);
      expect(await s.acquireLease(id, 'b', T0 + 110_001, TTL)).toBe(true);
      expect(await s.renewLease(id, 'a', T0 + 120_000, TTL)).toBe(false);
    });

    test('release by the owner frees it; release by another changes nothing', async () => {
      const { id } = await newRequest();
      const s = ctx.store;
      expect(await s.acquireLease(id, 'a', T0, TTL)).toBe(true);
      await s.releaseLease(id, 'b');
      expect(await s.acquireLease(id, 'b', T0 + 1_000, TTL)).toBe(false);
      await s.releaseLease(id, 'a');
      expect(await s.acquireLease(id, 'b', T0 + 1_000, TTL)).toBe(true);
    });

    test('an unknown request has no lease to take', async () => {
      expect(await ctx.store.acquireLease('no-such-request', 'a', T0, TTL)).toBe(false);
    });

    test('leases and compare-and-set do not disturb each other', async () => {
      const request = await newRequest();
      const s = ctx.store;
      expect(await s.acquireLease(request.id, 'a', T0, TTL)).toBe(true);
      expect(await s.get(request.id)).toStrictEqual(request);
      const next = decided(request, 'approve', approver(1), '2026-05-07T12:01:00.000Z');
      expect(await s.compareAndSet(1, next)).toBe(true);
      expect(await s.acquireLease(request.id, 'b', T0 + 1_000, TTL)).toBe(false);
      expect(await s.renewLease(request.id, 'a', T0 + 1_000, TTL)).toBe(true);
    });

    test('two instances contend for a free lease: exactly one gets it', async () => {
      const { id } = await newRequest();
      const a = ctx.instances[0];
      const b = ctx.instances.at(-1);
      if (a === undefined || b === undefined) throw new Error('an instance expected');
      const results = await Promise.all([a.acquireLease(id, 'a', T0, TTL), b.acquireLease(id, 'b', T0, TTL)]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    test('50 concurrent acquireLease from several instances: exactly one owner', async () => {
      const { id } = await newRequest();
      const results = await spread(ctx.instances, 50, (store, i) => store.acquireLease(id, `owner-${i}`, T0, TTL));
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = `owner-${results.indexOf(true)}`;
      expect(await ctx.store.renewLease(id, winner, T0 + 1, TTL)).toBe(true);
      expect(await ctx.store.renewLease(id, winner === 'owner-0' ? 'owner-1' : 'owner-0', T0 + 1, TTL)).toBe(false);
    });
  });

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

  describe('conversation references', () => {
    test('saved, replaced per surface and key, listed by key', async () => {
      const key = `request:${licenseRequest().id}`;
      const s = ctx.store;
      const slack = { surface: 'slack', key, ref: { channel: 'C0APPROVALS', ts: '1715083200.000100' }, updatedAt: '2026-05-07T12:00:00.000Z' } as const;
      const teams = { surface: 'teams', key, ref: { activityId: '1:abc', conversation: { id: '19:x@thread.tacv2', tenantId: 't' }, serviceUrl: 'https://smba.trafficmanager.net/emea/' }, updatedAt: '2026-05-07T12:00:01.000Z' } as const;
      await s.saveConversationRef(slack);
      await s.saveConversationRef(teams);
      const slackMoved = { ...slack, ref: { channel: 'C0APPROVALS', ts: '1715083300.000200', thread_ts: null }, updatedAt: '2026-05-07T12:10:00.000Z' };
      await s.saveConversationRef(slackMoved);
      expect(await s.conversationRefs(key)).toStrictEqual([slackMoved, teams]);
      expect(await s.conversationRefs(`${key}-other`)).toEqual([]);
    });
  });
}
