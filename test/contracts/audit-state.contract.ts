// The AuditLog contract (core/ports/audit-log.ts), part 2: audit entries commit with the state change they record,
// carry the hash of the request state they stored (so the requests table is under the chain), and with a key carry an
// HMAC that a recomputed chain cannot forge.
import { createHash } from 'node:crypto';
import { auditHash } from '../../src/adapters/store/audit-chain.ts';
import { canonicalJson } from '../../src/adapters/store/canonical-json.ts';
import type { AuditRecord } from '../../src/core/model/journal.ts';
import type { LicenseRequest } from '../../src/core/model/request.ts';
import type { RequestStore } from '../../src/core/ports/request-store.ts';
import type { StoreContractSetup, StoreTarget } from './store-contract.ts';
import { approver, decided, licenseRequest } from './request-store-fixtures.ts';

const KEY = 'k'.repeat(40);
const stateHash = (r: LicenseRequest) => createHash('sha256').update(canonicalJson(JSON.parse(JSON.stringify(r)))).digest('hex');
const note = (action: string, requestId: string | null, at = '2026-05-07T12:30:00.000Z'): AuditRecord =>
  ({ at, action, actor: 'approver1@contoso.com', actorDetail: { surface: 'teams' }, requestId, data: { why: 'contract' } });

/** Rewrites entry `seq`'s data and recomputes every hash from there on, as someone with database access could. */
async function rewriteChain(target: StoreTarget, seq: number): Promise<void> {
  await target.sql(`UPDATE audit_log SET data = '{"why":"rewritten"}' WHERE seq = ${seq}`);
  const rows = await target.sql('SELECT * FROM audit_log ORDER BY seq');
  let prev = '0'.repeat(64);
  for (const row of rows) {
    const record: AuditRecord = {
      at: String(row['at']), action: String(row['action']), actor: String(row['actor']), actorDetail: JSON.parse(String(row['actor_detail'])) as AuditRecord['actorDetail'],
      requestId: row['request_id'] === null ? null : String(row['request_id']), data: JSON.parse(String(row['data'])) as AuditRecord['data'],
    };
    const hash = auditHash(prev, Number(row['seq']), record, row['request_hash'] === null ? null : String(row['request_hash']));
    await target.sql(`UPDATE audit_log SET prev_hash = '${prev}', hash = '${hash}' WHERE seq = ${Number(row['seq'])}`);
    prev = hash;
  }
}

