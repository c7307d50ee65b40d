// The Bot Framework connector the demo's activities name as `serviceUrl`: the routes a bot calls to post, reply to,
// update and delete messages and to list a conversation's members (/v3/conversations/...), answering as the Teams
// connector does. What the bot sends lands in the demo conversations, which stream it to the page.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MountedRoute } from '../../server/http-server.ts';
import type { DemoContent, DemoConversations } from './demo-conversations.ts';
import { conversationOf, type DemoPlaces } from './demo-places.ts';
import { readJsonBody, sendBodyError, sendJson } from './http-io.ts';

/** Where the connector is mounted; activities carry `<server>/demo/connector` as their serviceUrl. */
export const CONNECTOR_PATH = '/demo/connector';

/** Teams refuses messages over about 28 KB; the demo takes more, so an oversized card shows on the page (the Teams tests check sizes). */
const MAX_ACTIVITY_BYTES = 256 * 1024;

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;
const MEMBERS = /^\/v3\/conversations\/([^/]+)\/(members|pagedMembers)\/?$/;
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const decode = (segment: string): string | null => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
};

/** A Bot Framework error envelope. */
const fail = (res: ServerResponse, status: number, code: string, message: string) => sendJson(res, status, { error: { code, message } });

/** The text and Adaptive Cards of an activity the bot sent. */
function contentOf(activity: Record<string, unknown>): DemoContent {
  const attachments = Array.isArray(activity.attachments) ? activity.attachments.filter(isRecord) : [];
  return {
    text: typeof activity.text === 'string' && activity.text !== '' ? activity.text : null,
    cards: attachments.filter((a) => a.contentType === ADAPTIVE_CARD && isRecord(a.content)).map((a) => a.content),
  };
}

/** The connector's route on the shared server. */
export function demoConnectorRoute(conversations: DemoConversations, places: DemoPlaces): MountedRoute {
  async function activities(req: IncomingMessage, res: ServerResponse, conversationId: string, activityId: string | null): Promise<void> {
    const conversation = conversationOf(conversationId);
    if (!places.members(conversation)) return fail(res, 404, 'ConversationNotFound', `Conversation ${conversation} is not one of the demo's.`);
    if (req.method === 'DELETE') {
      if (!activityId || !conversations.remove(conversation, activityId)) return fail(res, 404, 'ActivityNotFound', 'Unknown activity.');
      return sendJson(res, 200, {});
    }
    if (req.method !== 'POST' && req.method !== 'PUT') return fail(res, 405, 'MethodNotAllowed', `${req.method ?? ''} is not supported here.`);
    const body = await readJsonBody(req, MAX_ACTIVITY_BYTES);
    if (!body.ok) return sendBodyError(res, body);
    if (!isRecord(body.value)) return fail(res, 400, 'BadArgument', 'The activity must be a JSON object.');
    const activity = body.value;
    if (req.method === 'PUT') {
      if (!activityId) return fail(res, 400, 'BadArgument', 'An update needs an activity id.');
      const updated = conversations.update(conversation, activityId, contentOf(activity));
      return updated ? sendJson(res, 200, { id: updated.id }) : fail(res, 404, 'ActivityNotFound', 'Unknown activity.');
    }
    // Typing indicators and other non-message activities are acknowledged, not shown.
    if (activity.type !== undefined && activity.type !== 'message') return sendJson(res, 201, { id: `${activity.type as string}-ack` });
    const from = isRecord(activity.from) && typeof activity.from.id === 'string' ? activity.from.id : 'bot';
    const posted = conversations.post(conversation, { kind: 'bot', id: from, name: 'License Doctor' }, contentOf(activity));
    return sendJson(res, 201, { id: posted.id });
  }

  function members(res: ServerResponse, conversationId: string, paged: boolean): void {
    const list = places.members(conversationId);
    if (!list) return fail(res, 404, 'ConversationNotFound', 'Conversation not found.');
    const accounts = list.map((p) => ({ id: p.teamsId, name: p.name, aadObjectId: p.aadObjectId, userPrincipalName: p.userPrincipalName, email: p.userPrincipalName }));
    sendJson(res, 200, paged ? { members: accounts } : accounts);
  }

  return {
    method: '*',
    path: `${CONNECTOR_PATH}/`,
    handler: async (req, res) => {
      const path = (req.url ?? '/').split('?')[0]?.slice(CONNECTOR_PATH.length) ?? '';
      const member = MEMBERS.exec(path);
      if (member) {
        const id = decode(member[1] ?? '');
        if (req.method !== 'GET' || id === null) return fail(res, req.method === 'GET' ? 400 : 405, 'BadArgument', 'Use GET with a conversation id.');
        return members(res, id, member[2] === 'pagedMembers');
      }
      const match = ACTIVITIES.exec(path);
      const conversationId = match ? decode(match[1] ?? '') : null;
      const activityId = match?.[2] === undefined ? null : decode(match[2]);
      if (!match || conversationId === null || (match[2] !== undefined && activityId === null)) {
        return fail(res, 404, 'NotFound', `${req.method ?? ''} ${path} is not a connector route of the demo.`);
      }
      // A reply (POST .../activities/{id}) is shown as a new message, as a personal chat shows it.
      return activities(req, res, conversationId, req.method === 'POST' ? null : activityId);
    },
  };
}
