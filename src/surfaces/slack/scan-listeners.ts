// `scan` in Slack — the slash command's text (`/license-doctor scan`), a direct message, or a mention — runs the fleet
// scan (the CLI's, one at a time across instances) with one card in the conversation, updated in place. A global
// middleware (after the replay guard) takes these requests before the diagnosis listeners would read "scan" as a
// user name; everything else passes on.
import { randomBytes } from 'node:crypto';
import type { AnyMiddlewareArgs, App, Middleware, RespondFn } from '@slack/bolt';
import type { ChatScans } from '../../server/surface.ts';
import { scanFromChat } from '../chat/scan-from-chat.ts';
import type { ScanCardChannel } from '../chat/scan-card-follower.ts';
import { mrkdwnEscape as esc, section } from './block-kit.ts';
import { toSlackError } from './slack-api-error.ts';
import type { SlackContext } from './slack-context.ts';

const SCAN = /^\s*(?:<@[A-Z0-9]+(?:\|[^>]*)?>\s*)*\/?scan\s*$/i;

/** Where `scan` was asked, or null when this request is something else. */
interface Asked {
  readonly userId: string;
  readonly channel: string;
  readonly threadTs: string | null;
  readonly respond: RespondFn | null;
}

type Body = { command?: unknown; text?: unknown; user_id?: unknown; channel_id?: unknown; event?: Record<string, unknown> };

function scanAsked(args: AnyMiddlewareArgs & { respond?: RespondFn }): Asked | null {
  const body = args.body as Body;
  if (typeof body.command === 'string') {
    if (typeof body.text !== 'string' || !SCAN.test(body.text) || typeof body.user_id !== 'string' || typeof body.channel_id !== 'string') return null;
    return { userId: body.user_id, channel: body.channel_id, threadTs: null, respond: args.respond ?? null };
  }
  const e = body.event;
  if (!e || typeof e.text !== 'string' || !SCAN.test(e.text) || typeof e.user !== 'string' || typeof e.channel !== 'string') return null;
  const dm = e.type === 'message' && e.channel_type === 'im' && e.subtype === undefined;
  if (!dm && e.type !== 'app_mention') return null;
  const thread = typeof e.thread_ts === 'string' ? e.thread_ts : e.type === 'app_mention' && typeof e.ts === 'string' ? e.ts : null;
  return { userId: e.user, channel: e.channel, threadTs: thread, respond: null };
}

/** The card follower's slot of a scan's card. */
const SCAN_SLOT = 'card';

const NO_POST = 'License Doctor cannot post the scan\'s card in this channel: invite it here (`/invite @License Doctor`) or send `scan` to it in a direct message.';

/** The card in the conversation where `scan` was asked, posted and kept current through the card follower. */
function slackScanCard(ctx: SlackContext, asked: Asked): ScanCardChannel<string> {
  return {
    post: async (view) => {
      const subject = `scan:${randomBytes(6).toString('hex')}`;
      try {
        await ctx.cards.post(subject, SCAN_SLOT, { channel: asked.channel, threadTs: asked.threadTs, userId: null }, { kind: 'scan', view });
      } catch (err) {
        throw toSlackError(err, 'chat.postMessage', NO_POST);
      }
      return subject;
    },
    update: (subject, view) => ctx.cards.show(subject, SCAN_SLOT, { kind: 'scan', view }),
  };
}

/** Runs one scan asked for in Slack, answering the person directly when no card could be posted. */
async function scanInSlack(ctx: SlackContext, scans: ChatScans, asked: Asked, stopSignal: AbortSignal): Promise<void> {
  const who = await ctx.people.lookup(asked.userId);
  const problem = who.kind === 'unknown' ? who.message : await scanFromChat({ scans, logger: ctx.logger, clock: ctx.clock, stopSignal }, who.person, slackScanCard(ctx, asked));
  if (problem === null) return;
  const message = { text: problem, blocks: [section(`:no_entry_sign: ${esc(problem)}`)] };
  if (asked.respond) await asked.respond({ response_type: 'ephemeral', replace_original: false, ...message });
  else await ctx.client.chat.postEphemeral({ channel: asked.channel, user: asked.userId, ...message });
}

/** Installs the `scan` middleware; `stop()` stops the scans it started after their pages in flight and waits for them. */
export function registerScanCommand(app: App, ctx: SlackContext, scans: ChatScans): { stop(): Promise<void> } {
  const running = new Set<Promise<void>>();
  const stopping = new AbortController();
  const middleware: Middleware<AnyMiddlewareArgs> = async (args) => {
    const asked = scanAsked(args as AnyMiddlewareArgs & { respond?: RespondFn });
    if (!asked) return args.next();
    const ack = 'ack' in args && typeof args.ack === 'function' ? (args.ack as (r?: unknown) => Promise<void>) : null;
    // A redelivered event is already being answered.
    if (!ack && args.context.retryNum) return;
    await ack?.({ response_type: 'ephemeral', text: 'Starting a fleet scan: its card follows in this channel.' });
    const scan = scanInSlack(ctx, scans, asked, stopping.signal).catch((err: unknown) => ctx.logger.error({ err }, 'a Slack scan could not be answered'));
    running.add(scan);
    void scan.finally(() => running.delete(scan));
  };
  app.use(middleware);
  return {
    stop: async () => {
      stopping.abort();
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