/** Defines the tests; each describe works on databases of its own. */
export function auditStateContract(setup: StoreContractSetup): void {
  const opened: RequestStore[] = [];
  const fresh = async (options: { auditKey?: string } = {}) => {
    const target = await setup.newTarget();
    const store = await target.open(options);
    opened.push(store);
    await store.migrate();
    return { target, store };
  };
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
  });

  describe('audit with state changes', () => {
    test('create and compareAndSet append their audit records in the same transaction, each with the state hash', async () => {
      const { store } = await fresh();
      const request = licenseRequest();
      await store.create(request, { audit: [note('request.created', request.id)] });
      const approved = decided(request, 'approve', approver(1), '2026-05-07T12:30:00.000Z');
      expect(await store.compareAndSet(1, approved, { audit: [note('request.approved', request.id), note('request.notified', request.id)] })).toBe(true);
      const entries = await store.audit({ requestId: request.id });
      expect(entries.map((e) => [e.action, e.requestHash])).toEqual([
        ['request.created', stateHash(request)], ['request.approved', stateHash(approved)], ['request.notified', stateHash(approved)],
      ]);
      expect(entries.every((e) => e.mac === null)).toBe(true);
      expect(await store.verifyAudit()).toEqual({ kind: 'intact', entries: 3, requests: 1 });
    });

    test('a lost compare-and-set writes no audit entry', async () => {
      const { store } = await fresh();
      const request = licenseRequest();
      await store.create(request, { audit: [note('request.created', request.id)] });
      const approved = decided(request, 'approve', approver(1), '2026-05-07T12:30:00.000Z');
      expect(await store.compareAndSet(2, { ...approved, version: 3 }, { audit: [note('request.approved', request.id)] })).toBe(false);
      expect((await store.audit()).map((e) => e.action)).toEqual(['request.created']);
    });

    test('a request row changed or deleted behind the store breaks verification, naming it', async () => {
      const { target, store } = await fresh();
      const [a, b] = [licenseRequest(), licenseRequest()];
      for (const r of [a, b]) await store.create(r, { audit: [note('request.created', r.id)] });
      expect(await store.verifyAudit()).toMatchObject({ kind: 'intact', requests: 2 });
      await target.sql(`UPDATE requests SET request_json = replace(request_json, '"approvalsRequired":1', '"approvalsRequired":0') WHERE id = '${a.id}'`);
      expect(await store.verifyAudit()).toMatchObject({ kind: 'broken', reason: expect.stringContaining(`request ${a.id} does not match`) });
      await target.sql(`UPDATE requests SET request_json = '${JSON.stringify(a).replace(/'/g, "''")}' WHERE id = '${a.id}'`);
      expect(await store.verifyAudit()).toMatchObject({ kind: 'intact' });
      await target.sql(`DELETE FROM requests WHERE id = '${b.id}'`);
      expect(await store.verifyAudit()).toMatchObject({ kind: 'broken', reason: expect.stringMatching(/missing from the requests table/) });
    });

    test('a request inserted behind the store, with no audit entry, breaks verification', async () => {
      const { store } = await fresh();
      const a = licenseRequest();
      await store.create(a, { audit: [note('request.created', a.id)] });
      await store.create(licenseRequest({ id: 'LD-FAKE-0001', createdAt: '2026-06-01T00:00:00.000Z' }));
      expect(await store.verifyAudit()).toMatchObject({ kind: 'broken', reason: expect.stringMatching(/LD-FAKE-0001 has no audit entry/) });
    });

    test('audit({ since }) reads entries written at or after a time', async () => {
      const { store } = await fresh();
      for (const at of ['2026-05-01T00:00:00.000Z', '2026-05-02T00:00:00.000Z', '2026-05-03T00:00:00.000Z']) await store.appendAudit(note('test.note', null, at));
      expect((await store.audit({ since: '2026-05-02T00:00:00.000Z' })).map((e) => e.seq)).toEqual([2, 3]);
      expect(await store.auditHead()).toMatchObject({ seq: 3, mac: null });
    });
  });

  describe('keyed audit (AUDIT_KEY)', () => {
    const keyedLog = async () => {
      const { target, store } = await fresh({ auditKey: KEY });
      const request = licenseRequest();
      await store.create(request, { audit: [note('request.created', request.id)] });
      await store.appendAudit(note('diagnosis.viewed', null));
      await store.compareAndSet(1, decided(request, 'approve', approver(1), '2026-05-07T12:30:00.000Z'), { audit: [note('request.approved', request.id)] });
      return { target, store };
    };
    /** A second instance on the same database (not for SQLite in memory, which has one). */
    const another = async (target: StoreTarget, options: { auditKey?: string } = {}) => {
      const store = await target.open(options);
      opened.push(store);
      return store;
    };

    test('every entry carries an HMAC of its hash; the chain verifies with the key', async () => {
      const { store } = await keyedLog();
      const entries = await store.audit();
      expect(entries.map((e) => e.mac)).toEqual(entries.map(() => expect.stringMatching(/^[0-9a-f]{64}$/)));
      expect(await store.verifyAudit()).toEqual({ kind: 'intact', entries: 3, keyedFrom: 1, requests: 1 });
      expect((await store.auditHead())?.mac).toBe(entries[2]?.mac);
    });

    if (setup.multiInstance) test('a rewritten chain with every hash recomputed passes without the key and fails with it', async () => {
      const { target, store } = await keyedLog();
      await rewriteChain(target, 2);
      expect(await (await another(target)).verifyAudit()).toMatchObject({ kind: 'intact' });
      expect(await store.verifyAudit()).toMatchObject({ kind: 'broken', firstBrokenSeq: 2, reason: expect.stringMatching(/MAC does not match/) });
    });

    test('MACs dropped from the rewritten part, or from the whole log, are noticed', async () => {
      const { target, store } = await keyedLog();
      await rewriteChain(target, 2);
      await target.sql('UPDATE audit_log SET mac = NULL WHERE seq >= 2');
      expect(await store.verifyAudit()).toMatchObject({ kind: 'broken', firstBrokenSeq: 2, reason: expect.stringMatching(/no MAC although entry 1/) });
      await target.sql('UPDATE audit_log SET mac = NULL');
      expect(await store.verifyAudit()).toMatchObject({ kind: 'broken', reason: expect.stringMatching(/no entry carries a MAC/) });
    });

    if (setup.multiInstance) test('turning the key on over an unkeyed log seals its head with an audit.keyed entry', async () => {
      const { target, store } = await fresh();
      await store.appendAudit(note('diagnosis.viewed', null));
      const keyed = await another(target, { auditKey: KEY });
      await keyed.migrate();
      await keyed.migrate();
      expect((await keyed.audit()).map((e) => [e.action, e.mac !== null])).toEqual([['diagnosis.viewed', false], ['audit.keyed', true]]);
      expect(await keyed.verifyAudit()).toEqual({ kind: 'intact', entries: 2, keyedFrom: 2 });
    });

    if (setup.multiInstance) test('another key does not verify the log', async () => {
      const { target } = await keyedLog();
      expect(await (await another(target, { auditKey: 'o'.repeat(40) })).verifyAudit()).toMatchObject({ kind: 'broken', firstBrokenSeq: 1 });
    });
  });
}
