// Keeps a request's Slack messages current: the approval card (chat.update at every change: quorum progress, each
// step as it runs, the verified result) and the requester's status line, plus a reply in the requester's thread when
// the request moves. Where the messages are is stored (conversation references), so any instance can update them.
// Updates run per request in order, off the publisher's path (a slow Slack never slows a plan), and render the
// latest state: a burst of step events becomes as few chat.update calls as Slack's pace allows.
import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { RequestEvent } from '../../app/request-events.ts';
import { isTerminalStatus } from '../../core/approval/terminal-statuses.ts';
import { LicenseDoctorError } from '../../core/errors.ts';
import type { LicenseRequest } from '../../core/model/request.ts';
import type { Clock } from '../../core/ports/clock.ts';
import type { RequestStore } from '../../core/ports/request-store.ts';
import { requestView } from '../../core/views/request-view.ts';
import type { Logger } from '../../logging/create-logger.ts';
import type { Block } from './block-kit.ts';
import { requestCard, statusMessage, threadNotice } from './render-request-card.ts';
import { slackErrorCode } from './slack-api-error.ts';
import { agentThreadKey, approvalCardKey } from './slack-ids.ts';

const approvalRef = z.object({ channel: z.string(), ts: z.string() });
const threadRef = z.object({ channel: z.string(), threadTs: z.string().nullable(), statusTs: z.string() });
type ThreadRef = z.infer<typeof threadRef>;

/** What SlackCards needs. */
export interface SlackCardsDeps {
  readonly client: webApi.WebClient;
  readonly store: RequestStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly approvalsChannel: string;
  /** Which mode runs, on every card (chat/mode-footer-text.ts). */
  readonly footer: string;
}

/** Where the requester asked: the channel and thread of the diagnosis, if known. */
export interface AgentPlace {
  readonly channel: string | null;
  readonly threadTs: string | null;
  readonly userId: string;
}

const mention = (request: LicenseRequest): string =>
  request.requestedBy.surface === 'slack' && request.requestedBy.surfaceUserId ? `<@${request.requestedBy.surfaceUserId}> ` : '';

/** Posts and updates the Slack messages of requests. */
export class SlackCards {
  private readonly deps: SlackCardsDeps;
  private readonly chains = new Map<string, Promise<void>>();
  private readonly latest = new Map<string, LicenseRequest>();
  private readonly rendered = new Map<string, number>();

  constructor(deps: SlackCardsDeps) {
    this.deps = deps;
  }

  /** Posts the approval card and the requester's status line of a new request, and remembers where they are. */
  async announce(request: LicenseRequest, place: AgentPlace | null): Promise<void> {
    const { client, store, approvalsChannel } = this.deps;
    const view = requestView(request);
    const card = requestCard(view, this.deps.footer);
    const posted = await client.chat.postMessage({ channel: approvalsChannel, text: card.text, blocks: [...card.blocks], unfurl_links: false });
    if (!posted.ts) throw new LicenseDoctorError('unavailable', 'Slack answered chat.postMessage without a message ts: try again.', { vendor: 'slack', operation: 'chat.postMessage' });
    await this.save(approvalCardKey(request.id), { channel: posted.channel ?? approvalsChannel, ts: posted.ts });
    if (place) {
      // The card is what approvers need; a status line that cannot be posted anywhere is logged, not fatal.
      await this.postStatusLine(request, place).catch((err: unknown) =>
        this.deps.logger.warn({ requestId: request.id, slackError: slackErrorCode(err) ?? String(err) }, 'could not post the requester\'s status line'));
    }
    this.noteRendered(request);
    // A decision that landed while the card was being posted would otherwise be missing from it.
    const now = await store.get(request.id);
    if (now && now.version !== request.version) this.onEvent({ type: 'request-changed', change: 'refresh', request: now });
  }

  /** The listener for runtime.events. */
  onEvent(event: RequestEvent): void {
    if (event.type === 'execution-boundary') return;
    const request = event.request;
    const known = this.latest.get(request.id);
    if (!known || known.version <= request.version) this.latest.set(request.id, request);
    this.enqueue(request.id, () => this.render(request.id));
    // From another process (the CLI, another instance): refresh the cards only; the thread reply and the approvers'
    // card belong to the process where it happened, or every instance would post them once.
    if (event.type === 'request-changed' && event.remote === true) return;
    if (event.type === 'request-changed' && event.change !== 'created' && event.change !== 'refresh') {
      this.enqueue(request.id, () => this.reply(request));
    }
    if (event.type === 'request-changed' && event.change === 'created' && request.requestedBy.surface !== 'slack') {
      // Asked for elsewhere (Teams, the demo page): Slack approvers still get a card.
      this.enqueue(request.id, () => this.announce(request, null));
    }
  }

