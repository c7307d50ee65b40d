// Runs SCAN_SCHEDULE on this server: a tick every 20 s (and one at start) asks the schedule whether a minute is due;
// the instance that claims a due minute runs the scan and posts its summary to the alerts channels.
import { ScanSchedule } from '../app/scan/scan-schedule.ts';
import { LicenseDoctorError } from '../core/errors.ts';
import { parseCron } from '../core/scan/cron.ts';
import type { Runtime } from '../runtime.ts';

const TICK_MS = 20_000;

/** Starts the schedule when SCAN_SCHEDULE is set; `stop()` ends the running scan after its pages in flight. */
export function startScanSchedule(runtime: Runtime): { stop(): Promise<void> } | null {
  const expression = runtime.config.scan.schedule;
  if (expression === null) return null;
  const parsed = parseCron(expression);
  if (!parsed.ok) throw new LicenseDoctorError('configuration', `SCAN_SCHEDULE is not a cron expression: ${parsed.problem}.`);
  const { deps } = runtime.services;
  const schedule = new ScanSchedule({
    helpdesk: deps.helpdesk, auditLog: deps.auditLog, auditContext: deps.auditContext, clock: deps.clock, claims: deps.claims,
    outlets: runtime.alertOutlets, logger: runtime.logger.child({ component: 'scan-schedule' }),
    open: (o) => runtime.fleet.createScanRuntime(o),
  }, parsed.schedule);
  void schedule.tick();
  const timer = setInterval(() => void schedule.tick(), TICK_MS);
  timer.unref();
  runtime.logger.info({ schedule: parsed.schedule.source }, 'scheduled scans on (SCAN_SCHEDULE, UTC)');
  return {
    stop: async () => {
      clearInterval(timer);
      await schedule.stop();
    },
  };
}
