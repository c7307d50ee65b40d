// "Reset sandbox" leaves no batch behind, driven through the demo API over HTTP: a batch waiting for approval is
// cancelled; a running batch (one user at a time) is cancelled too, the user it already started finishes their change
// and no further user starts (no user half-run, no request left open); both are audited with the reason "sandbox
// reset". After each reset the same two failed pushes make a new alert and a new batch that runs clean: 2 done.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_APPROVALS_CONVERSATION } from '../../../src/surfaces/teams/create-teams-surface.ts';
import { DEMO_ALERTS_CONVERSATION } from '../../../src/surfaces/teams/teams-alerts.ts';
import { button, cardText, type CardNode } from '../../fakes/adaptive-card-query.ts';
import { startTestApp, type TestApp } from '../../support/start-test-app.ts';
import { SAME_CAUSE } from '../../core/alerts/seeded-reports.ts';
import { DemoEventsClient, postDemo } from './demo-events-client.ts';

interface Message {
  readonly id: string;
  readonly conversationId: string;
  readonly cards: CardNode[];
}

const [ADELE, MEGAN] = SAME_CAUSE;
const dir = mkdtempSync(join(tmpdir(), 'ld-demo-batch-reset-'));
let app: TestApp;
beforeAll(async () => {
  // One user at a time, so a reset lands while one user of a running batch is still waiting to start. A SQLite file:
  // the batches' own connection sees the same database (and audit log) as the requests'.
  app = await startTestApp({ databaseUrl: `sqlite:${join(dir, 'store.sqlite')}`, env: { BATCH_CONCURRENCY: '1' } });
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (path: string, body: unknown) => postDemo(app.url, path, body);
const cardsIn = async (conversationId: string): Promise<Message[]> => {
  const body = (await (await fetch(`${app.url}/demo/api/conversations`)).json()) as { conversations: Record<string, Message[]> };
  return (body.conversations[conversationId] ?? []).filter((m) => m.cards.length > 0);
};
const batches = () => app.runtime.batches.service();

/** Both users fail their push; the one alert card's "Fix these 2 users" asks for a batch: its id. */
async function askForBatch(): Promise<string> {
  for (const upn of [ADELE, MEGAN]) expect((await post('/demo/api/push', { upn })).body).toMatchObject({ pushFailed: true, diagnosed: 1 });
  const alerts = await cardsIn(DEMO_ALERTS_CONVERSATION);
  expect(alerts).toHaveLength(1);
  const alert = alerts[0] as Message;
  expect(cardText(alert.cards[0] as CardNode)).toContain('2 users failing');
  const fix = button(alert.cards[0] as CardNode, 'batch-from-alert');
  const asked = await post('/demo/api/invoke', {
    persona: 'agent', conversationId: DEMO_ALERTS_CONVERSATION, activityId: alert.id, verb: 'batch-from-alert', data: { ...fix.data, justification: 'E3 group turned on for Retail' },
  });
  const batchId = /Batch (LD-B\S+) asks to fix 2 users/.exec(String(asked.body.text))?.[1];
  if (!batchId) throw new Error(`no batch: ${JSON.stringify(asked.body)}`);
  return batchId;
}

/** The batch's card in #approvals (posted after the answer to "Fix these 2 users", so waited for). */
async function batchCard(batchId: string): Promise<Message> {
  for (let waited = 0; waited < 20_000; waited += 100) {
    const card = (await cardsIn(DEMO_APPROVALS_CONVERSATION)).find((m) => m.cards.some((c) => cardText(c).includes(batchId)));
    if (card) return card;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no card for ${batchId} in #approvals`);
}

async function approve(batchId: string): Promise<void> {
  const card = await batchCard(batchId);
  for (const persona of ['approver', 'secondApprover']) {
    const decided = await post('/demo/api/invoke', { persona, conversationId: DEMO_APPROVALS_CONVERSATION, activityId: card.id, verb: 'batch-approve', data: { batchId } });
    expect(decided.body.kind).toBe('card');
  }
}

const reset = async () => expect(await post('/demo/api/reset', {})).toMatchObject({ status: 200, body: { settled: true } });
const cancelledAudit = async (batchId: string) =>
  (await app.runtime.store.audit({ requestId: batchId })).filter((e) => e.action === 'batch.cancelled').map((e) => e.data);
const openRequests = async () => app.runtime.services.list(['pending', 'approved', 'executing']);

it('cancels a pending and a running batch on reset, and the same fix runs clean after each reset', async () => {
  const stream = await DemoEventsClient.open(app.url);
  try {
    await stream.waitFor((e) => e.type === 'message' && (e.message as Message).conversationId === DEMO_ALERTS_CONVERSATION, 'the alerts channel greeting');

    // A batch waiting for approval.
    const pending = await askForBatch();
    await reset();
    expect((await (await batches()).state(pending))?.batch).toMatchObject({ status: 'cancelled', outcome: 'Cancelled: sandbox reset.' });
    expect(await cancelledAudit(pending)).toEqual([{ reason: 'sandbox reset', status: 'pending' }]);

    // A running batch: approved, then the reset while its first user runs.
    const running = await askForBatch();
    await approve(running);
    await reset();
    const stopped = await (await batches()).state(running);
    expect(stopped?.batch.status).toBe('cancelled');
    expect(await cancelledAudit(running)).toEqual([{ reason: 'sandbox reset', status: expect.stringMatching(/^(approved|running)$/) as unknown }]);
    // Every user either finished their change or never started: none half-run, no request left open.
    const states = stopped?.members.map((m) => m.state) ?? [];
    expect(states.every((s) => s === 'done' || s === 'pending')).toBe(true);
    expect(states).toContain('pending');
    expect(await openRequests()).toEqual([]);
    // The maintenance pass leaves a cancelled batch alone.
    expect(await (await batches()).resume()).toEqual([]);

    // After the reset the same fix starts clean and runs to the end.
    const clean = await askForBatch();
    await approve(clean);
    await (await batches()).idle();
    const finished = await (await batches()).state(clean);
    expect(finished?.batch.status).toBe('finished');
    expect(finished?.counts).toMatchObject({ done: 2, failed: 0, pending: 0 });
    expect((await (await batches()).list()).filter((b) => ['pending', 'approved', 'running'].includes(b.status))).toEqual([]);
  } finally {
    await stream.close();
  }
}, 120_000);
