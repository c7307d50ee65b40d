// RequestStore contract, part 2: execution leases and the journal.
import type { ContractContext } from './request-store.contract.ts';
import { approver, decided, journalEntry, licenseRequest, spread } from './request-store-fixtures.ts';

const T0 = Date.parse('2026-05-07T12:00:00.000Z');
const TTL = 60_000;

/** Defines the lease and journal tests on the shared context. */
export function leaseJournalContract(ctx: ContractContext): void {
  const newRequest = async () => {
    const request = licenseRequest();
    await ctx.store.create(request);
    return request;
  };

  describe('leases', () => {
    test('acquire, re-acquire by the holder, refusal while live, takeover once expired; every lease taken has a larger token', async () => {
      const { id } = await newRequest();
      const s = ctx.store;
      expect(await s.acquireLease(id, 'a', T0, TTL)).toBe(1);
      expect(await s.acquireLease(id, 'a', T0 + 1_000, TTL)).toBe(2);
      expect(await s.acquireLease(id, 'b', T0 + 2_000, TTL)).toBeNull();
      // a's lease now runs to T0 + 1s + TTL; at that instant it is still live, a millisecond later it has expired
      expect(await s.acquireLease(id, 'b', T0 + 1_000 + TTL, TTL)).toBeNull();
      expect(await s.acquireLease(id, 'b', T0 + 1_001 + TTL, TTL)).toBe(3);
      expect(await s.acquireLease(id, 'a', T0 + 2_000 + TTL, TTL)).toBeNull();
    });

    test('renew by the holder of the current token only; a lost lease cannot be renewed', async () => {
      const { id } = await newRequest();
      const s = ctx.store;
      expect(await s.renewLease(id, { owner: 'a', token: 0 }, T0, TTL)).toBe(false);
      const a = { owner: 'a', token: await s.acquireLease(id, 'a', T0, TTL) ?? -1 };
      expect(await s.renewLease(id, { owner: 'b', token: a.token }, T0 + 1_000, TTL)).toBe(false);
      expect(await s.renewLease(id, { owner: 'a', token: a.token - 1 }, T0 + 1_000, TTL)).toBe(false);
      expect(await s.renewLease(id, a, T0 + 50_000, TTL)).toBe(true);
      // renewed to T0 + 110s: b cannot take it at T0 + 100s
      expect(await s.acquireLease(id, 'b', T0 + 100_000, TTL)).toBeNull();
      expect(await s.acquireLease(id, 'b', T0 + 110_001, TTL)).toBe(a.token + 1);
      expect(await s.renewLease(id, a, T0 + 120_000, TTL)).toBe(false);
    });

    test('an expired lease nobody took is still renewable by its holder', async () => {
      const { id } = await newRequest();
      const a = { owner: 'a', token: await ctx.store.acquireLease(id, 'a', T0, TTL) ?? -1 };
      expect(await ctx.store.renewLease(id, a, T0 + 10 * TTL, TTL)).toBe(true);
    });

    test('release by the holder frees it; release by another or with an old token changes nothing', async () => {
      const { id } = await newRequest();
      const s = ctx.store;
      const token = await s.acquireLease(id, 'a', T0, TTL) ?? -1;
      await s.releaseLease(id, { owner: 'b', token });
      await s.releaseLease(id, { owner: 'a', token: token - 1 });
      expect(await s.acquireLease(id, 'b', T0 + 1_000, TTL)).toBeNull();
      await s.releaseLease(id, { owner: 'a', token });
      expect(await s.acquireLease(id, 'b', T0 + 1_000, TTL)).toBe(token + 1);
    });

    test('an unknown request has no lease to take', async () => {
      expect(await ctx.store.acquireLease('no-such-request', 'a', T0, TTL)).toBeNull();
    });

    test('leases and compare-and-set do not disturb each other', async () => {
      const request = await newRequest();
      const s = ctx.store;
      const token = await s.acquireLease(request.id, 'a', T0, TTL) ?? -1;
      expect(await s.get(request.id)).toStrictEqual(request);
      const next = decided(request, 'approve', approver(1), '2026-05-07T12:01:00.000Z');
      expect(await s.compareAndSet(1, next)).toBe(true);
      expect(await s.acquireLease(request.id, 'b', T0 + 1_000, TTL)).toBeNull();
      expect(await s.renewLease(request.id, { owner: 'a', token }, T0 + 1_000, TTL)).toBe(true);
    });

    test('a fenced compare-and-set succeeds only while that owner holds the lease with that token', async () => {
      const request = await newRequest();
      const s = ctx.store;
      const a = { owner: 'a', token: await s.acquireLease(request.id, 'a', T0, TTL) ?? -1 };
      const first = decided(request, 'approve', approver(1), '2026-05-07T12:01:00.000Z');
      expect(await s.compareAndSet(1, first, { fence: { owner: 'b', token: a.token } })).toBe(false);
      expect(await s.compareAndSet(1, first, { fence: { owner: 'a', token: a.token + 1 } })).toBe(false);
      expect(await s.compareAndSet(1, first, { fence: a })).toBe(true);
      // Taken over after expiry: the old holder's writes are refused, the new holder's go through.
      const b = { owner: 'b', token: await s.acquireLease(request.id, 'b', T0 + 2 * TTL, TTL) ?? -1 };
      const second = decided(first, 'approve', approver(2), '2026-05-07T12:02:00.000Z');
      expect(await s.compareAndSet(2, second, { fence: a })).toBe(false);
      expect(await s.get(request.id)).toStrictEqual(first);
      expect(await s.compareAndSet(2, second, { fence: b })).toBe(true);
      // Released: no fenced write passes.
      await s.releaseLease(request.id, b);
      expect(await s.compareAndSet(3, decided(second, 'reject', approver(3), '2026-05-07T12:03:00.000Z', 'no'), { fence: b })).toBe(false);
    });

    test('a compare-and-set appends its audit records in the same transaction, only when it succeeds', async () => {
      const request = await newRequest();
      const s = ctx.store;
      const record = { at: '2026-05-07T12:01:00.000Z', action: 'request.approved', actor: 'approver@contoso.com', actorDetail: {}, requestId: request.id, data: { n: 1 } };
      const next = decided(request, 'approve', approver(1), '2026-05-07T12:01:00.000Z');
      expect(await s.compareAndSet(1, next, { audit: [record, { ...record, action: 'request.notified' }] })).toBe(true);
      expect(await s.compareAndSet(1, next, { audit: [{ ...record, action: 'lost' }] })).toBe(false);
      expect((await s.audit({ requestId: request.id })).map((e) => e.action)).toEqual(['request.approved', 'request.notified']);
      expect(await s.verifyAudit()).toMatchObject({ kind: 'intact' });
    });

    test('two instances contend for a free lease: exactly one gets it', async () => {
      const { id } = await newRequest();
      const a = ctx.instances[0];
      const b = ctx.instances.at(-1);
      if (a === undefined || b === undefined) throw new Error('an instance expected');
      const results = await Promise.all([a.acquireLease(id, 'a', T0, TTL), b.acquireLease(id, 'b', T0, TTL)]);
      expect(results.filter((t) => t !== null)).toHaveLength(1);
    });

    test('50 concurrent acquireLease from several instances: exactly one owner', async () => {
      const { id } = await newRequest();
      const results = await spread(ctx.instances, 50, (store, i) => store.acquireLease(id, `owner-${i}`, T0, TTL));
      expect(results.filter((t) => t !== null)).toEqual([1]);
      const winner = `owner-${results.findIndex((t) => t !== null)}`;
      expect(await ctx.store.renewLease(id, { owner: winner, token: 1 }, T0 + 1, TTL)).toBe(true);
      expect(await ctx.store.renewLease(id, { owner: winner === 'owner-0' ? 'owner-1' : 'owner-0', token: 1 }, T0 + 1, TTL)).toBe(false);
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

  describe('fenced journal', () => {
    test('a fenced journal write lands only while the fence holds', async () => {
      const { id } = await newRequest();
      const s = ctx.store;
      const a = { owner: 'a', token: await s.acquireLease(id, 'a', T0, TTL) ?? -1 };
      const row = journalEntry(id, { stepId: 's1', attempt: 1, owner: 'a' });
      expect(await s.writeJournal(row, a)).toBe(true);
      const b = { owner: 'b', token: await s.acquireLease(id, 'b', T0 + 2 * TTL, TTL) ?? -1 };
      expect(await s.writeJournal({ ...row, status: 'succeeded', finishedAt: '2026-05-07T12:06:00.000Z' }, a)).toBe(false);
      expect(await s.writeJournal({ ...row, attempt: 2 }, a)).toBe(false);
      expect(await s.journal(id)).toStrictEqual([row]);
      expect(await s.writeJournal({ ...row, status: 'failed', finishedAt: '2026-05-07T12:06:00.000Z', owner: 'b' }, b)).toBe(true);
      expect((await s.journal(id)).map((j) => j.status)).toEqual(['failed']);
    });
  });
}
