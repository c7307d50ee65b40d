// Use case: proactive alerts that do not spam. Each diagnosed push failure (event hook or System Log poller) is
// recorded in the shared alert store: a new cause opens an alert whose card this instance posts to every outlet; a
// failure of the same cause within the window joins it and the card is updated in place; a user already alerted is not
// alerted again until resolved; a later diagnosis without the failure, or a succeeded request for the user, resolves
// them and updates the card. Every alert posted and every user added or resolved is audited. The maintenance pass
// deletes alerts closed longer than the retention period (audited with the counts; the audit entries stay).
import { alertCause, showsResolved } from '../../core/alerts/alert-rules.ts';
import type { Alert } from '../../core/model/alert.ts';
import type { Diagnosis, DiagnosisReport } from '../../core/model/diagnosis.ts';
import type { AlertStore } from '../../core/ports/alert-store.ts';
import type { AuditLog } from '../../core/ports/audit-log.ts';
import type { Clock } from '../../core/ports/clock.ts';
import type { ConversationRefs } from '../../core/ports/conversation-refs.ts';
import { alertView } from '../../core/views/alert-view.ts';
import type { AppLogger } from '../app-logger.ts';
import type { RequestEvent, RequestEvents } from '../request-events.ts';
import type { AlertCardRef, AlertOutlet, AlertOutlets } from './alert-outlets.ts';

export interface AlertDeps {
  /** Opened on first use (the event stores' engine); closed by close(). */
  readonly openStore: () => Promise<{ readonly alerts: AlertStore; close(): Promise<void> }>;
  /** Card references and the audit log. */
  readonly store: ConversationRefs & Pick<AuditLog, 'appendAudit'>;
  readonly outlets: AlertOutlets;
  readonly clock: Clock;
  readonly logger: AppLogger;
  readonly windowMinutes: number;
  /** Closed alerts are deleted this many days after they closed (ALERT_RETENTION_DAYS). */
  readonly retentionDays: number;
  readonly newAlertId: () => string;
}

export type AlertOutcome = 'opened' | 'joined' | 'already-alerted' | 'resolved' | 'nothing';

/** A card is re-rendered at most this many times per change while other instances keep changing it. */
const MAX_RENDERS = 5;

const refKey = (alertId: string) => `alert:${alertId}`;

const DAY_MS = 86_400_000;
/** A maintenance pass purges at most this often per instance (the periodic pass runs every 15 s). */
const PURGE_EVERY_MS = 3_600_000;
/** Alerts deleted per transaction, so a long backlog never holds the store's write lock for long. */
const PURGE_CHUNK = 500;

export class AlertService {
  readonly #deps: AlertDeps;
  #opened: ReturnType<AlertDeps['openStore']> | null = null;
  /** When this instance last purged (null: not yet). */
  #purgedAt: number | null = null;
  /** Per alert, the chain of card work of this instance (one change at a time per card). */
  readonly #chains = new Map<string, Promise<void>>();
  readonly #pending = new Set<Promise<unknown>>();
  /** While an alert has card work queued: the version each outlet's card shows (`<alertId>|<surface>`). */
  readonly #shown = new Map<string, number>();

  constructor(deps: AlertDeps) {
    this.#deps = deps;
  }

