// The Microsoft Teams surface on the Teams SDK v2: POST /api/messages on the shared server (the SDK validates the
// JWT and builds invoke responses; other activities are acknowledged before they are processed), messages → diagnosis cards, Action.Execute (and its Action.Submit fallback) →
// the chat flows, approval cards with user-specific views, and every card kept current from the request events.
import { App } from '@microsoft/teams.apps';
import type { MountedSurface, SurfaceServices } from '../../server/surface.ts';
import { parseRequestCommand } from '../../core/approval/request-command.ts';
import { diagnoseText } from '../chat/chat-flows.ts';
import { approvalsConversationId, captureApprovalsChannel, comesFrom, type ActivityOrigin } from './approvals-channel.ts';
import { capturePersonalChat, TeamsApproverChats, type PersonalOrigin } from './approver-chats.ts';
import { CardFollower } from '../chat/card-follower.ts';
import { BatchCards } from '../chat/batch-cards.ts';
import { teamsPlatform } from './teams-platform.ts';
import { diagnosisCard } from './diagnosis-card.ts';
import { answerRequestCommand } from './request-command-replies.ts';
import { RouteAdapter, sdkActivityCheck } from './route-adapter.ts';
import { parseTeamsAction } from './teams-action.ts';
import { teamsAuth } from './teams-auth.ts';
import { helpText, teamsCommand } from './teams-command.ts';
import { teamsLogger } from './teams-logger.ts';
import { teamsPerson, UNKNOWN_PERSON_MESSAGE } from './teams-person.ts';
import { loadTeamsRef, TEAMS_REF_KEYS } from './teams-refs.ts';
import { invokeResponse, safely, turnOf } from './teams-turn.ts';
import { cardMessage, createTeamsSender } from './teams-sender.ts';
import { modeFooterText } from '../chat/mode-footer-text.ts';
import { footedSender, withModeFooter } from './mode-footer.ts';
import { runTeamsAction, type ActionReply, type TeamsContext } from './run-teams-action.ts';
import { registerTeamsAlerts } from './teams-alerts.ts';
import { registerTeamsScanCommand } from './scan-command.ts';

export { DEMO_APPROVALS_CONVERSATION } from './approvals-channel.ts';

/** The messaging endpoint (CONTRACT.md "HTTP routes"). */
export const TEAMS_MESSAGING_PATH = '/api/messages';

/** How long one Bot Connector call (post, update, members) may take. */
const TEAMS_API_TIMEOUT_MS = 15_000;

