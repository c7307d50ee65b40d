// AlertStore on Kysely (migration 0017). Each change is one transaction of conditional writes, so instances on one
// store agree: the insert into alerted_users is the claim that alerts a user once until resolved; the upsert of
// alert_causes that only replaces a lapsed window is the claim that opens a cause's alert (the others join it).
import type { Kysely } from 'kysely';
import type { Alert, AlertCause, AlertMember } from '../../core/model/alert.ts';
import type { DiagnosisReport } from '../../core/model/diagnosis.ts';
import type { AlertFailure, AlertFailureOutcome, AlertPurge, AlertStore } from '../../core/ports/alert-store.ts';
import { windowEnd } from '../../core/alerts/alert-rules.ts';
import type { StoreDatabase } from './store-database.ts';
import type { StoreEngine } from './store-engine.ts';
import { storeCall } from './to-store-error.ts';

const iso = (ms: number) => new Date(ms).toISOString();

async function readAlert(db: Kysely<StoreDatabase>, alertId: string): Promise<Alert | null> {
  const row = await db.selectFrom('alerts').selectAll().where('id', '=', alertId).executeTakeFirst();
  if (!row) return null;
  const members = await db.selectFrom('alert_members').selectAll().where('alert_id', '=', alertId).orderBy('seq').orderBy('upn').execute();
  return {
    id: row.id,
    cause: JSON.parse(row.cause_json) as AlertCause,
    openedAt: row.opened_at,
    windowEndsAt: iso(Number(row.window_until_ms)),
    version: Number(row.version),
    members: members.map((m): AlertMember => ({
      userPrincipalName: m.upn,
      displayName: m.display_name,
      status: m.status === 'resolved' ? 'resolved' : 'alerted',
      alertedAt: m.alerted_at,
      resolvedAt: m.resolved_at,
      report: JSON.parse(m.report_json) as DiagnosisReport,
    })),
  };
}

/** Adds one to the alert's version (serialising writers of one alert) and returns the new version. */
async function bump(trx: Kysely<StoreDatabase>, alertId: string): Promise<number> {
  await trx.updateTable('alerts').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', alertId).execute();
  const row = await trx.selectFrom('alerts').select('version').where('id', '=', alertId).executeTakeFirstOrThrow();
  return Number(row.version);
}

/** Alert state in the store; the engine is the caller's (opened and closed with the other event stores). */
export class KyselyAlertStore implements AlertStore {
  readonly #engine: StoreEngine;

  constructor(engine: StoreEngine) {
    this.#engine = engine;
  }

