// `scan` in Teams: a personal chat message and a channel mention run the fleet scan (the CLI's), with ONE card posted
// in the conversation and updated in place (Adaptive Cards 1.5, validated by the connector), ending with the summary;
// a second scan while one runs is told whose scan runs; audited. Real activities to /api/messages, the sandbox tenant.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStoreEngine } from '../../../src/adapters/store/create-request-store.ts';
import { createScanStore, type KyselyScanStore } from '../../../src/adapters/store/kysely-scan-store.ts';
import { FakeTeamsConnector, type ConnectorCall } from '../../fakes/fake-teams-connector.ts';
import { channel, personalChat, TeamsClient, TEAMS_USERS } from '../../fakes/teams-client.ts';
import { startTestApp, type TestApp } from '../../support/start-test-app.ts';

jest.setTimeout(60_000);

const { agent, approver } = TEAMS_USERS;
let dir: string;
let app: TestApp;
let connector: FakeTeamsConnector;
let teams: TeamsClient;
let other: KyselyScanStore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ld-teams-scan-'));
  const databaseUrl = `sqlite:${join(dir, 'store.sqlite')}`;
  connector = await FakeTeamsConnector.start();
  app = await startTestApp({ databaseUrl });
  teams = new TeamsClient(app.url, connector.serviceUrl);
  other = await createScanStore(await openStoreEngine(databaseUrl));
});
afterAll(async () => {
  await other?.close();
  await app?.close();
  await connector?.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  expect(connector.cardProblems).toEqual([]);
});

const cardText = (c: ConnectorCall) => JSON.stringify(c.cards);
const inConversation = (id: string, from: number) => connector.calls.slice(from).filter((c) => c.conversationId === id);

test('scan in a personal chat: one card posted, updated in place to the summary; audited', async () => {
  const chat = personalChat(agent);
  const from = connector.calls.length;
  expect((await teams.message(agent, 'scan', chat)).status).toBe(200);
  const last = await connector.waitFor((c) => connector.calls.indexOf(c) >= from && c.kind === 'update' && /Fleet scan: /.test(cardText(c)), 30_000);
  const calls = inConversation(chat.conversationId, from);
  const posts = calls.filter((c) => c.kind === 'post' || c.kind === 'reply');
  expect(posts).toHaveLength(1);
  expect(cardText(posts[0] as ConnectorCall)).toContain('Fleet scan running');
  expect(calls.filter((c) => c.kind === 'update').every((c) => c.activityId === posts[0]?.activityId)).toBe(true);
  const text = cardText(last);
  expect(text).toContain('Users by verdict');
  expect(text).toContain('conflict: Okta removes a group license');
  expect(text).toContain('Licensing groups behind the conflicts');
  expect(text).toMatch(/\(SPE_E3\)|\(ENTERPRISEPACK\)/);
  expect(text).toContain('"version":"1.5"');
  await app.runtime.services.idle();
  const audit = (await app.runtime.store.audit()).filter((e) => e.action.startsWith('scan-'));
  // Without HELPDESK_GROUP_ID the audit names the person by the Entra object id Teams sent (as for diagnoses).
  expect(audit.map((e) => [e.action, e.actor, e.data.surface])).toEqual([['scan-requested', agent.aadObjectId, 'teams'], ['scan-finished', agent.aadObjectId, 'teams']]);
  expect(text).toContain('Started by Allan Deyoung');
});

test('a mention in a channel while another instance scans: the card says whose scan runs', async () => {
  expect(await other.acquireScanLease('instance-b', Date.now(), 60_000, 'ops.lead@contoso.com')).toBe(true);
  try {
    const place = channel('19:helpdesk@thread.tacv2');
    const from = connector.calls.length;
    await teams.message(approver, '<at>License Doctor</at> scan', place);
    const busy = await connector.waitFor((c) => connector.calls.indexOf(c) >= from && c.kind === 'update' && /already running/.test(cardText(c)));
    expect(cardText(busy)).toContain('A fleet scan started by ops.lead@contoso.com is already running');
    expect(inConversation(place.conversationId, from).filter((c) => c.kind !== 'update')).toHaveLength(1);
  } finally {
    await other.releaseScanLease('instance-b');
  }
});

test('"scan" is not diagnosed as a user, and help mentions it', async () => {
  const chat = personalChat(approver);
  const from = connector.calls.length;
  await teams.message(approver, 'help', chat);
  const help = await connector.waitFor((c) => connector.calls.indexOf(c) >= from && c.conversationId === chat.conversationId);
  expect(help.text).toContain('`scan`');
});
