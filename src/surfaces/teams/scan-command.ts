// `scan` in Teams (a personal chat, or a mention in a channel or group chat) runs the fleet scan (the CLI's, one at a
// time across instances) with one card in the conversation, updated in place. A middleware takes these messages
// before the diagnosis handler would read "scan" as a user name; everything else passes on.
import { randomBytes } from 'node:crypto';
import type { App } from '@microsoft/teams.apps';
import type { AppLogger } from '../../app/app-logger.ts';
import type { Clock } from '../../core/ports/clock.ts';
import type { ChatScans } from '../../server/surface.ts';
import { scanFromChat } from '../chat/scan-from-chat.ts';
import type { CardFollower } from '../chat/card-follower.ts';
import type { ScanCardChannel } from '../chat/scan-card-follower.ts';
import { teamsPerson, UNKNOWN_PERSON_MESSAGE, type TeamsAccount } from './teams-person.ts';
import type { TeamsPlace } from './teams-platform.ts';
import type { TeamsRef } from './teams-refs.ts';
import type { TeamsSender } from './teams-sender.ts';

const TAG = /<[^<>]{0,500}>/g;
/** The card follower's slot of a scan's card. */
const SCAN_SLOT = 'card';
const MENTION = /<at\b[^<>]{0,200}>[^<>]{0,200}<\/at>/gi;

/** Whether a message's text asks for a scan (mentions and markup aside). */
const asksForScan = (raw: string | undefined): boolean => /^\/?scan$/i.test((raw ?? '').replace(MENTION, ' ').replace(TAG, ' ').trim());

export interface TeamsScanDeps {
  readonly scans: ChatScans;
  readonly clock: Clock;
  /** Posts the card and keeps it current (the Teams platform). */
  readonly cards: CardFollower<TeamsPlace, TeamsRef>;
  readonly sender: Pick<TeamsSender, 'postText'>;
  readonly logger: AppLogger;
}

/** The card in the conversation where `scan` was asked, posted and kept current through the card follower. */
function teamsScanCard(cards: CardFollower<TeamsPlace, TeamsRef>, place: TeamsPlace): ScanCardChannel<string> {
  return {
    post: async (view) => {
      const subject = `scan:${randomBytes(6).toString('hex')}`;
      await cards.post(subject, SCAN_SLOT, place, { kind: 'scan', view });
      return subject;
    },
    update: (subject, view) => cards.show(subject, SCAN_SLOT, { kind: 'scan', view }),
  };
}

/** Installs the `scan` middleware; `stop()` stops the scans it started after their pages in flight and waits for them. */
export function registerTeamsScanCommand(app: App, deps: TeamsScanDeps): { stop(): Promise<void> } {
  const running = new Set<Promise<void>>();
  const stopping = new AbortController();
  app.use(async ({ activity, ref, next }) => {
    if (activity.type !== 'message' || !asksForScan(activity.text)) return next();
    const to: TeamsPlace = { serviceUrl: ref.serviceUrl, conversationId: activity.conversation.id, tenantId: activity.conversation.tenantId ?? null, refreshUserIds: null };
    const scan = (async () => {
      const person = teamsPerson(activity.from as TeamsAccount);
      const problem = person ? await scanFromChat({ scans: deps.scans, logger: deps.logger, clock: deps.clock, stopSignal: stopping.signal }, person, teamsScanCard(deps.cards, to)) : UNKNOWN_PERSON_MESSAGE;
      if (problem !== null) await deps.sender.postText(to, problem);
    })().catch((err: unknown) => deps.logger.error({ err }, 'a Teams scan could not be answered'));
    running.add(scan);
    void scan.finally(() => running.delete(scan));
  });
  return {
    stop: async () => {
      stopping.abort();
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
