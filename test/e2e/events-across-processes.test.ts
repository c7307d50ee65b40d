// Request events across processes: two servers and the `license-doctor` CLI (a real child process) on one store. A
// request filed and approved (and its plan run) from the CLI reaches both servers as events, and the Slack approval
// card follows it to the end. PostgreSQL carries the events with NOTIFY; SQLite through a table the servers poll.
import type { RequestEvent } from '../../src/app/request-events.ts';
import { PERSONAS } from '../../src/sandbox/seed.ts';
import { approvalCardKey } from '../../src/surfaces/slack/slack-ids.ts';
import { FakeSlackApi } from '../fakes/fake-slack-api.ts';
import { cliStores, until } from '../support/cli-stores.ts';
import { cliEnv, runCliProcess } from '../support/run-cli-process.ts';
import { startTestApp, type TestApp } from '../support/start-test-app.ts';
import { BOT_TOKEN, CHANNELS, SLACK_CHANNELS, SLACK_USERS, slackEnv } from '../surfaces/slack/slack-harness.ts';

jest.setTimeout(120_000);
// The two engines are independent (a database and a folder each): they run at once.
test.concurrent.each(cliStores('ld_events'))('%s: two servers see a request filed, approved and run from the CLI, and its Slack card follows', async (_engine, store) => {
  const { dir, url } = await store();
  const slack = await FakeSlackApi.start({ botToken: BOT_TOKEN, users: SLACK_USERS, channels: SLACK_CHANNELS });
  const servers: TestApp[] = [];
  try {
    for (let i = 0; i < 2; i++) servers.push(await startTestApp({ env: slackEnv(slack.apiUrl), databaseUrl: url }));
    const seen = servers.map((s) => {
      const events: RequestEvent[] = [];
      s.runtime.events.subscribe((e) => void events.push(e));
      return events;
    });
    const env = cliEnv(dir, { DATABASE_URL: url });

    const asked = await runCliProcess(['request', 'adele.vance@contoso.com', '--path', 'okta-owns-licenses', '--as', PERSONAS.agent, '--reason', 'Okta pushes fail for Adele', '--json', '--sandbox'], env);
    expect(asked).toMatchObject({ code: 0 });
    const id = String((JSON.parse(asked.stdout) as { id: string }).id);
    for (const events of seen) await until('both servers to hear of the new request', () => events.some((e) => e.type === 'request-changed' && e.request.id === id && e.change === 'created'));

    // The approval card, as a server posted it when the request came in through Slack.
    const posted = await fetch(`${slack.apiUrl}chat.postMessage`, {
      method: 'POST', headers: { Authorization: `Bearer ${BOT_TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ channel: CHANNELS.approvals, text: 'pending' }),
    }).then(async (r) => (await r.json()) as { ts: string });
    await servers[0]?.runtime.store.saveConversationRef({ surface: 'slack', key: approvalCardKey(id), ref: { channel: CHANNELS.approvals, ts: posted.ts }, updatedAt: new Date().toISOString() });

    const approved = await runCliProcess(['approve', id, '--as', PERSONAS.approver, '--json', '--sandbox'], env);
    expect(approved).toMatchObject({ code: 0 });
    expect(JSON.parse(approved.stdout)).toMatchObject({ id, status: 'succeeded' });

    for (const events of seen) {
      await until('both servers to see the plan finish', () => events.some((e) => e.type === 'request-changed' && e.request.id === id && e.request.status === 'succeeded'));
      const mine = events.filter((e) => e.type !== 'execution-boundary' && e.request.id === id);
      expect(mine.every((e) => e.type !== 'execution-boundary' && e.remote === true)).toBe(true);
      expect(mine.filter((e) => e.type === 'step-progress').length).toBeGreaterThanOrEqual(5);
    }
    await until('the Slack card to show the outcome', () => /succeeded|Done|Verified/i.test(slack.messages.get(`${CHANNELS.approvals}/${posted.ts}`)?.text ?? ''));
    expect(slack.messages.get(`${CHANNELS.approvals}/${posted.ts}`)?.updates).toBeGreaterThan(0);
    // Remote events refresh cards only: no server posted a thread reply or a second approval card of its own. The
    // approvers' direct messages (channel = their user id) are sent once each, by one of the two servers.
    const posts = slack.calls.filter((c) => c.method === 'chat.postMessage');
    const channelOf = (c: (typeof posts)[number]) => String((c.body as { channel?: unknown }).channel);
    expect(posts.filter((c) => !channelOf(c).startsWith('U'))).toHaveLength(1);
    const dms = posts.map(channelOf).filter((ch) => ch.startsWith('U'));
    expect(new Set(dms).size).toBe(dms.length);
  } finally {
    for (const s of servers) await s.close();
    await slack.close();
  }
});
