// The demo's "Push from Okta": Okta pushes a seeded user's profile again (an admin's Retry under Dashboard > Tasks) and
// the outcome lands in the sandbox's System Log; then one System Log poll runs (the same use case OKTA_LOG_POLL_SECONDS
// runs on a timer: the cursor in the store, each new failure diagnosed once and alerted). A failed push thus becomes an
// alert card in the demo's alerts channel, posted by the Teams surface like any alert.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { pollSystemLog, type PollDeps } from '../../app/events/poll-system-log.ts';
import type { AlertService } from '../../app/alerts/alert-service.ts';
import type { DiagnoseDeps } from '../../app/diagnose-user.ts';
import type { OktaEvents } from '../../app/events/okta-events.ts';
import type { Logger } from '../../logging/create-logger.ts';
import type { MountedRoute } from '../../server/http-server.ts';
import type { RunningSandbox } from '../../sandbox/start-sandbox.ts';
import { readJsonBody, sendBodyError, sendJson } from './http-io.ts';
import { checkSameOriginJson } from './same-origin-json.ts';

const schema = z.object({ upn: z.string().trim().min(3).max(256) });

/** What one System Log poll needs. */
export interface DemoPushDeps {
  /** Opens the event receipts, the poll cursor and the System Log. */
  openOktaEvents(): Promise<OktaEvents>;
  readonly diagnose: DiagnoseDeps;
  readonly alerts: Pick<AlertService, 'onDiagnosis' | 'idle' | 'closeOpen'>;
  readonly logger: Logger;
}

/** The route, and what closes the event stores it opened. */
export function demoPushRoute(deps: DemoPushDeps, sandbox: RunningSandbox): { readonly route: MountedRoute; close(): Promise<void> } {
  let opened: Promise<OktaEvents> | null = null;
  const owner = `demo:${process.pid}:${randomBytes(3).toString('hex')}`;
  const poll = async () => {
    opened ??= deps.openOktaEvents();
    const stores = await opened;
    const polling: PollDeps = {
      diagnose: deps.diagnose, receipts: stores.receipts, logger: deps.logger, log: stores.log, cursors: stores.cursors,
      onDiagnosis: async (d) => {
        await deps.alerts.onDiagnosis(d);
      },
      // The demo's first poll looks at the last few minutes only: the seeded tenant's old failures are not news.
      owner, leaseMs: 30_000, firstPollLookbackMs: 5 * 60_000, maxPages: 20,
    };
    return pollSystemLog(polling);
  };
  const route: MountedRoute = {
    method: 'POST',
    path: '/demo/api/push',
    handler: async (req, res) => {
      const origin = checkSameOriginJson(req);
      if (!origin.ok) return sendJson(res, origin.status, { error: origin.error });
      const body = await readJsonBody(req, 4096);
      if (!body.ok) return sendBodyError(res, body);
      const parsed = schema.safeParse(body.value);
      if (!parsed.success) return sendJson(res, 400, { error: 'Give the user principal name of a seeded user.' });
      const { upn } = parsed.data;
      if (sandbox.okta.retryPush(upn) === 0) return sendJson(res, 404, { error: `Okta does not push ${upn} to Office 365: nothing to push.` });
      await sandbox.okta.idle();
      const failed = sandbox.tenant.state.okta.apps.some((a) => a.appUsers.some((u) => u.userName.toLowerCase() === upn.toLowerCase() && u.syncState === 'ERROR'));
      const outcome = await poll().catch((err: unknown) => {
        deps.logger.error({ err }, 'the demo could not read the System Log');
        return null;
      });
      // The answer comes once the alert card is posted or updated.
      await deps.alerts.idle();
      sendJson(res, 200, { upn, pushFailed: failed, diagnosed: outcome?.kind === 'polled' ? outcome.diagnosed : 0 });
    },
  };
  return {
    route,
    close: async () => {
      const stores = opened;
      opened = null;
      if (stores) await (await stores).close();
    },
  };
}
