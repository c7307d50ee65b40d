// RequestStore on Kysely, the same code for SQLite and PostgreSQL; what differs lives in the StoreEngine. Every
// state change is one conditional statement (or one transaction around one), so concurrent instances cannot both win.
import type { Kysely } from 'kysely';
import { LicenseDoctorError } from '../../core/errors.ts';
import type { AuditEntry, AuditFilter, AuditHead, AuditRecord, AuditVerification, ConversationRef, JournalEntry, LeaseFence } from '../../core/model/journal.ts';
import type { LicenseRequest, RequestStatus } from '../../core/model/request.ts';
import type { EventChannel } from '../../core/ports/event-channel.ts';
import type { LeaseName } from '../../core/ports/leases.ts';
import type { RequestStore } from '../../core/ports/request-store.ts';
import type { RequestChangeOptions } from '../../core/ports/requests.ts';
import { requestStateHash } from './audit-chain.ts';
import { createConflict } from './kysely-target-leases.ts';
import { appendAuditEntries, appendAuditEntry, verifyAuditLog } from './audit-log.ts';
import { verifyRequestStates, withRequestStates } from './audit-requests.ts';
import { leaseTable } from './lease-table.ts';
import { OnceClaims } from './once-claims.ts';
import type { StoreDatabase } from './store-database.ts';
import type { StoreEngine } from './store-engine.ts';
import { auditEntry, conversationRef, conversationRefRow, decisionRows, journalEntry, journalRow, openTargetUpdate, parseRequest, requestColumns, requestRow } from './store-rows.ts';
import { isUniqueViolation, storeCall, toStoreError } from './to-store-error.ts';

const iso = (ms: number): string => new Date(ms).toISOString();

/** How often a SQLite store looks for request events from other processes (PostgreSQL is told at once). */
const EVENT_POLL_MS = 1_000;

/** How long readiness waits for the database to answer (a stopped server can leave a query hanging). */
const PING_TIMEOUT_MS = 3_000;

/** A caller broke the port's rules: a bug, not a database failure. */
const misuse = (operation: string, message: string) => new LicenseDoctorError('store', `${message} (a bug in the caller of ${operation}).`, { operation, reason: 'invalid-argument' });

/** The durable RequestStore over a StoreEngine (SQLite or PostgreSQL). */
export class KyselyRequestStore implements RequestStore {
  readonly #engine: StoreEngine;
  readonly #now: () => number;
  readonly #auditKey: string | null;
  readonly #claims: OnceClaims;

  /** `auditKey` (AUDIT_KEY): each audit entry then carries an HMAC of its hash, and verifyAudit checks them. */
  constructor(engine: StoreEngine, options: { readonly now?: () => number; readonly auditKey?: string } = {}) {
    this.#engine = engine;
    this.#now = options.now ?? Date.now;
    this.#auditKey = options.auditKey ?? null;
    this.#claims = new OnceClaims(engine);
  }

