import type { Alert, AlertCause } from '../model/alert.ts';
import type { DiagnosisReport } from '../model/diagnosis.ts';

/** A failed push to alert: who, why, and the diagnosis that says so. */
export interface AlertFailure {
  readonly userPrincipalName: string;
  readonly displayName: string;
  readonly cause: AlertCause;
  readonly report: DiagnosisReport;
}

/** What a purge deleted: alerts, and the user rows on them. */
export interface AlertPurge {
  readonly alerts: number;
  readonly users: number;
}

export type AlertFailureOutcome =
  /** A new alert for the cause (none was gathering): the caller posts its card. */
  | { readonly kind: 'opened'; readonly alert: Alert }
  /** The user joined the cause's open alert: its card is updated. */
  | { readonly kind: 'joined'; readonly alert: Alert }
  /** The user is on an alert and not resolved: nothing changes. */
  | { readonly kind: 'already-alerted'; readonly alertId: string };

/**
 * Alert state, shared by every instance on the store (Kysely on SQLite and PostgreSQL, one contract). Each change is
 * one transaction whose claims decide it: of instances recording failures at once, one opens a cause's alert and the
 * others join it, and a user is alerted once until resolved. Throws LicenseDoctorError (store).
 */
export interface AlertStore {
  /** Records a failure at `nowMs`: opens an alert `newAlertId` for its cause when none is gathering (the window of
   *  `windowMinutes` from the alert's opening has passed or none exists), else joins the open one; a user already
   *  alerted and unresolved changes nothing. */
  recordFailure(failure: AlertFailure, nowMs: number, windowMinutes: number, newAlertId: string): Promise<AlertFailureOutcome>;
  /** Marks the user resolved on the alert they are on; that alert after the change, or null (not alerted). */
  resolve(userPrincipalName: string, nowMs: number): Promise<Alert | null>;
  /** The alert, or null. */
  get(alertId: string): Promise<Alert | null>;
  /** Ends every alert's gathering window at `nowMs` and releases every alerted user, so the next failure of any cause
   *  opens a new alert and alerts its user again (the cards are gone: the demo's reset). The alerts stay as history;
   *  resolves how many users were released. */
  closeOpen(nowMs: number): Promise<number>;
  /** Deletes up to `limit` alerts closed at or before `closedBeforeMs`, with their user rows and the card references
   *  saved under `alert:<id>` (the cards themselves are not touched). Closed: the gathering window ended by then, no user
   *  is still alerted on it (every one resolved, or released by closeOpen), and no user was resolved after then. An open
   *  alert is never deleted. Several instances purging at once each count only what they deleted. */
  purgeClosed(closedBeforeMs: number, limit: number): Promise<AlertPurge>;
}
