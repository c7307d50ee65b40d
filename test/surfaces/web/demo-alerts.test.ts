// The demo page's alerts: "Push from Okta" on a seeded user has the sandbox's Okta push their profile again; the push
// fails (the KB conflict), the System Log poll diagnoses it, and the alert card arrives in the demo's alerts channel —
// posted by the Teams surface through the demo connector, valid for Teams. Another user of the same cause joins the
// same card in place; pushing an alerted user again adds nothing; the card's path button opens the plan preview.
import { DEMO_ALERTS_CONVERSATION } from '../../../src/surfaces/teams/teams-alerts.ts';
import { button, cardText, type CardNode } from '../../fakes/adaptive-card-query.ts';
import { adaptiveCardProblems } from '../../fakes/validate-adaptive-card.ts';
import { startTestApp, type TestApp } from '../../support/start-test-app.ts';
import { SAME_CAUSE } from '../../core/alerts/seeded-reports.ts';
import { DemoEventsClient, postDemo } from './demo-events-client.ts';

interface Message {
  readonly id: string;
  readonly conversationId: string;
  readonly text: string | null;
  readonly cards: CardNode[];
  readonly version: number;
}

const [ADELE, MEGAN] = SAME_CAUSE;
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ env: { DATABASE_URL: 'sqlite::memory:' } });
});
afterAll(async () => app.close());

const post = (path: string, body: unknown) => postDemo(app.url, path, body);

async function alertCards(): Promise<Message[]> {
  const body = (await (await fetch(`${app.url}/demo/api/conversations`)).json()) as { conversations: Record<string, Message[]> };
  return (body.conversations[DEMO_ALERTS_CONVERSATION] ?? []).filter((m) => m.cards.length > 0);
}

it('shows an alert arriving when a scenario\'s push fails, one card per cause updated in place', async () => {
  const stream = await DemoEventsClient.open(app.url);
  try {
    const setup = (await (await fetch(`${app.url}/demo/api/setup`)).json()) as { conversations: { alerts: string } };
    expect(setup.conversations.alerts).toBe(DEMO_ALERTS_CONVERSATION);
    // The bot is added to the alerts channel when the page first connects: that is where its reference comes from.
    await stream.waitFor((e) => e.type === 'message' && (e.message as Message).conversationId === DEMO_ALERTS_CONVERSATION, 'the alerts channel greeting');

    const pushed = await post('/demo/api/push', { upn: ADELE });
    expect(pushed).toEqual({ status: 200, body: { upn: ADELE, pushFailed: true, diagnosed: 1 } });
    const arrived = await stream.waitFor((e) => e.type === 'message' && (e.message as Message).conversationId === DEMO_ALERTS_CONVERSATION && (e.message as Message).cards.length > 0, 'the alert card');
    const card = (arrived.message as Message).cards[0] as CardNode;
    expect(cardText(card)).toContain('Okta pushes fail: Microsoft 365 E3 comes from group Licensing - Microsoft 365 E3');
    expect(cardText(card)).toContain('1 user failing');
    expect(adaptiveCardProblems(card)).toEqual([]);

    expect((await post('/demo/api/push', { upn: MEGAN })).body).toMatchObject({ pushFailed: true, diagnosed: 1 });
    expect((await post('/demo/api/push', { upn: ADELE })).body).toMatchObject({ pushFailed: true, diagnosed: 1 });
    const cards = await alertCards();
    expect(cards).toHaveLength(1);
    const latest = cards[0]?.cards[0] as CardNode;
    expect(cardText(latest)).toContain('2 users failing');
    expect(cardText(latest)).toContain(MEGAN);
    expect(adaptiveCardProblems(latest)).toEqual([]);

    // The alert's path button opens the plan preview for the first user, as a diagnosis card's does.
    const path = button(latest, 'path', { path: 'okta-owns-licenses' });
    const preview = await post('/demo/api/invoke', { persona: 'agent', conversationId: DEMO_ALERTS_CONVERSATION, activityId: cards[0]?.id, verb: 'path', data: path.data });
    expect(preview.status).toBe(200);
    expect(preview.body.kind).toBe('card');
    expect(cardText(preview.body.card as CardNode)).toMatch(/Okta owns the licenses/);
  } finally {
    await stream.close();
  }
}, 60_000);

it('after "Reset sandbox" the same failure alerts again, on a new card', async () => {
  // The first test left Adele and Megan alerted on a card the reset clears away.
  expect(await post('/demo/api/reset', {})).toEqual({ status: 200, body: { settled: true } });
  expect(await alertCards()).toEqual([]);
  const stream = await DemoEventsClient.open(app.url);
  try {
    expect((await post('/demo/api/push', { upn: ADELE })).body).toMatchObject({ pushFailed: true, diagnosed: 1 });
    const arrived = await stream.waitFor((e) => e.type === 'message' && (e.message as Message).conversationId === DEMO_ALERTS_CONVERSATION && (e.message as Message).cards.length > 0, 'the alert card after the reset');
    const card = (arrived.message as Message).cards[0] as CardNode;
    expect(cardText(card)).toContain('1 user failing');
    expect(cardText(card)).toContain(ADELE);
    expect(await alertCards()).toHaveLength(1);
  } finally {
    await stream.close();
  }
}, 60_000);

it('says when Okta does not push the user', async () => {
  expect((await post('/demo/api/push', { upn: 'nestor.wilke@contoso.com' })).status).toBe(404);
});
