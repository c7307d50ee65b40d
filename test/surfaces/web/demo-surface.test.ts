// The demo backend over HTTP, without a browser: the page and its assets, the page's API, the event stream, and the
// Bot Framework connector the demo's activities name as serviceUrl. Messages and clicks go through POST /api/messages
// (the Teams surface), so every card checked here is one the Teams surface sent.
import { DEMO_APPROVALS_CONVERSATION } from '../../../src/surfaces/teams/create-teams-surface.ts';
import { SCENARIOS, seededEntraId } from '../../../src/sandbox/seed.ts';
import { button, cardVerbs, fact, type CardNode } from '../../fakes/adaptive-card-query.ts';
import { adaptiveCardProblems } from '../../fakes/validate-adaptive-card.ts';
import { startTestApp, type TestApp } from '../../support/start-test-app.ts';
import { DemoEventsClient, postDemo } from './demo-events-client.ts';

interface Message {
  readonly id: string;
  readonly conversationId: string;
  readonly from: { readonly kind: string; readonly id: string; readonly name: string };
  readonly text: string | null;
  readonly cards: CardNode[];
  readonly version: number;
}

const AGENT_CHAT = 'a:license-doctor-demo-agent';
const APPROVALS = DEMO_APPROVALS_CONVERSATION;

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app.close();
});

const post = (path: string, body: unknown) => postDemo(app.url, path, body);

async function messages(conversationId: string): Promise<Message[]> {
  const body = (await (await fetch(`${app.url}/demo/api/conversations`)).json()) as { conversations: Record<string, Message[]> };
  return body.conversations[conversationId] ?? [];
}

/** The answer to a click, which must be a card valid for Teams. */
async function clickForCard(click: Record<string, unknown>): Promise<CardNode> {
  const { status, body } = await post('/demo/api/invoke', { trigger: 'manual', ...click });
  expect(status).toBe(200);
  expect(body.kind).toBe('card');
  const card = body.card as CardNode;
  expect(adaptiveCardProblems(card)).toEqual([]);
  return card;
}

