// Proactive detection on the shared server: the Okta event hook at /okta/events (OKTA_EVENT_HOOK_SECRET) and/or the
// System Log poller (OKTA_LOG_POLL_SECONDS), with event receipts and the poller's cursor in the store. Each new push
// failure of an Office 365 app user is diagnosed and alerted (the alert service); succeeded requests resolve alerted users.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { handlePushFailureEvents, type PushFailureEventDeps } from '../../app/events/handle-push-failure-events.ts';
import { pollSystemLog } from '../../app/events/poll-system-log.ts';
import type { AlertService } from '../../app/alerts/alert-service.ts';
import type { DiagnoseDeps } from '../../app/diagnose-user.ts';
import type { OktaEvents } from '../../app/events/okta-events.ts';
import type { RequestEvents } from '../../app/request-events.ts';
import type { Config } from '../../config/config.ts';
import type { Logger } from '../../logging/create-logger.ts';
import type { MountedSurface } from '../../server/surface.ts';
import { createOktaEventRoutes } from './okta-event-routes.ts';

/** What the Okta events surface is given. */
export interface OktaEventsSurfaceDeps {
  readonly config: Pick<Config, 'oktaEventHook' | 'oktaLogPollSeconds'>;
  readonly logger: Logger;
  /** What diagnosing a user needs. */
  readonly diagnose: DiagnoseDeps;
  /** Opens the event receipts, the poll cursor and the System Log. */
  openOktaEvents(): Promise<OktaEvents>;
  /** Proactive alerts: fed each diagnosis, and following the request events (a succeeded request resolves users). */
  readonly alerts: Pick<AlertService, 'onDiagnosis' | 'follow' | 'idle'>;
  readonly events: RequestEvents;
}

/** The hook routes (when a secret is configured) and the poller (when an interval is); stops both on stop(). */
export async function createOktaEventsSurface(deps: OktaEventsSurfaceDeps): Promise<MountedSurface> {
  const { config, logger, alerts } = deps;
  const stored = await deps.openOktaEvents();
  const handling: PushFailureEventDeps = { diagnose: deps.diagnose, receipts: stored.receipts, logger, onDiagnosis: async (d) => {
    await alerts.onDiagnosis(d);
  } };
  const hook = config.oktaEventHook
    ? createOktaEventRoutes({
        secret: config.oktaEventHook.secret,
        handle: (events) => handlePushFailureEvents(handling, events),
        onError: (err) => logger.error({ err }, 'an Okta event delivery could not be processed'),
      })
    : null;
  let timer: NodeJS.Timeout | null = null;
  let stopFollowing: (() => void) | null = null;
  let polling: Promise<unknown> = Promise.resolve();
  const startPolling = (seconds: number) => {
    const { log } = stored;
    const deps = {
      ...handling, log, cursors: stored.cursors,
      owner: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`, leaseMs: seconds * 3000, firstPollLookbackMs: 3_600_000, maxPages: 20,
    };
    timer = setInterval(() => {
      polling = polling.then(() => pollSystemLog(deps)).catch((err: unknown) => logger.error({ err }, 'System Log poll failed'));
    }, seconds * 1000);
    timer.unref();
  };
  return {
    name: 'okta-events',
    routes: hook?.routes ?? [],
    start: async () => {
      stopFollowing = alerts.follow(deps.events);
      if (config.oktaLogPollSeconds) startPolling(config.oktaLogPollSeconds);
    },
    stop: async () => {
      if (timer) clearInterval(timer);
      await polling;
      await hook?.idle();
      stopFollowing?.();
      await alerts.idle();
      await stored.close();
    },
    readiness: async () => ({ eventHook: hook ? 'enabled' : 'off', systemLogPoll: config.oktaLogPollSeconds ? `every ${config.oktaLogPollSeconds} s` : 'off' }),
  };
}
