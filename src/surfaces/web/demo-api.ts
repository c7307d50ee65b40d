// The page's API: send a message or a click as a persona, reset the sandbox. Inputs are checked here; every rule
// about what a click may do is the bot's (the Teams surface and the services re-check each one).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { isLicenseDoctorError } from '../../core/errors.ts';
import type { MountedRoute } from '../../server/http-server.ts';
import type { DemoConversations } from './demo-conversations.ts';
import { demoPersona, type DemoPersona } from './demo-personas.ts';
import type { DemoPlaces } from './demo-places.ts';
import type { DemoTeamsClient } from './demo-teams-client.ts';
import { readJsonBody, sendBodyError, sendJson } from './http-io.ts';
import { checkSameOriginJson } from './same-origin-json.ts';

/** A pasted error text is at most 64 KiB (CONTRACT.md); JSON escaping may double it. */
const MAX_BODY_BYTES = 160 * 1024;

const persona = z.string().min(1).max(40);
const schemas = {
  message: z.object({ persona, text: z.string().trim().min(1, 'Type a user principal name or paste an error.').max(65_536) }),
  invoke: z.object({
    persona,
    conversationId: z.string().min(1).max(200),
    activityId: z.string().min(1).max(100),
    verb: z.string().min(1).max(100),
    data: z.record(z.string(), z.unknown()).default({}),
    trigger: z.enum(['manual', 'automatic']).default('manual'),
  }),
};

export interface DemoApiDeps {
  readonly client: DemoTeamsClient;
  readonly conversations: DemoConversations;
  readonly places: DemoPlaces;
  /** Resets the sandbox and the conversations (serialised by the surface). */
  readonly reset: () => Promise<{ readonly settled: boolean }>;
}

type Parsed<T> = { readonly value: T; readonly persona: DemoPersona } | null;

/** Reads and checks the body against `schema`; answers the error itself and returns null when it is unusable. */
async function parse<T extends { persona: string }>(req: IncomingMessage, res: ServerResponse, schema: z.ZodType<T>): Promise<Parsed<T>> {
  const body = await readJsonBody(req, MAX_BODY_BYTES);
  if (!body.ok) {
    sendBodyError(res, body);
    return null;
  }
  const checked = schema.safeParse(body.value);
  if (!checked.success) {
    sendJson(res, 400, { error: checked.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') });
    return null;
  }
  const who = demoPersona(checked.data.persona);
  if (!who) {
    sendJson(res, 400, { error: `Unknown persona ${checked.data.persona}.` });
    return null;
  }
  return { value: checked.data, persona: who };
}

/** Expected failures (the server is still starting, the bot refused the activity) become a message for the page. */
async function answering(res: ServerResponse, work: () => Promise<unknown>): Promise<void> {
  try {
    sendJson(res, 200, await work());
  } catch (err) {
    if (!isLicenseDoctorError(err)) throw err;
    sendJson(res, 503, { error: err.message });
  }
}

/** The POST routes under /demo/api; each accepts only same-origin JSON. */
export function demoApiRoutes(deps: DemoApiDeps): MountedRoute[] {
  return routes(deps).map((route) => ({
    ...route,
    handler: async (req, res) => {
      const origin = checkSameOriginJson(req);
      if (!origin.ok) {
        res.setHeader('Connection', 'close');
        return sendJson(res, origin.status, { error: origin.error });
      }
      return route.handler(req, res);
    },
  }));
}

function routes(deps: DemoApiDeps): MountedRoute[] {
  const { client, conversations, places } = deps;
  return [
    {
      method: 'POST',
      path: '/demo/api/message',
      handler: async (req, res) => {
        const parsed = await parse(req, res, schemas.message);
        if (!parsed) return;
        await answering(res, async () => {
          await client.send(parsed.persona, parsed.value.text);
          return { ok: true };
        });
      },
    },
    {
      method: 'POST',
      path: '/demo/api/invoke',
      handler: async (req, res) => {
        const parsed = await parse(req, res, schemas.invoke);
        if (!parsed) return;
        const { conversationId, activityId, verb, data, trigger } = parsed.value;
        // A persona sees their own personal chat and the approvals and alerts channels, nothing else.
        if (conversationId !== places.approvals && conversationId !== places.alerts && conversationId !== places.personal(parsed.persona.key)) {
          return sendJson(res, 403, { error: `${parsed.persona.name} is not in conversation ${conversationId}.` });
        }
        if (!conversations.messages(conversationId).some((m) => m.id === activityId)) {
          return sendJson(res, 404, { error: 'This message is gone (the sandbox was reset); reload the page.' });
        }
        await answering(res, () => client.invoke(parsed.persona, conversationId, { replyToId: activityId, verb, data, trigger }));
      },
    },
    {
      method: 'POST',
      path: '/demo/api/reset',
      handler: async (_req, res) => {
        await answering(res, deps.reset);
      },
    },
  ];
}