  recordFailure(failure: AlertFailure, nowMs: number, windowMinutes: number, newAlertId: string): Promise<AlertFailureOutcome> {
    const upn = failure.userPrincipalName.toLowerCase();
    return storeCall('recordFailure', this.#engine, () => this.#engine.writeTransaction(async (trx): Promise<AlertFailureOutcome> => {
      const claimed = await trx.insertInto('alerted_users').values({ upn, alert_id: newAlertId }).onConflict((oc) => oc.column('upn').doNothing()).executeTakeFirst();
      if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) !== 1) {
        const on = await trx.selectFrom('alerted_users').select('alert_id').where('upn', '=', upn).executeTakeFirstOrThrow();
        return { kind: 'already-alerted', alertId: on.alert_id };
      }
      const until = windowEnd(nowMs, windowMinutes);
      const opened = await trx.insertInto('alert_causes').values({ cause_key: failure.cause.key, alert_id: newAlertId, window_until_ms: until })
        .onConflict((oc) => oc.column('cause_key').doUpdateSet({ alert_id: newAlertId, window_until_ms: until }).where('alert_causes.window_until_ms', '<=', nowMs))
        .executeTakeFirst();
      const isNew = Number(opened.numInsertedOrUpdatedRows ?? 0n) === 1;
      let alertId = newAlertId;
      if (isNew) {
        await trx.insertInto('alerts').values({
          id: newAlertId, cause_key: failure.cause.key, cause_json: JSON.stringify(failure.cause), opened_at: iso(nowMs), window_until_ms: until, version: 0,
        }).execute();
      } else {
        alertId = (await trx.selectFrom('alert_causes').select('alert_id').where('cause_key', '=', failure.cause.key).executeTakeFirstOrThrow()).alert_id;
        await trx.updateTable('alerted_users').set({ alert_id: alertId }).where('upn', '=', upn).execute();
      }
      const seq = await bump(trx, alertId);
      // A user resolved on this alert earlier and failing again within its window is listed again.
      await trx.deleteFrom('alert_members').where('alert_id', '=', alertId).where('upn', '=', upn).execute();
      await trx.insertInto('alert_members').values({
        alert_id: alertId, upn, seq, display_name: failure.displayName, status: 'alerted', alerted_at: iso(nowMs), resolved_at: null, report_json: JSON.stringify(failure.report),
      }).execute();
      const alert = await readAlert(trx, alertId);
      if (!alert) throw new Error(`alert ${alertId} vanished inside its transaction`);
      return { kind: isNew ? 'opened' : 'joined', alert };
    }));
  }

  resolve(userPrincipalName: string, nowMs: number): Promise<Alert | null> {
    const upn = userPrincipalName.toLowerCase();
    return storeCall('resolveAlertedUser', this.#engine, async () => {
      // Most diagnosed users were never alerted: a read answers them without taking the write lock.
      if (!(await this.#engine.db.selectFrom('alerted_users').select('upn').where('upn', '=', upn).executeTakeFirst())) return null;
      return this.#engine.writeTransaction(async (trx) => {
      const on = await trx.selectFrom('alerted_users').select('alert_id').where('upn', '=', upn).executeTakeFirst();
      if (!on) return null;
      const deleted = await trx.deleteFrom('alerted_users').where('upn', '=', upn).where('alert_id', '=', on.alert_id).executeTakeFirst();
      // Another instance resolved them first.
      if (deleted.numDeletedRows !== 1n) return null;
      await trx.updateTable('alert_members').set({ status: 'resolved', resolved_at: iso(nowMs) }).where('alert_id', '=', on.alert_id).where('upn', '=', upn).execute();
      await bump(trx, on.alert_id);
      return readAlert(trx, on.alert_id);
      });
    });
  }

  closeOpen(nowMs: number): Promise<number> {
    return storeCall('closeOpenAlerts', this.#engine, () => this.#engine.writeTransaction(async (trx) => {
      await trx.updateTable('alerts').set({ window_until_ms: nowMs }).where('window_until_ms', '>', nowMs).execute();
      await trx.deleteFrom('alert_causes').execute();
      const released = await trx.deleteFrom('alerted_users').executeTakeFirst();
      return Number(released.numDeletedRows);
    }));
  }

  purgeClosed(closedBeforeMs: number, limit: number): Promise<AlertPurge> {
    const before = iso(closedBeforeMs);
    return storeCall('purgeClosedAlerts', this.#engine, () => this.#engine.writeTransaction(async (trx): Promise<AlertPurge> => {
      // Closed: the window is over, nobody is still alerted on it (the claim that keeps an alert open), nobody resolved since.
      const closed = await trx.selectFrom('alerts').select('id').where('window_until_ms', '<=', closedBeforeMs)
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('alerted_users').select('upn').whereRef('alerted_users.alert_id', '=', 'alerts.id'))))
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('alert_members').select('upn').whereRef('alert_members.alert_id', '=', 'alerts.id').where('alert_members.resolved_at', '>', before))))
        .orderBy('window_until_ms').limit(limit);
      // PostgreSQL: rows another purge has locked are skipped, so instances purging at once never wait on each other's
      // rows in opposite orders (a deadlock). SQLite serialises write transactions.
      const ids = (await (this.#engine.kind === 'postgres' ? closed.forUpdate().skipLocked() : closed).execute()).map((r) => r.id);
      if (ids.length === 0) return { alerts: 0, users: 0 };
      // A closed alert no longer changes; of instances purging at once, each deletes (and counts) its own rows.
      const alerts = await trx.deleteFrom('alerts').where('id', 'in', ids).executeTakeFirst();
      const users = await trx.deleteFrom('alert_members').where('alert_id', 'in', ids).executeTakeFirst();
      await trx.deleteFrom('alert_causes').where('alert_id', 'in', ids).where('window_until_ms', '<=', closedBeforeMs).execute();
      await trx.deleteFrom('conversation_refs').where('key', 'in', ids.map((id) => `alert:${id}`)).execute();
      return { alerts: Number(alerts.numDeletedRows), users: Number(users.numDeletedRows) };
    }));
  }

  get(alertId: string): Promise<Alert | null> {
    return storeCall('getAlert', this.#engine, () => readAlert(this.#engine.db, alertId));
  }
}