const STALE_CARD = 'This card is from an older version of License Doctor or was changed; send the user again for a fresh card.';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Builds the Teams surface (throws a configuration error for an unsafe authentication setup). */
export async function createTeamsSurface(surface: SurfaceServices): Promise<MountedSurface> {
  const { config, logger, services, conversationRefs: store, clock } = surface;
  const auth = teamsAuth(config);
  const adapter = new RouteAdapter();
  const app = new App({
    httpServerAdapter: adapter,
    logger: teamsLogger(logger),
    // Empty strings, not undefined: the SDK would otherwise read CLIENT_ID / CLIENT_SECRET from the environment.
    clientId: auth.kind === 'jwt' ? auth.clientId : '',
    clientSecret: auth.kind === 'jwt' ? auth.clientSecret : '',
    ...(auth.kind === 'jwt' && auth.tenantId ? { tenantId: auth.tenantId } : {}),
    dangerouslyAllowUnauthenticatedRequests: auth.kind === 'none',
    messagingEndpoint: TEAMS_MESSAGING_PATH,
    activity: { mentions: { stripText: true } },
    // A hung Bot Connector call must not hold a card update (or shutdown) forever.
    client: { timeout: TEAMS_API_TIMEOUT_MS },
  });
  const footer = modeFooterText(config);
  const sender = footedSender(createTeamsSender(app.api), footer);
  const foot = (reply: ActionReply): ActionReply => (reply.kind === 'card' ? { ...reply, card: withModeFooter(reply.card, footer) } : reply);
  const approvalsConversation = approvalsConversationId(config.teams?.approvalsConversation ?? null, config.mode === 'sandbox');
  const cards = new CardFollower({ platform: teamsPlatform(sender), refs: store, clock, logger, current: (id) => services.get(id) });
  const ctx: TeamsContext = { services, refs: store, sender, cards, logger, approvalsConversation, batches: surface.batches };
  // Batch cards go to the approvals channel once its reference is captured.
  const batchCards = new BatchCards({
    hub: surface.batches, follower: cards, claims: surface.claims, clock, logger,
    place: async () => {
      const known = await loadTeamsRef(store, TEAMS_REF_KEYS.approvalsChannel);
      return known && known.conversationId === approvalsConversation ? { ...known, refreshUserIds: null } : null;
    },
  });

  app.use(async (turn) => {
    try {
      if (await captureApprovalsChannel(store, approvalsConversation, turn.activity as ActivityOrigin, clock.now())) {
        logger.info({ conversationId: approvalsConversation }, 'Teams approvals channel captured');
      }
      await capturePersonalChat(store, turn.activity as PersonalOrigin, clock.now());
    } catch (err) {
      logger.error({ err }, 'could not keep the Teams approvals channel reference');
    }
    return turn.next();
  });
  const alertsChannel = registerTeamsAlerts(app, surface, cards.platform);

  const scans = registerTeamsScanCommand(app, { scans: surface.scans, clock, cards, sender, logger });

  app.on('card.action', async ({ activity, ref }) => {
    const person = teamsPerson(activity.from);
    if (!person) return invokeResponse({ kind: 'message', text: UNKNOWN_PERSON_MESSAGE });
    // External data: validated here, whatever the SDK's types say.
    const value: unknown = activity.value;
    const action = isRecord(value) && isRecord(value.action) ? parseTeamsAction(value.action.verb, value.action.data) : null;
    if (!action) return invokeResponse({ kind: 'message', text: STALE_CARD });
    return invokeResponse(foot(await safely(logger, action.verb, () => runTeamsAction(ctx, turnOf(person, activity, ref.serviceUrl), action))));
  });

  const replies = new Set<Promise<unknown>>();
  app.on('message', async ({ activity, ref, send }) => {
    const value: unknown = activity.value;
    if (isRecord(value) && typeof value.verb === 'string') {
      // Action.Submit fallback (clients without Universal Actions): the verb travels inside the data.
      const { verb, ...data } = value;
      const person = teamsPerson(activity.from);
      const action = parseTeamsAction(verb, data);
      if (!person || !action) {
        await send({ type: 'message', text: person ? STALE_CARD : UNKNOWN_PERSON_MESSAGE });
        return;
      }
      const reply = await safely(logger, action.verb, () => runTeamsAction(ctx, turnOf(person, activity, ref.serviceUrl), action));
      if (reply.kind === 'message') await send({ type: 'message', text: reply.text });
      else if (reply.scope === 'clicker') await send(cardMessage(withModeFooter(reply.card, footer), 'License Doctor'));
      return;
    }
    const asked = parseRequestCommand(activity.text ?? '');
    if (asked) {
      const reply = await answerRequestCommand(ctx, asked, teamsPerson(activity.from));
      await send(reply.kind === 'card' ? cardMessage(reply.card, reply.summary) : { type: 'message', text: reply.text });
      return;
    }
    const command = teamsCommand(activity.text);
    if (command.kind === 'help') {
      await send({ type: 'message', text: helpText(config.mode === 'sandbox') });
      return;
    }
    const asker = teamsPerson(activity.from);
    if (!asker) {
      await send({ type: 'message', text: UNKNOWN_PERSON_MESSAGE });
      return;
    }
    // The activity was answered when it was accepted (route-adapter.ts); the diagnosis waits its turn in the shared
    // work queue and is sent when ready, without holding the SDK's turn (stop() waits for it).
    const reply = (async () => {
      const diagnosis = await diagnoseText(ctx, asker, command.query);
      if (diagnosis.kind === 'message') await send({ type: 'message', text: diagnosis.message });
      else await send(cardMessage(withModeFooter(diagnosisCard(diagnosis.value), footer), diagnosis.value.headline));
    })().catch((err: unknown) => logger.error({ err }, 'a Teams diagnosis could not be sent'));
    replies.add(reply);
    void reply.finally(() => replies.delete(reply));
  });

  app.on('install.add', async ({ activity, send }) => {
    const conversationType = activity.conversation.conversationType;
    const text = comesFrom(activity as ActivityOrigin, approvalsConversation)
      ? 'License Doctor will post approval requests here. Approvers see Approve and Reject on each card; everyone sees where it stands.'
      : conversationType === 'personal' ? helpText(config.mode === 'sandbox') : 'License Doctor is here: mention it with a user principal name or a pasted Okta error to diagnose.';
    await send({ type: 'message', text });
  });

  await app.initialize();
  // Activities without an HTTP answer (all but invokes) are acknowledged once the SDK's check accepts them, and
  // processed after (route-adapter.ts).
  adapter.answerEarly(sdkActivityCheck(app.server), logger);
  const stopFollowing = cards.follow(surface.events);
  const stopBatchCards = batchCards.follow();
  const chats = new TeamsApproverChats({ services, refs: store, clock, sender, logger });
  const stopChats = chats.follow(surface.events);
  if (auth.kind === 'none') {
    logger.warn({ reason: auth.reason, path: TEAMS_MESSAGING_PATH }, 'Teams activities are accepted WITHOUT authentication (no Teams credentials configured)');
  }

  return {
    name: 'teams',
    routes: [adapter.route(TEAMS_MESSAGING_PATH)],
    start: async () => {
      await alertsChannel?.warnIfNotCaptured().catch((err: unknown) => logger.warn({ err }, 'the Teams alerts channel could not be checked'));
    },
    stop: async () => {
      // Every acknowledged activity is processed before anything else stops; new ones are refused (503).
      await adapter.stop();
      stopFollowing();
      await scans.stop();
      stopBatchCards();
      while (replies.size > 0) await Promise.allSettled([...replies]);
      stopChats();
      await chats.idle();
      await cards.idle();
      await batchCards.idle();
    },
    readiness: async () => ({
      authentication: auth.kind === 'jwt' ? 'jwt' : `none (${auth.reason})`,
      approvalsConversation,
      approvalsChannelCaptured: (await loadTeamsRef(store, TEAMS_REF_KEYS.approvalsChannel))?.conversationId === approvalsConversation,
      ...(await alertsChannel?.readiness()),
    }),
  };
}
