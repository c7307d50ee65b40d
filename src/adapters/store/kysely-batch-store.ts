// BatchStore on Kysely (SQLite and PostgreSQL, the same engine as the request store). The batch record changes by
// compare-and-set on its version; each member row by compare-and-set on its state; audit records join the one chain
// in the same transaction.
import type { Kysely } from 'kysely';
import { LicenseDoctorError } from '../../core/errors.ts';
import type { BatchMember, BatchRequest } from '../../core/model/batch.ts';
import type { AuditRecord } from '../../core/model/journal.ts';
import type { BatchStore } from '../../core/ports/batch-store.ts';
import { appendAuditEntries } from './audit-log.ts';
import type { StoreDatabase } from './store-database.ts';
import type { StoreEngine } from './store-engine.ts';
import { storeCall } from './to-store-error.ts';

const parse = <T>(json: string, what: string): T => {
  try {
    // The store wrote these rows itself from the model's values.
    return JSON.parse(json) as T;
  } catch {
    throw new LicenseDoctorError('store', `The stored ${what} is not readable JSON: the row was changed outside License Doctor.`, { reason: 'corrupt-row' });
  }
};

const memberRow = (m: BatchMember) => ({
  batch_id: m.batchId, position: m.position, upn: m.userPrincipalName.toLowerCase(), request_id: m.requestId, state: m.state, updated_at: m.updatedAt, member_json: JSON.stringify(m),
});

/** The durable BatchStore over a StoreEngine; the engine must be migrated (createBatchStore does it). */
export class KyselyBatchStore implements BatchStore {
  readonly #engine: StoreEngine;
  readonly #auditKey: string | null;

  constructor(engine: StoreEngine, options: { readonly auditKey?: string | null } = {}) {
    this.#engine = engine;
    this.#auditKey = options.auditKey ?? null;
  }

  #run<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    return storeCall(operation, this.#engine, fn);
  }

  async #audit(trx: Kysely<StoreDatabase>, audit: readonly AuditRecord[]): Promise<void> {
    await appendAuditEntries(this.#engine, trx, audit, { requestHash: null, key: this.#auditKey });
  }

  createBatch(batch: BatchRequest, members: readonly BatchMember[], audit: readonly AuditRecord[]): Promise<void> {
    return this.#run('createBatch', () =>
      this.#engine.writeTransaction(async (trx) => {
        await trx.insertInto('batches').values({
          id: batch.id, status: batch.status, version: batch.version, created_at: batch.createdAt, updated_at: batch.updatedAt, batch_json: JSON.stringify(batch),
        }).execute();
        for (let i = 0; i < members.length; i += 200) await trx.insertInto('batch_members').values(members.slice(i, i + 200).map(memberRow)).execute();
        await this.#audit(trx, audit);
      }));
  }

  getBatch(id: string): Promise<BatchRequest | null> {
    return this.#run('getBatch', async () => {
      const row = await this.#engine.db.selectFrom('batches').select('batch_json').where('id', '=', id).executeTakeFirst();
      return row ? parse<BatchRequest>(row.batch_json, `batch ${id}`) : null;
    });
  }

  listBatches(limit = 50): Promise<BatchRequest[]> {
    return this.#run('listBatches', async () => {
      const rows = await this.#engine.db.selectFrom('batches').select(['id', 'batch_json']).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => parse<BatchRequest>(r.batch_json, `batch ${r.id}`));
    });
  }

  members(batchId: string): Promise<BatchMember[]> {
    return this.#run('members', async () => {
      const rows = await this.#engine.db.selectFrom('batch_members').select(['position', 'member_json']).where('batch_id', '=', batchId).orderBy('position').execute();
      return rows.map((r) => parse<BatchMember>(r.member_json, `member ${r.position} of batch ${batchId}`));
    });
  }

  updateBatch(expectedVersion: number, next: BatchRequest, audit: readonly AuditRecord[] = []): Promise<boolean> {
    if (next.version !== expectedVersion + 1) {
      throw new LicenseDoctorError('store', `The next version must be ${expectedVersion + 1}, not ${next.version} (a bug in the caller of updateBatch).`, { reason: 'invalid-argument' });
    }
    return this.#run('updateBatch', () =>
      this.#engine.writeTransaction(async (trx) => {
        const result = await trx.updateTable('batches')
          .set({ status: next.status, version: next.version, updated_at: next.updatedAt, batch_json: JSON.stringify(next) })
          .where('id', '=', next.id).where('version', '=', expectedVersion).executeTakeFirst();
        if (result.numUpdatedRows !== 1n) return false;
        await this.#audit(trx, audit);
        return true;
      }));
  }

  updateMember(member: BatchMember, expectedState: BatchMember['state'], audit: readonly AuditRecord[] = []): Promise<boolean> {
    return this.#run('updateMember', () =>
      this.#engine.writeTransaction(async (trx) => {
        const { batch_id: _b, position: _p, ...set } = memberRow(member);
        const result = await trx.updateTable('batch_members').set(set)
          .where('batch_id', '=', member.batchId).where('position', '=', member.position).where('state', '=', expectedState).executeTakeFirst();
        if (result.numUpdatedRows !== 1n) return false;
        await this.#audit(trx, audit);
        return true;
      }));
  }
}
