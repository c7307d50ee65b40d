// SCAN_SCHEDULE: every instance ticks, and for each due UTC minute the instance that claims it in the store (a
// claim keyed by the minute, across instances) runs the scan; the others do nothing for that minute. The scan itself is
// the CLI's (the scan lease still keeps it one at a time: a scan asked from chat meanwhile is told it runs), audited as
// the `schedule`, and its summary card goes to the alerts channels (ALERTS_CHANNEL, TEAMS_ALERTS_CONVERSATION).
import { isLicenseDoctorError } from '../../core/errors.ts';
import type { Claims } from '../../core/ports/claims.ts';
import { cronMatches, type CronSchedule } from '../../core/scan/cron.ts';
import { scanStoppedView, scanSummaryView, type ScanCardView } from '../../core/views/scan-view.ts';
import type { AlertOutlets } from '../alerts/alert-outlets.ts';
import type { AppLogger } from '../app-logger.ts';
import { scanOnDemand, type OpenScan, type ScanAuditDeps } from './scan-on-demand.ts';

const MINUTE = 60_000;
/** How far back a late tick still runs a missed minute (a paused process does not replay a day of minutes). */
const CATCH_UP_MINUTES = 5;
/** How long a minute's claim is kept: far longer than any instance can lag behind the catch-up window. */
const CLAIM_TTL_MS = 60 * MINUTE;
/** How cards (and a scan asked for meanwhile) name a scheduled scan. */
const SCHEDULE_NAME = 'the schedule (SCAN_SCHEDULE)';

export interface ScanScheduleDeps extends ScanAuditDeps {
  readonly claims: Claims;
  readonly outlets: AlertOutlets;
  readonly logger: AppLogger;
  readonly open: OpenScan;
}

/** The schedule's state on one instance. */
export class ScanSchedule {
  readonly #deps: ScanScheduleDeps;
  readonly #schedule: CronSchedule;
  readonly #stopping = new AbortController();
  #lastMinute: number | null = null;
  #running: Promise<void> | null = null;

  constructor(deps: ScanScheduleDeps, schedule: CronSchedule) {
    this.#deps = deps;
    this.#schedule = schedule;
  }

  /**
   * Checks the minutes since the last tick (the current one on the first); for a due minute this instance claims, the
   * scan starts. Resolves once it is decided (the scan runs on: see idle()). Never throws; failures are logged.
   */
  async tick(): Promise<void> {
    const minute = Math.floor(this.#deps.clock.now() / MINUTE) * MINUTE;
    const first = this.#lastMinute === null ? minute : Math.max(this.#lastMinute + MINUTE, minute - (CATCH_UP_MINUTES - 1) * MINUTE);
    this.#lastMinute = Math.max(minute, this.#lastMinute ?? minute);
    for (let m = first; m <= minute; m += MINUTE) {
      if (!cronMatches(this.#schedule, m) || this.#stopping.signal.aborted) continue;
      const key = `scan-schedule:${new Date(m).toISOString().slice(0, 16)}`;
      if (this.#running) {
        this.#deps.logger.info({ minute: key }, 'scheduled scan skipped: this instance is still running the previous one');
        continue;
      }
      try {
        if (!(await this.#deps.claims.claimOnce(key, this.#deps.clock.now(), CLAIM_TTL_MS))) continue;
      } catch (err) {
        this.#deps.logger.error({ err, minute: key }, 'could not claim a scheduled scan');
        continue;
      }
      this.#running = this.#run(key).finally(() => {
        this.#running = null;
      });
    }
  }

  /** Resolves when the scan this instance runs (if any) has finished and its summary was posted. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /** Stops the running scan after its pages in flight (its checkpoint stays) and waits for it. */
  async stop(): Promise<void> {
    this.#stopping.abort();
    await this.idle();
  }

  async #run(key: string): Promise<void> {
    const { logger } = this.#deps;
    logger.info({ minute: key, schedule: this.#schedule.source }, 'scheduled scan starting');
    let view: ScanCardView;
    try {
      const outcome = await scanOnDemand(this.#deps, { asker: null, displayName: SCHEDULE_NAME, open: this.#deps.open, stopSignal: this.#stopping.signal });
      if (outcome.kind === 'busy') {
        logger.info({ minute: key, runningFor: outcome.startedBy }, 'scheduled scan not run: a scan is already running');
        return;
      }
      view = scanSummaryView(outcome.summary, outcome.run.finishedAt ?? new Date(this.#deps.clock.now()).toISOString(), outcome.startedBy, outcome.resumed);
    } catch (err) {
      logger.error({ err, minute: key }, 'scheduled scan failed');
      view = scanStoppedView({ kind: 'failed', message: isLicenseDoctorError(err) ? err.message : 'The scheduled scan failed unexpectedly; the server log has the details.' });
    }
    await this.#post(view);
  }

  async #post(view: ScanCardView): Promise<void> {
    const outlets = this.#deps.outlets.list().filter((o) => o.postScan);
    if (outlets.length === 0) this.#deps.logger.warn({}, 'a scheduled scan finished but no alerts channel is configured (ALERTS_CHANNEL, TEAMS_ALERTS_CONVERSATION)');
    for (const outlet of outlets) {
      try {
        if (!(await outlet.postScan?.(view))) this.#deps.logger.warn({ surface: outlet.surface }, 'the scheduled scan\'s summary was not posted: the alerts channel is not known yet');
      } catch (err) {
        this.#deps.logger.error({ err, surface: outlet.surface }, 'could not post the scheduled scan\'s summary');
      }
    }
  }
}
