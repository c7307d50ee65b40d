// The demo page's batch fix, driven through the demo API over HTTP: two seeded users of the E3 licensing group fail
// their push; the #alerts card shows both; "Fix these 2 users" (with its justification) makes one batch whose card
// appears in #approvals with its counts; the requester's own Approve is refused, two approver personas approve, the
// batch runs and the same card's counts update in place. Every card the page receives is valid for Teams.
import { DEMO_APPROVALS_CONVERSATION } from '../../../src/surfaces/teams/create-teams-surface.ts';
import { DEMO_ALERTS_CONVERSATION } from '../../../src/surfaces/teams/teams-alerts.ts';
import { button, cardText, cardVerbs, type CardNode } from '../../fakes/adaptive-card-query.ts';
import { adaptiveCardProblems } from '../../fakes/validate-adaptive-card.ts';
import { startTestApp, type TestApp } from '../../support/start-test-app.ts';
import { SAME_CAUSE } from '../../core/alerts/seeded-reports.ts';
import { DemoEventsClient, type DemoStreamEvent, postDemo } from './demo-events-client.ts';

interface Message {
  readonly id: string;
  readonly conversationId: string;
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

const messageOf = (e: DemoStreamEvent): Message => e.message as Message;
const cardOf = (m: Message): CardNode => m.cards[0] as CardNode;
const inApprovals = (e: DemoStreamEvent): boolean => (e.type === 'message' || e.type === 'update') && messageOf(e).conversationId === DEMO_APPROVALS_CONVERSATION && messageOf(e).cards.length > 0;

it('fixes two users of one licensing group from the alert: one batch card in #approvals, two approvals, the counts updated in place', async () => {
  const stream = await DemoEventsClient.open(app.url);
  try {
    await stream.waitFor((e) => e.type === 'message' && messageOf(e).conversationId === DEMO_APPROVALS_CONVERSATION, 'the approvals channel greeting');
    await stream.waitFor((e) => e.type === 'message' && messageOf(e).conversationId === DEMO_ALERTS_CONVERSATION, 'the alerts channel greeting');
    for (const upn of [ADELE, MEGAN]) expect((await post('/demo/api/push', { upn })).body).toMatchObject({ pushFailed: true, diagnosed: 1 });

    const conversations = (await (await fetch(`${app.url}/demo/api/conversations`)).json()) as { conversations: Record<string, Message[]> };
    const alerts = (conversations.conversations[DEMO_ALERTS_CONVERSATION] ?? []).filter((m) => m.cards.length > 0);
    expect(alerts).toHaveLength(1);
    const alert = alerts[0] as Message;
    expect(cardText(cardOf(alert))).toContain('2 users failing');
    const fix = button(cardOf(alert), 'batch-from-alert');
    expect(fix.title).toMatch(/Fix these 2 users/);

    const asked = await post('/demo/api/invoke', {
      persona: 'agent', conversationId: DEMO_ALERTS_CONVERSATION, activityId: alert.id, verb: 'batch-from-alert',
      data: { ...fix.data, justification: 'E3 group turned on for Retail and Marketing' },
    });
    expect(asked).toMatchObject({ status: 200, body: { kind: 'message' } });
    expect(asked.body.text).toMatch(/Batch (LD-B\S+) asks to fix 2 users/);
    const batchId = /Batch (LD-B\S+) /.exec(asked.body.text as string)?.[1] as string;

    const posted = messageOf(await stream.waitFor((e) => e.type === 'message' && inApprovals(e) && cardText(cardOf(messageOf(e))).includes(batchId), 'the batch card in #approvals'));
    expect(cardText(cardOf(posted))).toMatch(/2 pending/);
    expect(cardText(cardOf(posted))).toContain('E3 group turned on for Retail and Marketing');
    expect(cardVerbs(cardOf(posted))).toEqual(expect.arrayContaining(['batch-approve', 'batch-reject']));
    expect(adaptiveCardProblems(cardOf(posted))).toEqual([]);

    const approve = (persona: string) => post('/demo/api/invoke', { persona, conversationId: DEMO_APPROVALS_CONVERSATION, activityId: posted.id, verb: 'batch-approve', data: { batchId } });
    expect((await approve('agent')).body).toMatchObject({ kind: 'message', text: expect.stringMatching(/someone else must approve/) });
    const first = await approve('approver');
    expect(first.body.kind).toBe('card');
    expect(cardText(first.body.card as CardNode)).toMatch(/approved \(1 of 2\)/);
    expect((await approve('secondApprover')).body.kind).toBe('card');

    const finished = await stream.waitFor((e) => e.type === 'update' && messageOf(e).id === posted.id && /2 done/.test(cardText(cardOf(messageOf(e)))), 'the counts after the run', 40_000);
    const card = cardOf(messageOf(finished));
    expect(cardText(card)).toContain('2 done, 0 waiting for manual steps, 0 failed');
    expect(cardText(card)).toMatch(/✔ Adele Vance[\s\S]*✔ Megan Bowen/);
    expect(cardVerbs(card)).not.toContain('batch-approve');
    expect(adaptiveCardProblems(card)).toEqual([]);
    // One card for the batch in #approvals: every change updated it in place.
    const after = (await (await fetch(`${app.url}/demo/api/conversations`)).json()) as { conversations: Record<string, Message[]> };
    expect((after.conversations[DEMO_APPROVALS_CONVERSATION] ?? []).filter((m) => m.cards.some((c) => cardText(c).includes(batchId)))).toHaveLength(1);
  } finally {
    await stream.close();
  }
}, 90_000);
