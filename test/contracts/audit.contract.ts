// The AuditLog contract (core/ports/audit-log.ts), part 1: the hash-chained audit log and its verification.
import { createHash } from 'node:crypto';
import type { AuditRecord } from '../../src/core/model/journal.ts';
import type { ContractContext } from './store-contract.ts';
import { spread } from './request-store-fixtures.ts';

const ZEROS = '0'.repeat(64);

const record = (n: number, requestId: string | null = 'req-1'): AuditRecord => ({
  at: `2026-05-07T12:00:${String(n % 60).padStart(2, '0')}.000Z`,
  action: n === 1 ? 'request.created' : 'request.approved',
  actor: `approver${n}@contoso.com`,
  actorDetail: { surface: 'teams', surfaceUserId: `29:${n}`, osUser: null },
  requestId,
  data: { n, path: 'okta-owns-licenses', note: 'Zoë’s “E3”' },
});

/** Defines the audit-log tests; each starts from an empty log. */
export function auditContract(ctx: ContractContext): void {
  describe('audit log', () => {
    beforeEach(async () => {
      await ctx.target.sql('DELETE FROM audit_log');
    });

    const appendAll = async (count: number) => {
      for (let n = 1; n <= count; n++) await ctx.store.appendAudit(record(n, n % 2 === 0 ? 'req-even' : 'req-odd'));
    };

    test('the first entry hashes 64 zeros + the canonical JSON of the record (sorted keys, no spaces)', async () => {
      const entry = await ctx.store.appendAudit({
        at: '2026-05-07T12:00:00.000Z', action: 'request.created', actor: 'helpdesk.agent@contoso.com',
        actorDetail: { surface: 'cli', osUser: 'jdoe' }, requestId: 'r-1', data: { b: [1, 'x'], a: { '10': true, '9': null } },
      });
      const canonical = '{"action":"request.created","actor":"helpdesk.agent@contoso.com","actorDetail":{"osUser":"jdoe","surface":"cli"},'
        + '"at":"2026-05-07T12:00:00.000Z","data":{"a":{"10":true,"9":null},"b":[1,"x"]},"requestId":"r-1","seq":1}';
      expect(entry).toMatchObject({ seq: 1, prevHash: ZEROS, hash: createHash('sha256').update(ZEROS + canonical).digest('hex') });
      expect(await ctx.store.audit()).toStrictEqual([entry]);
    });

    test('entries chain: seq 1, 2, 3, each prevHash the hash before; filtered by request', async () => {
      await appendAll(3);
      const entries = await ctx.store.audit();
      expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(entries.map((e) => e.prevHash)).toEqual([ZEROS, entries[0]?.hash, entries[1]?.hash]);
      expect(new Set(entries.map((e) => e.hash)).size).toBe(3);
      expect(entries[1]).toMatchObject(record(2, 'req-even'));
      expect((await ctx.store.audit({ requestId: 'req-odd' })).map((e) => e.seq)).toEqual([1, 3]);
      expect(await ctx.store.audit({ requestId: 'nothing' })).toEqual([]);
    });

    test('what appendAudit returns is what is read back, even for values JSON changes', async () => {
      const data = { when: new Date('2026-05-07T12:00:00.000Z'), gone: undefined, list: [undefined, 1] } as unknown as AuditRecord['data'];
      const entry = await ctx.store.appendAudit({ ...record(1), data });
      expect(entry.data).toStrictEqual({ when: '2026-05-07T12:00:00.000Z', list: [null, 1] });
      expect(await ctx.store.audit()).toStrictEqual([entry]);
      expect(await ctx.store.verifyAudit()).toEqual({ kind: 'intact', entries: 1 });
    });

    test('verifyAudit: an empty log and a whole chain are intact', async () => {
      expect(await ctx.store.verifyAudit()).toEqual({ kind: 'intact', entries: 0 });
      await appendAll(4);
      expect(await ctx.store.verifyAudit()).toEqual({ kind: 'intact', entries: 4 });
    });

    test('100 concurrent appends from several instances form one intact chain, seq 1..100', async () => {
      const entries = await spread(ctx.instances, 100, (store, i) => store.appendAudit(record(i + 1)));
      expect(entries.map((e) => e.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      expect(await ctx.store.verifyAudit()).toEqual({ kind: 'intact', entries: 100 });
      expect(await ctx.store.audit()).toStrictEqual([...entries].sort((a, b) => a.seq - b.seq));
    });

    test.each([
      ['data edited', `UPDATE audit_log SET data = '{"n":3,"path":"entra-owns-licenses"}' WHERE seq = 3`, /content/],
      ['actor edited', `UPDATE audit_log SET actor = 'someone.else@contoso.com' WHERE seq = 3`, /content/],
      ['hash replaced', `UPDATE audit_log SET hash = '${'a'.repeat(64)}' WHERE seq = 3`, /content/],
      ['data made unreadable', `UPDATE audit_log SET data = 'not json' WHERE seq = 3`, /JSON/],
      ['a middle entry deleted', 'DELETE FROM audit_log WHERE seq = 3', /entry 3 is missing/],
    ])('tampering (%s) breaks the chain at entry 3', async (_name, statement, reason) => {
      await appendAll(5);
      await ctx.target.sql(statement);
      const result = await ctx.store.verifyAudit();
      expect(result).toMatchObject({ kind: 'broken', firstBrokenSeq: 3 });
      expect(result.kind === 'broken' && result.reason).toMatch(reason);
    });

    test('an entry edited and re-hashed breaks the link of the entry after it', async () => {
      await appendAll(5);
      const [victim] = (await ctx.store.audit()).filter((e) => e.seq === 2);
      if (victim === undefined) throw new Error('entry 2 expected');
      const forged = { ...victim, data: { ...victim.data, n: 99 } };
      const hash = createHash('sha256').update(victim.prevHash + JSON.stringify({
        action: forged.action, actor: forged.actor, actorDetail: { osUser: null, surface: 'teams', surfaceUserId: '29:2' }, at: forged.at,
        data: { n: 99, note: 'Zoë’s “E3”', path: 'okta-owns-licenses' }, requestId: forged.requestId, seq: 2,
      })).digest('hex');
      await ctx.target.sql(`UPDATE audit_log SET data = '${JSON.stringify(forged.data)}', hash = '${hash}' WHERE seq = 2`);
      expect(await ctx.store.verifyAudit()).toMatchObject({ kind: 'broken', entries: 5, firstBrokenSeq: 3, reason: expect.stringMatching(/prev_hash/) });
    });
  });
}