  async #alerts(): Promise<AlertStore> {
    this.#opened ??= this.#deps.openStore().catch((err: unknown) => {
      this.#opened = null;
      throw err;
    });
    return (await this.#opened).alerts;
  }

  /** A push failure was diagnosed: alert it, aggregate it, or (its failure gone) resolve the user. */
  async onDiagnosis(diagnosis: Pick<Diagnosis, 'report'>): Promise<AlertOutcome> {
    const { report } = diagnosis;
    const user = report.user;
    if (!user) return 'nothing';
    if (showsResolved(report)) return (await this.resolve(user.userPrincipalName, 'diagnosis')) ? 'resolved' : 'nothing';
    const cause = alertCause(report);
    if (!cause) return 'nothing';
    const now = this.#deps.clock.now();
    const outcome = await (await this.#alerts()).recordFailure(
      { userPrincipalName: user.userPrincipalName, displayName: user.displayName, cause, report }, now, this.#deps.windowMinutes, this.#deps.newAlertId());
    if (outcome.kind === 'already-alerted') return outcome.kind;
    const opened = outcome.kind === 'opened';
    // The cards follow off the caller's path: failures arriving in a burst are recorded at once, and each card is then
    // updated as few times as its platform's pace allows (renders that would show nothing new are skipped).
    this.#serially(outcome.alert.id, async () => {
      const surfaces = await this.#render(outcome.alert, opened);
      await this.#audit(opened ? 'alert.posted' : 'alert.user-added', outcome.alert, user.userPrincipalName, now, opened ? { surfaces } : {});
    });
    return outcome.kind;
  }

  /** A diagnosis asked for in chat: when it shows an alerted user's failure gone, they are resolved on their alert. */
  async noteDiagnosis(report: DiagnosisReport): Promise<void> {
    if (report.user && showsResolved(report)) await this.resolve(report.user.userPrincipalName, 'diagnosis');
  }

  /** Marks the user resolved on their alert and updates its card; false when they were not alerted. */
  async resolve(userPrincipalName: string, by: 'diagnosis' | 'request'): Promise<boolean> {
    const now = this.#deps.clock.now();
    const alert = await (await this.#alerts()).resolve(userPrincipalName, now);
    if (!alert) return false;
    this.#serially(alert.id, async () => {
      await this.#render(alert, false);
      await this.#audit('alert.user-resolved', alert, userPrincipalName.toLowerCase(), now, { by });
    });
    return true;
  }

  /** Closes every open alert and releases its users (their cards are gone: the demo's reset); waits for card work first. */
  async closeOpen(): Promise<void> {
    await this.idle();
    const released = await (await this.#alerts()).closeOpen(this.#deps.clock.now());
    this.#deps.logger.info({ released }, 'open alerts closed: the next failure of any cause opens a new alert');
  }

  /**
   * Maintenance: deletes the alerts closed more than `retentionDays` ago (their user rows and card references; the
   * posted cards and the audit log are left alone) and audits how many, once an hour per instance; null when not due.
   */
  async purgeClosed(): Promise<{ alerts: number; users: number } | null> {
    const now = this.#deps.clock.now();
    if (this.#purgedAt !== null && now - this.#purgedAt < PURGE_EVERY_MS) return null;
    this.#purgedAt = now;
    const closedBefore = now - this.#deps.retentionDays * DAY_MS;
    const store = await this.#alerts();
    const total = { alerts: 0, users: 0 };
    for (;;) {
      const chunk = await store.purgeClosed(closedBefore, PURGE_CHUNK);
      total.alerts += chunk.alerts;
      total.users += chunk.users;
      if (chunk.alerts < PURGE_CHUNK) break;
    }
    if (total.alerts === 0) return total;
    const closedBeforeIso = new Date(closedBefore).toISOString();
    this.#deps.logger.info({ ...total, retentionDays: this.#deps.retentionDays, closedBefore: closedBeforeIso }, 'closed alerts past their retention deleted');
    await this.#deps.store.appendAudit({
      at: new Date(now).toISOString(), action: 'alert.purged', actor: 'system', actorDetail: { source: 'maintenance' }, requestId: null,
      data: { ...total, retentionDays: this.#deps.retentionDays, closedBefore: closedBeforeIso },
    });
    return total;
  }

  /** The alert (its cause: group, SKU, verdict; its users), for actions on it such as a batch fix. */
  async alert(alertId: string): Promise<Alert | null> {
    return (await this.#alerts()).get(alertId);
  }

  /** Resolves the target user of each succeeded request (this instance's; others' come to their own instance). */
  follow(events: RequestEvents): () => void {
    return events.subscribe((event: RequestEvent) => {
      if (event.type !== 'request-changed' || event.remote === true || event.request.status !== 'succeeded') return;
      const work = this.resolve(event.request.target.userPrincipalName, 'request')
        .catch((err: unknown) => this.#deps.logger.error({ err, requestId: event.request.id }, 'could not resolve an alerted user'));
      this.#pending.add(work);
      void work.finally(() => this.#pending.delete(work));
    });
  }

  /** Resolves when no alert work of this instance is running. */
  async idle(): Promise<void> {
    while (this.#pending.size > 0 || this.#chains.size > 0) await Promise.allSettled([...this.#pending, ...this.#chains.values()]);
  }

  async close(): Promise<void> {
    await this.idle();
    const opened = this.#opened;
    this.#opened = null;
    if (opened) await (await opened).close();
  }

  /** Queues card work for an alert (one at a time per alert on this instance; idle() waits for it). */
  #serially(alertId: string, work: () => Promise<void>): void {
    const settled = (this.#chains.get(alertId) ?? Promise.resolve()).then(work)
      .catch((err: unknown) => this.#deps.logger.error({ err, alertId }, 'an alert card could not be kept current'));
    this.#chains.set(alertId, settled);
    void settled.then(() => {
      if (this.#chains.get(alertId) !== settled) return;
      this.#chains.delete(alertId);
      for (const key of [...this.#shown.keys()]) if (key.startsWith(`${alertId}|`)) this.#shown.delete(key);
    });
  }

  /** Posts (a new alert) or updates its card on every outlet; the surfaces it reached. */
  async #render(alert: Alert, post: boolean): Promise<string[]> {
    const reached = await Promise.all(this.#deps.outlets.list().map(async (outlet) => {
      try {
        return (await this.#renderOn(outlet, alert, post)) ? [outlet.surface] : [];
      } catch (err) {
        this.#deps.logger.error({ err, alertId: alert.id, surface: outlet.surface }, 'an alert card could not be posted or updated');
        return [];
      }
    }));
    return reached.flat();
  }

  /**
   * Posts or updates one outlet's card, then re-renders while the stored alert moved on (another instance added or
   * resolved a user meanwhile). The poster saves the card's reference before it re-reads the alert, and a changer
   * bumps the version before it looks for the reference: one of them always renders the latest state.
   */
  async #renderOn(outlet: AlertOutlet, alert: Alert, post: boolean): Promise<boolean> {
    const key = refKey(alert.id);
    let ref: AlertCardRef | null;
    const shownKey = `${alert.id}|${outlet.surface}`;
    let shown = this.#shown.get(shownKey) ?? -1;
    if (post) {
      ref = await outlet.post(alertView(alert));
      if (!ref) return false;
      await this.#deps.store.saveConversationRef({ surface: outlet.surface, key, ref, updatedAt: new Date(this.#deps.clock.now()).toISOString() });
      shown = alert.version;
      this.#shown.set(shownKey, shown);
    } else {
      ref = (await this.#deps.store.conversationRefs(key)).find((r) => r.surface === outlet.surface)?.ref ?? null;
      // Not posted yet: the instance posting it renders the latest state once its reference is saved.
      if (!ref) return false;
    }
    const alerts = await this.#alerts();
    for (let i = 0; i < MAX_RENDERS; i += 1) {
      const latest = await alerts.get(alert.id);
      if (!latest || latest.version <= shown) break;
      await outlet.update(ref, alertView(latest));
      shown = latest.version;
      this.#shown.set(shownKey, shown);
    }
    return true;
  }

  async #audit(action: string, alert: Alert, upn: string, nowMs: number, extra: Record<string, unknown>): Promise<void> {
    const failing = alert.members.filter((m) => m.status === 'alerted').length;
    await this.#deps.store.appendAudit({
      at: new Date(nowMs).toISOString(), action, actor: 'system', actorDetail: { source: 'okta-events' }, requestId: null,
      data: { alertId: alert.id, cause: alert.cause.key, groupId: alert.cause.group?.id ?? null, skuId: alert.cause.sku?.id ?? null, user: upn, failing, ...extra },
    }).catch((err: unknown) => this.#deps.logger.error({ err, alertId: alert.id, action }, 'an alert could not be audited'));
  }
}