  /** Resolves when every queued update has been sent (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  private async postStatusLine(request: LicenseRequest, place: AgentPlace): Promise<void> {
    const message = statusMessage(requestView(request), this.deps.approvalsChannel, this.deps.footer);
    const post = (channel: string, threadTs: string | null) =>
      this.deps.client.chat.postMessage({ channel, text: message.text, blocks: [...message.blocks], ...(threadTs ? { thread_ts: threadTs } : {}) });
    let ref: ThreadRef;
    try {
      if (!place.channel) throw new Error('no channel');
      const r = await post(place.channel, place.threadTs);
      ref = { channel: r.channel ?? place.channel, threadTs: place.threadTs, statusTs: r.ts ?? '' };
    } catch (err) {
      // Not in that channel (an ephemeral diagnosis, a private channel): the requester hears in a direct message.
      if (place.channel) this.deps.logger.info({ err: slackErrorCode(err) ?? String(err), channel: place.channel }, 'status line goes to a direct message instead');
      const r = await post(place.userId, null);
      ref = { channel: r.channel ?? place.userId, threadTs: null, statusTs: r.ts ?? '' };
    }
    if (ref.statusTs) await this.save(agentThreadKey(request.id), ref);
  }

  private async render(requestId: string): Promise<void> {
    const request = this.latest.get(requestId);
    if (!request || (this.rendered.get(requestId) ?? 0) >= request.version) return;
    const view = requestView(request);
    for (const ref of await this.refs(approvalCardKey(requestId), approvalRef)) {
      const card = requestCard(view, this.deps.footer);
      await this.update(ref.channel, ref.ts, card.text, card.blocks, requestId);
    }
    for (const ref of await this.refs(agentThreadKey(requestId), threadRef)) {
      const line = statusMessage(view, this.deps.approvalsChannel, this.deps.footer);
      await this.update(ref.channel, ref.statusTs, line.text, line.blocks, requestId);
    }
    this.noteRendered(request);
  }

  private async reply(request: LicenseRequest): Promise<void> {
    for (const ref of await this.refs(agentThreadKey(request.id), threadRef)) {
      await this.deps.client.chat.postMessage({ channel: ref.channel, thread_ts: ref.threadTs ?? ref.statusTs, text: `${mention(request)}${threadNotice(requestView(request))}` });
    }
  }

  private async update(channel: string, ts: string, text: string, blocks: readonly Block[], requestId: string): Promise<void> {
    try {
      await this.deps.client.chat.update({ channel, ts, text, blocks: [...blocks] });
    } catch (err) {
      // A deleted card or a revoked channel must not stop the other updates; it is logged for the operator.
      this.deps.logger.warn({ requestId, channel, slackError: slackErrorCode(err) ?? String(err) }, 'could not update a Slack message');
    }
  }

  private noteRendered(request: LicenseRequest): void {
    if (isTerminalStatus(request.status)) {
      this.latest.delete(request.id);
      this.rendered.delete(request.id);
      return;
    }
    this.rendered.set(request.id, Math.max(this.rendered.get(request.id) ?? 0, request.version));
  }

  private async refs<T>(key: string, schema: z.ZodType<T>): Promise<T[]> {
    const refs = await this.deps.store.conversationRefs(key);
    return refs.filter((r) => r.surface === 'slack').flatMap((r) => {
      const parsed = schema.safeParse(r.ref);
      if (parsed.success) return [parsed.data];
      this.deps.logger.warn({ key }, 'ignoring a malformed Slack conversation reference');
      return [];
    });
  }

  private save(key: string, ref: Record<string, unknown>): Promise<void> {
    return this.deps.store.saveConversationRef({ surface: 'slack', key, ref, updatedAt: new Date(this.deps.clock.now()).toISOString() });
  }

  private enqueue(requestId: string, task: () => Promise<void>): void {
    const next = (this.chains.get(requestId) ?? Promise.resolve())
      .then(task)
      .catch((err: unknown) => this.deps.logger.warn({ err, requestId }, 'could not update the Slack messages of a request'));
    this.chains.set(requestId, next);
    void next.finally(() => {
      if (this.chains.get(requestId) === next) this.chains.delete(requestId);
    });
  }
}
