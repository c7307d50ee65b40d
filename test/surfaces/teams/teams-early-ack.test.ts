// A message activity is answered as soon as it is accepted and processed after (route-adapter.ts): with the Bot
// Connector stalled, so that no reply can be sent, the POST still answers 200; the reply arrives once the connector
// answers; and a graceful stop waits for activities that were accepted but not yet processed.
import { FakeTeamsConnector } from '../../fakes/fake-teams-connector.ts';
import { personalChat, TeamsClient, TEAMS_USERS } from '../../fakes/teams-client.ts';
import { startTestApp, type TestApp } from '../../support/start-test-app.ts';

const { agent } = TEAMS_USERS;
const chat = personalChat(agent);

describe('a running app', () => {
  let app: TestApp;
  let connector: FakeTeamsConnector;
  let teams: TeamsClient;

  beforeAll(async () => {
    connector = await FakeTeamsConnector.start();
    app = await startTestApp();
    teams = new TeamsClient(app.url, connector.serviceUrl);
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
  });

  test('"help" is answered 200 while its reply cannot be sent yet; the reply arrives once the connector answers', async () => {
    const stalled = connector.stall();
    try {
      // Before, the SDK answered only after its handler had sent the help text: this POST waited for the connector.
      const answer = await teams.message(agent, 'help', chat);
      expect(answer).toEqual({ status: 200, body: null });
      await stalled.arrived;
      expect(connector.callsIn(chat.conversationId)).toEqual([]);
    } finally {
      stalled.release();
    }
    const help = await connector.waitFor((c) => c.conversationId === chat.conversationId);
    expect(help.text).toMatch(/user principal name/);
  });

  test('a diagnosis request is answered before its card, which still arrives', async () => {
    const stalled = connector.stall();
    const before = connector.calls.length;
    try {
      expect((await teams.message(agent, 'adele.vance@contoso.com', chat)).status).toBe(200);
      await stalled.arrived;
    } finally {
      stalled.release();
    }
    const card = await connector.waitFor((c) => connector.calls.indexOf(c) >= before && c.conversationId === chat.conversationId && c.cards.length > 0);
    expect(JSON.stringify(card.cards)).toMatch(/Adele Vance/);
  });
});

test('a graceful stop waits for the activities it accepted and has not processed yet', async () => {
  const connector = await FakeTeamsConnector.start();
  const app = await startTestApp();
  const teams = new TeamsClient(app.url, connector.serviceUrl);
  try {
    const stalled = connector.stall();
    const answers = await Promise.all([teams.message(agent, 'help', chat), teams.message(agent, 'megan.bowen@contoso.com', chat), teams.install(agent, chat)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    // Stopping right after the answers: the replies are not sent (the connector holds them) and may not have started.
    let closed = false;
    const closing = app.close().then(() => (closed = true));
    await stalled.arrived;
    expect(closed).toBe(false);
    stalled.release();
    await closing;
    const sent = connector.callsIn(chat.conversationId);
    expect(sent.filter((c) => /user principal name/.test(c.text ?? ''))).toHaveLength(2);
    expect(sent.filter((c) => JSON.stringify(c.cards).includes('Megan Bowen'))).toHaveLength(1);
  } finally {
    await connector.close();
  }
});
