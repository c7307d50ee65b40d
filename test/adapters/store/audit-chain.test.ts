import { createHash } from 'node:crypto';
import { CHAIN_START, GENESIS_HASH, auditHash, chainAuditEntry, checkAuditEntry, normaliseAuditRecord, type StoredAuditEntry } from '../../../src/adapters/store/audit-chain.ts';
import type { AuditEntry, AuditRecord } from '../../../src/core/model/journal.ts';

const record = (n: number): AuditRecord => ({ at: `2026-05-07T12:00:0${n}.000Z`, action: 'request.approved', actor: `a${n}@contoso.com`, actorDetail: { surface: 'slack' }, requestId: 'r1', data: { n } });

function chain(count: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let n = 1; n <= count; n++) entries.push(chainAuditEntry(record(n), entries.at(-1) ?? null));
  return entries;
}

const stored = (e: AuditEntry, overrides: Partial<StoredAuditEntry> = {}): StoredAuditEntry => ({ seq: e.seq, prevHash: e.prevHash, hash: e.hash, entry: e, ...overrides });

/** Runs the check over a whole list, as verifyAudit does. */
function check(entries: readonly StoredAuditEntry[]) {
  let position = CHAIN_START;
  for (const e of entries) {
    const result = checkAuditEntry(position, e);
    if (result.kind === 'broken') return result;
    position = result.next;
  }
  return { kind: 'ok' as const };
}

describe('audit chain', () => {
  test('the hash is SHA-256 over prevHash and the canonical record with its seq', () => {
    const canonical = '{"action":"request.approved","actor":"a1@contoso.com","actorDetail":{"surface":"slack"},"at":"2026-05-07T12:00:01.000Z","data":{"n":1},"requestId":"r1","seq":1}';
    expect(auditHash(GENESIS_HASH, 1, record(1))).toBe(createHash('sha256').update(GENESIS_HASH + canonical).digest('hex'));
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  test('entries are numbered and linked', () => {
    const [a, b] = chain(2);
    expect(a).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
    expect(b).toMatchObject({ seq: 2, prevHash: a?.hash });
  });

  test('normalising passes data through JSON once', () => {
    const r = normaliseAuditRecord({ ...record(1), data: { d: new Date(0), u: undefined } as unknown as AuditRecord['data'] });
    expect(r.data).toStrictEqual({ d: '1970-01-01T00:00:00.000Z' });
  });

  const [e1, e2, e3] = chain(3) as [AuditEntry, AuditEntry, AuditEntry];
  test.each<[string, StoredAuditEntry[], { seq: number; reason: RegExp } | null]>([
    ['an intact chain', [stored(e1), stored(e2), stored(e3)], null],
    ['the first entry deleted', [stored(e2), stored(e3)], { seq: 1, reason: /entry 1 is missing \(the log starts at 2\)/ }],
    ['a middle entry deleted', [stored(e1), stored(e3)], { seq: 2, reason: /entry 2 is missing \(the log jumps from 1 to 3\)/ }],
    ['a seq out of place', [stored(e1), stored(e2, { seq: 1 })], { seq: 2, reason: /numbered 1 stands where entry 2 belongs/ }],
    ['a first entry that does not start at zeros', [stored(e1, { prevHash: e2.hash })], { seq: 1, reason: /64 zeros/ }],
    ['a broken link', [stored(e1), stored(e2, { prevHash: GENESIS_HASH })], { seq: 2, reason: /prev_hash is not the hash of entry 1/ }],
    ['edited content', [stored(e1), stored(e2, { entry: { ...e2, data: { n: 9 } } })], { seq: 2, reason: /content/ }],
    ['unreadable content', [stored(e1), stored(e2, { entry: null })], { seq: 2, reason: /JSON/ }],
  ])('%s', (_name, entries, broken) => {
    const result = check(entries);
    if (broken === null) expect(result).toEqual({ kind: 'ok' });
    else expect(result).toEqual({ kind: 'broken', seq: broken.seq, reason: expect.stringMatching(broken.reason) });
  });
});
