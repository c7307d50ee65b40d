// A fleet scan asked for in chat (`scan` on Slack or Teams): the person must be in the helpdesk group; one card is
// posted where they asked and follows the scan (pages read on each side, users diagnosed), then shows its summary,
// or that another scan is already running (and whose), or why it stopped. The scan is the CLI's (scanOnDemand).
import type { AppLogger } from '../../app/app-logger.ts';
import type { Clock } from '../../core/ports/clock.ts';
import { isLicenseDoctorError } from '../../core/errors.ts';
import { scanProgressView, scanStoppedView, scanSummaryView } from '../../core/views/scan-view.ts';
import type { ChatScans } from '../../server/surface.ts';
import type { ChatPerson } from './chat-person.ts';
import { reportUnexpected } from './report-unexpected.ts';
import { ScanCardFollower, type ScanCardChannel } from './scan-card-follower.ts';

export interface ChatScanDeps {
  readonly scans: ChatScans;
  readonly logger: AppLogger;
  readonly clock: Clock;
  /** Minimum time between two updates of the card (default 2 s). */
  readonly updateIntervalMs?: number;
  /** Stops the scan after the pages in flight (the surface is stopping); its checkpoint stays for a resume. */
  readonly stopSignal?: AbortSignal;
}

const ZERO = { oktaPages: 0, oktaUsers: 0, oktaDone: false, entraPages: 0, entraUsers: 0, entraDone: false, diagnosed: 0 };

/**
 * Runs the scan for `person`, its card in `channel`. Resolves with null once the card shows how it ended, or with a
 * message for the person when no card was posted (a refusal, a post that failed); never throws.
 */
export async function scanFromChat<H>(deps: ChatScanDeps, person: ChatPerson, channel: ScanCardChannel<H>): Promise<string | null> {
  const { scans, logger } = deps;
  let follower: ScanCardFollower<H> | null = null;
  let startedBy = person.entraIdentity;
  try {
    const outcome = await scans.run({
      asker: { upnOrId: person.entraIdentity, surface: person.surface, surfaceUserId: person.surfaceUserId },
      displayName: person.displayName,
      ...(deps.stopSignal ? { stopSignal: deps.stopSignal } : {}),
      onAdmitted: async (who) => {
        startedBy = who;
        follower = await ScanCardFollower.start(channel, scanProgressView(ZERO, who), { intervalMs: deps.updateIntervalMs ?? 2_000, logger });
      },
      onProgress: (p) => follower?.show(scanProgressView(p, startedBy)),
    });
    const last = outcome.kind === 'busy'
      ? scanStoppedView(outcome)
      : scanSummaryView(outcome.summary, outcome.run.finishedAt ?? new Date(deps.clock.now()).toISOString(), outcome.startedBy, outcome.resumed);
    return await show(follower, last);
  } catch (err) {
    const message = isLicenseDoctorError(err) ? err.message : reportUnexpected(logger, err, { flow: 'scan' });
    return show(follower, scanStoppedView({ kind: 'failed', message }), message);
  }
}

async function show<H>(follower: ScanCardFollower<H> | null, view: Parameters<ScanCardFollower<H>['finish']>[0], otherwise: string | null = null): Promise<string | null> {
  if (!follower) return otherwise ?? (view.kind === 'stopped' ? view.message : null);
  await follower.finish(view);
  return null;
}
