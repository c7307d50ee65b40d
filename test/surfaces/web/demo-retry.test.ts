// Retry on the demo page (its API over HTTP, no browser): the demo uses the Teams surface, so a failed plan's cards
// there offer Retry to the requester and the approvers; Debra (not an approver) is refused; the agent's click finishes it.
import { DEMO_APPROVALS_CONVERSATION } from '../../../src/surfaces/teams/create-teams-surface.ts';
import { button, cardVerbs, fact, type CardNode } from '../../fakes/adaptive-card-query.ts';
import { adaptiveCardProblems } from '../../fakes/validate-adaptive-card.ts';
import { startTestApp, type TestApp } from '../../support/start-test-app.ts';

jest.setTimeout(60_000);

interface Message { readonly id: string; readonly from: { readonly kind: string }; readonly cards: CardNode[] }

const AGENT_CHAT = 'a:license-doctor-demo-agent';
const APPROVALS = DEMO_APPROVALS_CONVERSATION;

let app: TestApp;
beforeAll(async () => {
  // A write answered 500 is read back (it may have landed); a short read-back keeps the failure quick here.
  app = await startTestApp({ execution: { effectTimeoutMs: 1_000 } });
});
afterAll(async () => {
  await app?.close();
});

async function invoke(persona: string, conversationId: string, activityId: string, verb: string, data: unknown, trigger = 'manual'): Promise<Record<string, unknown>> {
  const res = await fetch(`${app.url}/demo/api/invoke`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ persona, conversationId, activityId, verb, data, trigger }) });
  expect(res.status).toBe(200);
  const body = (await res.json()) as Record<string, unknown>;
  if (body.kind === 'card') expect(adaptiveCardProblems(body.card)).toEqual([]);
  return body;
}
const cardFrom = (body: Record<string, unknown>): CardNode => {
  if (body.kind !== 'card') throw new Error(`expected a card, got ${JSON.stringify(body)}`);
  return body.card as CardNode;
};

async function until<T>(what: string, find: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 800; i += 1) {
    const found = await find();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}
const messages = async (conversationId: string): Promise<Message[]> =>
  ((await (await fetch(`${app.url}/demo/api/conversations`)).json()) as { conversations: Record<string, Message[]> }).conversations[conversationId] ?? [];
const cardWith = (conversationId: string, id: string, status: string) => until(`${status} on ${id}`, async () => {
  const card = (await messages(conversationId)).find((m) => m.id === id)?.cards[0];
  return card && fact(card, 'Status') === status ? card : undefined;
});

test('a failed plan on the demo page: Retry for the requester and approvers, refused to Debra, the agent finishes it', async () => {
  const sandbox = app.runtime.sandbox;
  if (!sandbox) throw new Error('the demo runs on the sandbox tenant');
  await fetch(`${app.url}/demo/api/message`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ persona: 'agent', text: 'adele.vance@contoso.com' }) });
  const diagnosis = await until('the diagnosis', async () => (await messages(AGENT_CHAT)).find((m) => m.from.kind === 'bot' && m.cards.length > 0));
  const preview = cardFrom(await invoke('agent', AGENT_CHAT, diagnosis.id, 'path', button(diagnosis.cards[0] as CardNode, 'path', { path: 'okta-owns-licenses' }).data));
  const status = cardFrom(await invoke('agent', AGENT_CHAT, diagnosis.id, 'request', { ...button(preview, 'request').data, justification: 'INC0079' }));
  const requestId = fact(status, 'Request') ?? '';
  const approval = await until('the approval card', async () => (await messages(APPROVALS)).find((m) => m.cards.some((c) => fact(c, 'Request') === requestId)));

  sandbox.graph.faults.add({ kind: 'server-error', method: 'DELETE', path: '/members/', times: 1 });
  cardFrom(await invoke('approver', APPROVALS, approval.id, 'approve', { requestId, card: 'approval' }));
  const failedStatus = await cardWith(AGENT_CHAT, diagnosis.id, 'failed');
  await cardWith(APPROVALS, approval.id, 'failed');
  expect(cardVerbs(failedStatus)).toContain('retry');
  const viewOf = async (persona: string) => cardVerbs(cardFrom(await invoke(persona, APPROVALS, approval.id, 'refresh', { requestId }, 'automatic')));
  expect(await viewOf('approver')).toContain('retry');
  expect(await viewOf('agent')).toContain('retry');
  expect(await viewOf('nonApprover')).not.toContain('retry');

  const refused = await invoke('nonApprover', APPROVALS, approval.id, 'retry', { requestId, card: 'approval' });
  expect(refused).toEqual({ kind: 'message', text: expect.stringMatching(/^Only the requester \(.*\) or an approver can retry this request\.$/) });
  expect((await app.runtime.services.get(requestId))?.status).toBe('failed');

  cardFrom(await invoke('agent', AGENT_CHAT, diagnosis.id, 'retry', button(failedStatus, 'retry').data));
  const done = await cardWith(AGENT_CHAT, diagnosis.id, 'succeeded');
  expect(cardVerbs(done)).not.toContain('retry');
  await cardWith(APPROVALS, approval.id, 'succeeded');
  await app.runtime.services.idle();
  expect((await app.runtime.services.get(requestId))?.status).toBe('succeeded');
});
