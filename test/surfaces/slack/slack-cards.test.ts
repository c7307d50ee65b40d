// The approval card and the requester's status line follow request events: posted once, updated in place in order,
// a burst coalesced, a reply in the thread when the request moves. Real SQLite store, real Web API client, fake Slack.
import { webApi } from '@slack/bolt';
import { createRequestStore } from '../../../src/adapters/store/create-request-store.ts';
import type { LicenseRequest, StepProgress } from '../../../src/core/model/request.ts';
import type { RequestStore } from '../../../src/core/ports/request-store.ts';
import { createLogger } from '../../../src/logging/create-logger.ts';
import { CardFollower } from '../../../src/surfaces/chat/card-follower.ts';
import { slackPlatform, type SlackPlace, type SlackRef } from '../../../src/surfaces/slack/slack-platform.ts';
import { licenseRequest } from '../../contracts/request-store-fixtures.ts';
import { FakeSlackApi } from '../../fakes/fake-slack-api.ts';
import { findButton } from '../../fakes/slack-test-client.ts';
import { allViolations } from './block-kit-limits.ts';

const TOKEN = 'xoxb-cards-test';
let fake: FakeSlackApi;
let store: RequestStore;
let cards: CardFollower<SlackPlace, SlackRef>;

beforeAll(async () => {
  fake = await FakeSlackApi.start({
    botToken: TOKEN,
    users: [{ id: 'U024BE7LH', email: 'helpdesk.agent@contoso.com' }],
    channels: [{ id: 'C0APPROVALS', name: 'approvals', isMember: true }, { id: 'C0HELPDESK', name: 'helpdesk', isMember: true }],
  });
  store = await createRequestStore('sqlite::memory:');
  await store.migrate();
  const client = new webApi.WebClient(TOKEN, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  const logger = createLogger('silent');
  const platform = slackPlatform({ client, logger, approvalsChannel: 'C0APPROVALS', footer: 'Live mode: your Entra ID tenant and Okta org.' });
  cards = new CardFollower({ platform, refs: store, clock: { now: () => Date.parse('2026-05-07T12:00:00.000Z') }, logger, current: (id) => store.get(id) });
});

afterAll(async () => {
  await store?.close();
  await fake?.close();
});

afterEach(() => {
  expect(allViolations(fake.sentPayloads())).toEqual([]);
});

const running = (r: LicenseRequest, version: number, step: number): LicenseRequest => ({
  ...r, version, status: 'executing',
  steps: r.steps.map((s, i): StepProgress => ({ ...s, status: i < step ? 'succeeded' : i === step ? 'running' : 'pending' })),
});

it('posts the card and the status line, then follows a burst of step events in order and replies when it finishes', async () => {
  const request = licenseRequest();
  await store.create(request);
  await cards.announce(request, { channel: 'C0HELPDESK', threadTs: '1764230400.000001', userId: 'U024BE7LH' });
  const card = fake.messagesIn('C0APPROVALS')[0];
  const status = fake.messagesIn('C0HELPDESK', '1764230400.000001')[0];
  if (!card || !status) throw new Error('card or status line missing');
  expect(findButton(card.blocks, 'approve')?.value).toBe(request.id);

  const burst = Array.from({ length: 12 }, (_, i) => running(request, i + 2, Math.min(i, 4)));
  for (const r of burst) cards.onEvent({ type: 'step-progress', request: r, progress: r.steps[0] ?? { stepId: 's1', status: 'running', detail: null, at: null } });
  const done: LicenseRequest = { ...running(request, 14, 5), status: 'succeeded', outcome: { status: 'succeeded', message: 'Verified: both sides agree.' } };
  cards.onEvent({ type: 'request-changed', change: 'succeeded', request: done });
  await cards.idle();

  const cardUpdates = fake.callsTo('chat.update').filter((c) => c.body.ts === card.ts);
  expect(cardUpdates.length).toBeLessThan(burst.length + 1);
  expect(JSON.stringify(fake.message(card.channel, card.ts)?.blocks)).toContain('Succeeded: Verified: both sides agree.');
  expect(findButton(fake.message(card.channel, card.ts)?.blocks ?? [], 'approve')).toBeNull();
  expect(findButton(fake.message(status.channel, status.ts)?.blocks ?? [], 'cancel')).toBeNull();
  const replies = fake.messagesIn('C0HELPDESK', '1764230400.000001').slice(1);
  expect(replies.map((m) => m.text)).toEqual([expect.stringMatching(/^<@U024BE7LH> :white_check_mark: \*[^*]+\*: Succeeded/)]);
});

it('never renders an older version over a newer one', async () => {
  const request = licenseRequest();
  await store.create(request);
  await cards.announce(request, null);
  const card = fake.messagesIn('C0APPROVALS').at(-1);
  if (!card) throw new Error('card missing');
  cards.onEvent({ type: 'step-progress', request: running(request, 5, 3), progress: { stepId: 's4', status: 'running', detail: null, at: null } });
  cards.onEvent({ type: 'step-progress', request: running(request, 3, 1), progress: { stepId: 's2', status: 'running', detail: null, at: null } });
  await cards.idle();
  expect(JSON.stringify(fake.message(card.channel, card.ts)?.blocks)).toContain('running step 4 of 5');
});

it('posts a card for a request asked for on another surface, and keeps going when a card was deleted', async () => {
  const fromTeams = licenseRequest({ requestedBy: { ...licenseRequest().requestedBy, surface: 'teams', surfaceUserId: '29:abc' } });
  const cardsBefore = fake.messagesIn('C0APPROVALS').length;
  cards.onEvent({ type: 'request-changed', change: 'created', request: fromTeams });
  await cards.idle();
  expect(fake.messagesIn('C0APPROVALS')).toHaveLength(cardsBefore + 1);

  fake.fail('chat.update', 'message_not_found');
  cards.onEvent({ type: 'request-changed', change: 'cancelled', request: { ...fromTeams, version: 2, status: 'cancelled' } });
  await expect(cards.idle()).resolves.toBeUndefined();
});