  #run<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    return storeCall(operation, this.#engine, fn);
  }

  /** With a key over a log whose head has no MAC (the key was just turned on), an `audit.keyed` entry seals it. */
  async migrate(): Promise<void> {
    return this.#run('migrate', async () => {
      await this.#engine.migrate();
      if (this.#auditKey === null) return;
      const head = await this.#engine.db.selectFrom('audit_log').select(['seq', 'mac']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      if (head === undefined || head.mac !== null) return;
      await appendAuditEntry(this.#engine, {
        at: iso(this.#now()), action: 'audit.keyed', actor: 'system', actorDetail: {}, requestId: null, data: { firstKeyedAfter: Number(head.seq) },
      }, this.#auditKey);
    });
  }

  async create(request: LicenseRequest, options: { readonly audit?: readonly AuditRecord[] } = {}): Promise<void> {
    if (request.version !== 1) throw misuse('create', `A new request has version 1, not ${request.version}`);
    try {
      await this.#engine.writeTransaction(async (trx) => {
        await trx.insertInto('requests').values(requestRow(request)).execute();
        await this.#insertDecisions(trx, request);
        await this.#auditState(trx, request, options.audit);
      });
    } catch (err) {
      // Two unique keys: the id, and the open request's target (one open request per target and path).
      if (isUniqueViolation(err)) throw await this.#run('create', () => createConflict(this.#engine, request));
      throw toStoreError(err, 'create', this.#engine);
    }
  }

  async get(id: string): Promise<LicenseRequest | null> {
    return this.#run('get', async () => {
      const row = await this.#engine.db.selectFrom('requests').select('request_json').where('id', '=', id).executeTakeFirst();
      return row === undefined ? null : parseRequest(row.request_json, id);
    });
  }

  async list(filter: { readonly statuses?: readonly RequestStatus[]; readonly limit?: number } = {}): Promise<LicenseRequest[]> {
    const { statuses, limit } = filter;
    if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw misuse('list', `limit must be a positive integer, not ${limit}`);
    if (statuses?.length === 0) return [];
    return this.#run('list', async () => {
      let query = this.#engine.db.selectFrom('requests').select(['id', 'request_json']).orderBy('created_at', 'desc').orderBy('id', 'desc');
      if (statuses !== undefined) query = query.where('status', 'in', [...statuses]);
      if (limit !== undefined) query = query.limit(limit);
      const rows = await query.execute();
      return rows.map((r) => parseRequest(r.request_json, r.id));
    });
  }

  async compareAndSet(expectedVersion: number, next: LicenseRequest, options: RequestChangeOptions = {}): Promise<boolean> {
    if (next.version !== expectedVersion + 1) throw misuse('compareAndSet', `The next version must be ${expectedVersion + 1}, not ${next.version}`);
    const { fence, audit = [] } = options;
    return this.#run('compareAndSet', () =>
      this.#engine.writeTransaction(async (trx) => {
        let update = trx.updateTable('requests').set({ ...requestColumns(next), ...openTargetUpdate(next) }).where('id', '=', next.id).where('version', '=', expectedVersion);
        if (fence) update = update.where('lease_owner', '=', fence.owner).where('lease_token', '=', fence.token);
        const result = await update.executeTakeFirst();
        if (result.numUpdatedRows !== 1n) return false;
        await this.#insertDecisions(trx, next);
        await this.#auditState(trx, next, audit);
        return true;
      }),
    );
  }

  /** The audit entries of a state change, in its transaction, each carrying the hash of the state it stored. */
  async #auditState(trx: Kysely<StoreDatabase>, request: LicenseRequest, audit: readonly AuditRecord[] = []): Promise<void> {
    await appendAuditEntries(this.#engine, trx, audit, { requestHash: requestStateHash(request), key: this.#auditKey });
  }

  /** Decisions are only ever appended, so the rows already written keep their positions and are left alone. */
  async #insertDecisions(trx: Kysely<StoreDatabase>, request: LicenseRequest): Promise<void> {
    const rows = decisionRows(request, iso(this.#now()));
    if (rows.length === 0) return;
    await trx.insertInto('decisions').values(rows).onConflict((oc) => oc.columns(['request_id', 'position']).doNothing()).execute();
  }

  /** `request:<id>` or `target:<key>` (lease-table.ts): one shape, the table the name's kind lives in. */
  async acquireLease(name: LeaseName, owner: string, nowMs: number, ttlMs: number): Promise<number | null> {
    checkLease('acquireLease', owner, nowMs, ttlMs);
    const { table, key } = leaseTable(name, 'acquireLease');
    return this.#run('acquireLease', () => table.acquire(this.#engine, key, owner, nowMs, ttlMs));
  }

  /** An expired lease nobody took is still this owner's: no one else can have run the plan meanwhile. */
  async renewLease(name: LeaseName, fence: LeaseFence, nowMs: number, ttlMs: number): Promise<boolean> {
    checkLease('renewLease', fence.owner, nowMs, ttlMs);
    const { table, key } = leaseTable(name, 'renewLease');
    return this.#run('renewLease', () => table.renew(this.#engine, key, fence, nowMs, ttlMs));
  }

  async releaseLease(name: LeaseName, fence: LeaseFence): Promise<void> {
    const { table, key } = leaseTable(name, 'releaseLease');
    return this.#run('releaseLease', () => table.release(this.#engine, key, fence));
  }

  /** A finished row is final: writing its attempt again (started or finished) changes nothing. */
  async writeJournal(entry: JournalEntry, fence?: LeaseFence): Promise<boolean> {
    if (!(Number.isInteger(entry.attempt) && entry.attempt > 0)) throw misuse('writeJournal', `attempt must be a positive integer, not ${entry.attempt}`);
    const row = journalRow(entry);
    return this.#run('writeJournal', () =>
      this.#engine.writeTransaction(async (trx) => {
        if (fence) {
          // A no-op update of the request row under the fence: on PostgreSQL it also locks the row, so a takeover
          // waits for this transaction and cannot slip between the check and the insert.
          const held = await trx.updateTable('requests').set((eb) => ({ lease_token: eb.ref('lease_token') })).where('id', '=', entry.requestId)
            .where('lease_owner', '=', fence.owner).where('lease_token', '=', fence.token).executeTakeFirst();
          if (held.numUpdatedRows !== 1n) return false;
        }
        await trx.insertInto('journal')
          .values(row)
          .onConflict((oc) =>
            oc.columns(['request_id', 'step_id', 'attempt'])
              .doUpdateSet({ status: row.status, vendor_request_ids: row.vendor_request_ids, finished_at: row.finished_at, detail: row.detail, owner: row.owner })
              .where('journal.status', '=', 'started'),
          )
          .execute();
        return true;
      }),
    );
  }

  async journal(requestId: string): Promise<JournalEntry[]> {
    return this.#run('journal', async () => {
      const rows = await this.#engine.db.selectFrom('journal').selectAll().where('request_id', '=', requestId)
        .orderBy('started_at').orderBy('attempt').orderBy('step_id').execute();
      return rows.map(journalEntry);
    });
  }

  async saveConversationRef(ref: ConversationRef): Promise<void> {
    const row = conversationRefRow(ref);
    return this.#run('saveConversationRef', async () => {
      await this.#engine.write((db) =>
        db.insertInto('conversation_refs').values(row).onConflict((oc) => oc.columns(['surface', 'key']).doUpdateSet({ ref: row.ref, updated_at: row.updated_at })).execute(),
      );
    });
  }

  async claimNotice(key: string, at: string): Promise<boolean> {
    return this.#run('claimNotice', async () => {
      const result = await this.#engine.write((db) =>
        db.insertInto('notices_sent').values({ key, sent_at: at }).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst(),
      );
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    });
  }

  async claimOnce(key: string, nowMs: number, ttlMs: number): Promise<boolean> {
    if (key === '' || !Number.isFinite(nowMs) || !(Number.isInteger(ttlMs) && ttlMs > 0)) throw misuse('claimOnce', `A claim needs a key, a time and a positive integer ttlMs (got ${nowMs}, ${ttlMs})`);
    return this.#run('claimOnce', () => this.#claims.claim(key, nowMs, ttlMs));
  }

  async conversationRefs(key: string): Promise<ConversationRef[]> {
    return this.#run('conversationRefs', async () => {
      const rows = await this.#engine.db.selectFrom('conversation_refs').selectAll().where('key', '=', key).orderBy('surface').execute();
      return rows.map(conversationRef);
    });
  }

  async appendAudit(record: AuditRecord): Promise<AuditEntry> {
    return this.#run('appendAudit', () => appendAuditEntry(this.#engine, record, this.#auditKey));
  }

  async audit(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    return this.#run('audit', async () => {
      let query = this.#engine.db.selectFrom('audit_log').selectAll().orderBy('seq');
      if (filter.requestId !== undefined) query = query.where('request_id', '=', filter.requestId);
      if (filter.since !== undefined) query = query.where('at', '>=', filter.since);
      if (filter.afterSeq !== undefined) query = query.where('seq', '>', filter.afterSeq);
      if (filter.limit !== undefined) query = query.limit(filter.limit);
      return (await query.execute()).map(auditEntry);
    });
  }

  async verifyAudit(): Promise<AuditVerification> {
    return this.#run('verifyAudit', async () => {
      const chain = await verifyAuditLog(this.#engine.db, undefined, this.#auditKey);
      return chain.kind === 'broken' ? chain : withRequestStates(chain, await verifyRequestStates(this.#engine.db));
    });
  }

  async auditHead(): Promise<AuditHead | null> {
    return this.#run('auditHead', async () => {
      const top = await this.#engine.db.selectFrom('audit_log').select(['seq', 'hash', 'mac']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      return top === undefined ? null : { seq: Number(top.seq), hash: top.hash, mac: top.mac ?? null };
    });
  }

  eventChannel(origin: string, options: { readonly pollMs?: number } = {}): EventChannel {
    return this.#engine.eventChannel(origin, options.pollMs ?? EVENT_POLL_MS);
  }

  /** False when the database does not answer within PING_TIMEOUT_MS; the reason is for the caller to find by calling an operation. */
  async ping(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
    });
    const answer = this.#engine.db.selectNoFrom((eb) => eb.val(1).as('one')).execute().then(
      () => true,
      // Readiness is a yes/no answer by contract; operations report the failure itself through toStoreError.
      () => false,
    );
    try {
      return await Promise.race([answer, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    return this.#run('close', () => this.#engine.close());
  }
}

function checkLease(operation: string, owner: string, nowMs: number, ttlMs: number): void {
  if (owner === '') throw misuse(operation, 'A lease needs an owner');
  if (!Number.isFinite(nowMs) || !(Number.isInteger(ttlMs) && ttlMs > 0)) throw misuse(operation, `nowMs must be a time and ttlMs a positive integer (got ${nowMs}, ${ttlMs})`);
}