/** The bot's card answering the latest message a person sent in `conversationId` (sent once the diagnosis is ready). */
async function answerCard(conversationId: string): Promise<Message> {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const list = await messages(conversationId);
    const asked = list.map((m) => m.from.kind).lastIndexOf('person');
    const found = list.slice(asked + 1).find((m) => m.cards.length > 0);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no answer with a card in ${conversationId}`);
}

const lastCard = (list: Message[]): Message => {
  const found = [...list].reverse().find((m) => m.cards.length > 0);
  if (!found) throw new Error(`no card among ${list.length} messages`);
  return found;
};

test('the page, its scripts and the official renderer are served, with a content security policy that allows only this server', async () => {
  const page = await fetch(`${app.url}/`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'; script-src 'self'/);
  const html = await page.text();
  expect(html).toContain('/demo/vendor/adaptivecards.min.js');
  expect(html).not.toMatch(/https?:\/\//);

  const script = await fetch(`${app.url}/demo/assets/demo.js`);
  expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  expect(await script.text()).toContain('openEvents');
  const renderer = await fetch(`${app.url}/demo/vendor/adaptivecards.min.js`);
  expect(renderer.status).toBe(200);
  expect((await renderer.text()).length).toBeGreaterThan(100_000);

  for (const path of ['/demo/assets/nothing.js', '/demo/assets/..%2F..%2Fdemo-api.ts', '/demo/assets/sub/demo.js', '/demo/assets/demo.ts', '/index.html']) {
    expect([path, (await fetch(`${app.url}${path}`)).status]).toEqual([path, 404]);
  }
});

test('setup names the personas with their seeded Entra ids, the seeded scenarios, and the conversations (personal chats, approvals and alerts channels)', async () => {
  const setup = (await (await fetch(`${app.url}/demo/api/setup`)).json()) as {
    personas: Array<{ key: string; userPrincipalName: string; teamsId: string }>;
    scenarios: unknown[];
    conversations: { approvals: string; personal: Record<string, string> };
  };
  expect(setup.personas.map((p) => [p.key, p.userPrincipalName])).toEqual([
    ['agent', 'allan.deyoung@contoso.com'],
    ['approver', 'patti.fernandez@contoso.com'],
    ['secondApprover', 'christie.cline@contoso.com'],
    ['nonApprover', 'debra.berger@contoso.com'],
  ]);
  expect(setup.personas.every((p) => p.teamsId.startsWith('29:'))).toBe(true);
  expect(setup.scenarios).toEqual(JSON.parse(JSON.stringify(SCENARIOS)));
  expect(setup.conversations).toEqual({ approvals: APPROVALS, alerts: '19:license-doctor-demo-alerts@thread.tacv2', personal: expect.objectContaining({ agent: AGENT_CHAT }) });

  const members = (await (await fetch(`${app.url}/demo/connector/v3/conversations/${APPROVALS}/members`)).json()) as Array<{ aadObjectId: string }>;
  expect(members.map((m) => m.aadObjectId)).toEqual([20, 21, 22, 23].map(seededEntraId));
});

test('a page that connects gets a snapshot, then the bot\'s greetings in the approvals channel and every personal chat', async () => {
  const stream = await DemoEventsClient.open(app.url);
  try {
    await stream.waitFor((e) => e.type === 'snapshot', 'the snapshot');
    const greeting = await stream.waitFor((e) => e.type === 'message' && (e.message as Message).conversationId === APPROVALS, 'the approvals channel greeting');
    expect((greeting.message as Message).text).toMatch(/post approval requests here/);
    const help = await stream.waitFor((e) => e.type === 'message' && (e.message as Message).conversationId === AGENT_CHAT, 'the agent\'s help text');
    expect((help.message as Message).text).toMatch(/adele\.vance@contoso\.com/);
  } finally {
    await stream.close();
  }
});

test('a message and clicks as personas reach the Teams surface; its cards and card updates come back through the connector', async () => {
  const stream = await DemoEventsClient.open(app.url);
  try {
    expect(await post('/demo/api/message', { persona: 'agent', text: 'adele.vance@contoso.com' })).toEqual({ status: 200, body: { ok: true } });
    const diagnosis = await answerCard(AGENT_CHAT);
    const chat = await messages(AGENT_CHAT);
    expect(chat.some((m) => m.from.kind === 'person' && m.text === 'adele.vance@contoso.com')).toBe(true);
    expect(diagnosis.from.kind).toBe('bot');
    const diagnosisCard = diagnosis.cards[0] as CardNode;
    expect(adaptiveCardProblems(diagnosisCard)).toEqual([]);
    expect(JSON.stringify(diagnosisCard)).toMatch(/Adele Vance/);

    const pathButton = button(diagnosisCard, 'path', { path: 'okta-owns-licenses' });
    const preview = await clickForCard({ persona: 'agent', conversationId: AGENT_CHAT, activityId: diagnosis.id, verb: 'path', data: pathButton.data });
    const submit = button(preview, 'request', { path: 'okta-owns-licenses' });
    const status = await clickForCard({
      persona: 'agent', conversationId: AGENT_CHAT, activityId: diagnosis.id, verb: 'request', data: { ...submit.data, justification: 'INC0042' },
    });
    const requestId = fact(status, 'Request');
    expect(fact(status, 'Status')).toBe('pending');

    // The Teams surface replaced the diagnosis message for everyone, and posted the approval card to the channel.
    const updated = await stream.waitFor((e) => e.type === 'update' && (e.message as Message).id === diagnosis.id, 'the agent\'s card update');
    expect(fact((updated.message as Message).cards[0] as CardNode, 'Request')).toBe(requestId);
    const approval = lastCard(await messages(APPROVALS));
    const base = approval.cards[0] as CardNode;
    expect(fact(base, 'Request')).toBe(requestId);
    expect(cardVerbs(base)).not.toContain('approve');
    // Whose clients refresh: the requester and the approvers among the channel's members (the connector lists them).
    expect((base.refresh as { userIds: string[] }).userIds).toEqual(['29:allan-deyoung', '29:patti-fernandez', '29:christie-cline']);

    const refresh = (base.refresh as { action: { verb: string; data: Record<string, unknown> } }).action;
    const forPatti = await clickForCard({ persona: 'approver', conversationId: APPROVALS, activityId: approval.id, verb: refresh.verb, data: refresh.data, trigger: 'automatic' });
    expect(cardVerbs(forPatti)).toEqual(expect.arrayContaining(['approve', 'reject']));
    const self = await post('/demo/api/invoke', { persona: 'agent', conversationId: APPROVALS, activityId: approval.id, verb: 'approve', data: { requestId, card: 'approval' } });
    expect(self.body).toEqual({ kind: 'message', text: 'You asked for this change, so someone else must approve it.' });

    await clickForCard({ persona: 'approver', conversationId: APPROVALS, activityId: approval.id, verb: 'approve', data: button(forPatti, 'approve').data });
    const done = await stream.waitFor(
      (e) => e.type === 'update' && (e.message as Message).id === approval.id && fact((e.message as Message).cards[0] as CardNode, 'Status') === 'succeeded',
      'the approval card showing success', 20_000,
    );
    expect(JSON.stringify((done.message as Message).cards[0])).toMatch(/Verified/);
    expect((done.message as Message).version).toBeGreaterThan(3);
  } finally {
    await stream.close();
  }
});

test('the page can only act as a persona, in a conversation that persona is in, on a message that exists', async () => {
  await post('/demo/api/message', { persona: 'agent', text: 'megan.bowen@contoso.com' });
  const diagnosis = await answerCard(AGENT_CHAT);
  const click = { persona: 'agent', conversationId: AGENT_CHAT, activityId: diagnosis.id, verb: 'recheck', data: { query: 'megan.bowen@contoso.com' } };
  expect((await post('/demo/api/invoke', click)).body.kind).toBe('card');

  const refused: Array<[unknown, number, RegExp]> = [
    [{ ...click, persona: 'approver' }, 403, /not in conversation/],
    [{ ...click, persona: 'mallory' }, 400, /Unknown persona/],
    [{ ...click, activityId: 'demo-9-999' }, 404, /gone/],
    [{ ...click, verb: '' }, 400, /verb/],
    [{ persona: 'agent', text: '' }, 400, /text/],
    ['{not json', 400, /not JSON/],
  ];
  for (const [body, status, error] of refused) {
    const path = typeof body === 'object' && body !== null && 'text' in body ? '/demo/api/message' : '/demo/api/invoke';
    const answer = await post(path, body);
    expect([JSON.stringify(body), answer.status]).toEqual([JSON.stringify(body), status]);
    expect(String(answer.body.error)).toMatch(error);
  }
  const huge = await fetch(`${app.url}/demo/api/message`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ persona: 'agent', text: 'x'.repeat(200_000) }) });
  expect(huge.status).toBe(413);
});

test('the connector answers the bot as the Bot Framework connector does', async () => {
  const connector = `${app.url}/demo/connector/v3/conversations`;
  const send = (method: string, path: string, body?: unknown) =>
    fetch(`${connector}${path}`, { method, headers: { 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

  const posted = await send('POST', `/${AGENT_CHAT}/activities`, { type: 'message', text: 'hello' });
  expect(posted.status).toBe(201);
  const { id } = (await posted.json()) as { id: string };
  expect((await send('PUT', `/${AGENT_CHAT}/activities/${id}`, { type: 'message', text: 'hello again' })).status).toBe(200);
  expect((await messages(AGENT_CHAT)).find((m) => m.id === id)).toMatchObject({ text: 'hello again', version: 2 });
  expect((await send('POST', `/${AGENT_CHAT}/activities`, { type: 'typing' })).status).toBe(201);
  expect((await send('DELETE', `/${AGENT_CHAT}/activities/${id}`)).status).toBe(200);
  expect((await messages(AGENT_CHAT)).some((m) => m.id === id)).toBe(false);

  const missing = await send('PUT', `/${AGENT_CHAT}/activities/${id}`, { type: 'message', text: 'late' });
  expect(missing.status).toBe(404);
  expect(await missing.json()).toEqual({ error: { code: 'ActivityNotFound', message: 'Unknown activity.' } });
  expect((await send('POST', '/19:somewhere-else@thread.tacv2/activities', { type: 'message', text: 'x' })).status).toBe(404);
  expect((await send('GET', '/19:somewhere-else@thread.tacv2/members')).status).toBe(404);
  expect((await send('PUT', `/${AGENT_CHAT}/activities/x`, [1, 2])).status).toBe(400);
  // A channel thread (;messageid=) is the channel.
  const reply = await send('POST', `/${APPROVALS};messageid=123/activities`, { type: 'message', text: 'in a thread' });
  expect(reply.status).toBe(201);
  expect((await messages(APPROVALS)).at(-1)?.text).toBe('in a thread');
});

/** As the agent: diagnose `upn` and request `path`; returns the request id and the approval card's message. */
async function requestFromChat(upn: string, path: string): Promise<{ requestId: string; approval: Message }> {
  await post('/demo/api/message', { persona: 'agent', text: upn });
  const diagnosis = await answerCard(AGENT_CHAT);
  const on = { persona: 'agent', conversationId: AGENT_CHAT, activityId: diagnosis.id };
  const preview = await clickForCard({ ...on, verb: 'path', data: button(diagnosis.cards[0] as CardNode, 'path', { path }).data });
  const status = await clickForCard({ ...on, verb: 'request', data: { ...button(preview, 'request').data, justification: 'INC0042' } });
  const requestId = fact(status, 'Request') ?? '';
  const approval = (await messages(APPROVALS)).find((m) => m.cards.some((c) => fact(c, 'Request') === requestId));
  if (!approval) throw new Error(`no approval card for ${requestId}`);
  return { requestId, approval };
}

const headline = async (upn: string): Promise<string> => {
  await post('/demo/api/message', { persona: 'agent', text: upn });
  return JSON.stringify((await answerCard(AGENT_CHAT)).cards[0]);
};

test('reset re-seeds the tenant, forgets what was cached about it, empties the conversations and greets again', async () => {
  // Path 2 turns Okta's provisioning off for everyone (and the Okta adapter caches the apps list it read).
  const { requestId, approval } = await requestFromChat('grady.archie@contoso.com', 'entra-owns-licenses');
  for (const persona of ['approver', 'secondApprover']) {
    await clickForCard({ persona, conversationId: APPROVALS, activityId: approval.id, verb: 'approve', data: { requestId, card: 'approval' } });
  }
  await app.runtime.services.idle();
  expect((await app.runtime.services.get(requestId))?.status).toBe('succeeded');
  expect(await headline('adele.vance@contoso.com')).toMatch(/provisioning is off/);

  const stream = await DemoEventsClient.open(app.url);
  try {
    expect(await post('/demo/api/reset', {})).toEqual({ status: 200, body: { settled: true } });
    await stream.waitFor((e) => e.type === 'reset', 'the reset event');
    const after = stream.events.findIndex((e) => e.type === 'reset');
    await stream.waitFor((e) => stream.events.indexOf(e) > after && e.type === 'message' && (e.message as Message).conversationId === APPROVALS, 'a new greeting');
    // The reset answers once the bot greeted again: the agent's chat holds only its help text.
    const chat = await messages(AGENT_CHAT);
    expect(chat.map((m) => [m.from.kind, m.cards.length])).toEqual([['bot', 0]]);
    expect(chat[0]?.text).toMatch(/user principal name/);
  } finally {
    await stream.close();
  }
  // Provisioning is on again in the re-seeded tenant, and the diagnosis sees it at once.
  const fresh = await headline('adele.vance@contoso.com');
  expect(fresh).not.toMatch(/provisioning is off/);
  expect(fresh).toMatch(/Okta's pushes fail/);
});

test('reset cancels open requests in their requester\'s name, so the same user can be asked about again', async () => {
  const { requestId } = await requestFromChat('adele.vance@contoso.com', 'okta-owns-licenses');
  expect((await app.runtime.services.get(requestId))?.status).toBe('pending');
  expect(await post('/demo/api/reset', {})).toEqual({ status: 200, body: { settled: true } });
  const cancelled = await app.runtime.services.get(requestId);
  expect(cancelled?.status).toBe('cancelled');
  expect(cancelled?.decisions.at(-1)).toMatchObject({ kind: 'cancel', by: { userPrincipalName: cancelled?.requestedBy.userPrincipalName } });
  expect((await app.runtime.store.audit({ requestId })).map((e) => e.action)).toContain('request.cancelled');
  // One change at a time per target no longer holds Adele: a new request goes through.
  const again = await requestFromChat('adele.vance@contoso.com', 'okta-owns-licenses');
  expect(again.requestId).not.toBe(requestId);
});

test('the demo API accepts only same-origin JSON: a cross-site text/plain POST to reset is refused', async () => {
  const reset = (headers: Record<string, string>, body = '{}') => fetch(`${app.url}/demo/api/reset`, { method: 'POST', headers, body });
  const plain = await reset({ 'Content-Type': 'text/plain' });
  expect(plain.status).toBe(415);
  const form = await reset({ 'Content-Type': 'application/x-www-form-urlencoded' }, 'a=1');
  expect(form.status).toBe(415);
  const crossSite = await reset({ 'Content-Type': 'application/json', Origin: 'https://evil.example' });
  expect(crossSite.status).toBe(403);
  const fetchSite = await reset({ 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' });
  expect(fetchSite.status).toBe(403);
  const message = await fetch(`${app.url}/demo/api/message`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ persona: 'agent', text: 'adele.vance@contoso.com' }) });
  expect(message.status).toBe(415);
  const sameOrigin = await reset({ 'Content-Type': 'application/json', Origin: app.url, 'Sec-Fetch-Site': 'same-origin' });
  expect(sameOrigin.status).toBe(200);
});
