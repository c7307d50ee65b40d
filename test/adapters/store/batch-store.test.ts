// BatchStore on SQLite and PostgreSQL: a batch and its users round-trip; the batch changes by compare-and-set on its
// version and a user by compare-and-set on their state (two instances racing for one user: one wins, and the request
// id it reserved with the claim is the one stored); audit records join the request store's chain in the same
// transaction, and the chain still verifies.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createRequestStore, openStoreEngine } from '../../../src/adapters/store/create-request-store.ts';
import { KyselyBatchStore } from '../../../src/adapters/store/kysely-batch-store.ts';
import { newBatch } from '../../../src/core/batch/new-batch.ts';
import type { BatchMember } from '../../../src/core/model/batch.ts';
import { IDA, NOW, plan } from '../../core/approval/request-factory.ts';

const DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = `ld_batches_${process.pid}_${randomBytes(4).toString('hex')}`;
const dir = mkdtempSync(join(tmpdir(), 'ld-batches-'));

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
  await admin.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
  await admin.end();
});

const stores: ReadonlyArray<readonly [string, string, string | undefined]> = [
  ['SQLite', `sqlite:${join(dir, 'store.sqlite')}`, undefined],
  ['PostgreSQL', DATABASE_URL, SCHEMA],
];

function made(id: string) {
  const result = newBatch({
    id, kind: 'users', path: 'okta-owns-licenses', options: plan().options, group: null, sku: null, source: { kind: 'scan', scanId: 'SCAN-1', scannedAt: NOW },
    requestedBy: IDA, reason: 'Store test', removalAcknowledged: false, skipped: [], now: NOW, ttlHours: 24,
    plans: Array.from({ length: 250 }, (_, i) => ({ userPrincipalName: `user${i}@contoso.com`, displayName: `User ${i}`, plan: plan() })),
  });
  if (result.kind !== 'created') throw new Error(result.refusal.message);
  return result;
}

test.each(stores)('%s: batches and users round-trip; compare-and-set on the batch version and on each user state; audited in the chain', async (_name, url, schema) => {
  const requests = await createRequestStore(url, schema ? { schema } : {});
  await requests.migrate();
  const engines = [await openStoreEngine(url, schema), await openStoreEngine(url, schema)];
  const [a, b] = engines.map((e) => new KyselyBatchStore(e));
  if (!a || !b) throw new Error('two stores');
  try {
    const { batch, members, audit } = made(`LD-B${randomBytes(3).toString('hex').toUpperCase()}`);
    await a.createBatch(batch, members, audit);
    expect(await b.getBatch(batch.id)).toEqual(batch);
    expect(await b.getBatch('LD-BNONE')).toBeNull();
    expect((await b.listBatches()).map((x) => x.id)).toContain(batch.id);
    const stored = await b.members(batch.id);
    expect(stored).toHaveLength(250);
    expect(stored.map((m) => m.position)).toEqual(members.map((m) => m.position));

    const next = { ...batch, status: 'approved' as const, version: 2, updatedAt: NOW };
    const raced = await Promise.all([a.updateBatch(1, next), b.updateBatch(1, next)]);
    expect(raced.filter(Boolean)).toHaveLength(1);
    expect(await a.updateBatch(1, next)).toBe(false);
    expect(() => a.updateBatch(1, { ...next, version: 3 })).toThrow(/next version must be 2/);

    const first = stored[7] as BatchMember;
    // A claim reserves the user's request id in the same compare-and-set: the winner's id is the one stored.
    const claim = (requestId: string) => ({ ...first, state: 'running' as const, requestId });
    const claims = await Promise.all([a.updateMember(claim('LD-CLM1-AAAA'), 'pending'), b.updateMember(claim('LD-CLM2-BBBB'), 'pending'), a.updateMember(claim('LD-CLM3-CCCC'), 'pending')]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const reserved = ['LD-CLM1-AAAA', 'LD-CLM2-BBBB', 'LD-CLM3-CCCC'][claims.indexOf(true)];
    expect((await b.members(batch.id))[7]).toMatchObject({ state: 'running', requestId: reserved });
    const finished = { ...first, state: 'done' as const, requestId: reserved ?? null, detail: 'Verified.' };
    const entry = { at: NOW, action: 'batch.user-finished', actor: 'system', actorDetail: {}, requestId: batch.id, data: { user: first.userPrincipalName, state: 'done' } };
    expect(await b.updateMember(finished, 'running', [entry])).toBe(true);
    expect((await a.members(batch.id))[7]).toEqual(finished);

    const actions = (await requests.audit({ requestId: batch.id })).map((e) => e.action);
    expect(actions).toEqual(['batch.created', 'batch.user-finished']);
    expect(await requests.verifyAudit()).toMatchObject({ kind: 'intact' });
  } finally {
    for (const e of engines) await e.close();
    await requests.close();
  }
});
