// Slack replays behind a load balancer: two servers with Slack configured on one store (a SQLite file; a PostgreSQL
// database). A signed view_submission replayed byte for byte to the other server files no second request; an event
// sent again with its event_id (unmarked, or as Slack's retry X-Slack-Retry-Num) to the other server is acknowledged
// and not run. The store keeps only hashes of what it saw.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { SCENARIOS } from '../../src/sandbox/seed.ts';
import { FakeSlackApi, type FakeMessage } from '../fakes/fake-slack-api.ts';
import { findButton, SlackTestClient } from '../fakes/slack-test-client.ts';
import { startTestApp, type TestApp } from '../support/start-test-app.ts';
import { BOT_TOKEN, CHANNELS, SIGNING_SECRET, SLACK_CHANNELS, SLACK_USERS, USERS, slackEnv, type SlackHarness } from '../surfaces/slack/slack-harness.ts';
import { diagnose, openPlan, textOf } from '../surfaces/slack/slack-steps.ts';

jest.setTimeout(60_000);
const ADELE = SCENARIOS[0]?.userPrincipalName ?? 'adele.vance@contoso.com';
const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const database = `ld_replay_${process.pid}_${randomBytes(3).toString('hex')}`;
const admin = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
const dir = mkdtempSync(join(tmpdir(), 'ld-replay-'));
afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
  rmSync(dir, { recursive: true, force: true });
});

/** Time for a wrongly run replay to reach Slack; what the first delivery does is waited for, not slept for. */
const settle = () => new Promise((r) => setTimeout(r, 500));

const pgUrl = (): string => {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
};
const sqliteFile = join(dir, 'store.sqlite');

/** The claimed keys, read beside the servers. */
async function pgKeys(): Promise<string[]> {
  const pool = new pg.Pool({ connectionString: pgUrl(), max: 1 });
  try {
    return (await pool.query('SELECT key FROM once_claims')).rows.map((r: { key: string }) => r.key);
  } finally {
    await pool.end();
  }
}
async function sqliteKeys(): Promise<string[]> {
  const db = new Database(sqliteFile, { readonly: true });
  try {
    return (db.prepare('SELECT key FROM once_claims').all() as Array<{ key: string }>).map((r) => r.key);
  } finally {
    db.close();
  }
}

describe.each([
  ['PostgreSQL', async () => {
    await admin.query(`CREATE DATABASE "${database}"`);
    return pgUrl();
  }, pgKeys],
  ['SQLite file', async () => `sqlite:${sqliteFile}`, sqliteKeys],
])('two servers on one %s store', (_engine, databaseUrl, claimedKeys) => {
  let fake: FakeSlackApi;
  const servers: TestApp[] = [];
  let h: SlackHarness;
  let other: string;
  beforeAll(async () => {
    const url = await databaseUrl();
    fake = await FakeSlackApi.start({ botToken: BOT_TOKEN, users: SLACK_USERS, channels: SLACK_CHANNELS });
    for (let i = 0; i < 2; i++) servers.push(await startTestApp({ env: slackEnv(fake.apiUrl), databaseUrl: url }));
    const [a, b] = servers;
    if (!a || !b) throw new Error('two servers');
    h = { app: a, fake, slack: new SlackTestClient({ eventsUrl: `${a.url}/slack/events`, signingSecret: SIGNING_SECRET, fake }), close: async () => undefined };
    other = `${b.url}/slack/events`;
  });
  afterAll(async () => {
    for (const s of servers.splice(0)) await s.close();
    await fake.close();
  });

  test('a view_submission replayed to the other server, and redelivered there, files one request and is not run again', async () => {
    const viewId = await openPlan(h, await diagnose(h, ADELE), 'okta-owns-licenses');
    const cards = fake.messagesIn(CHANNELS.approvals).length;
    const requests = (await h.app.runtime.store.list()).length;
    const first = await h.slack.submit(USERS.agent, viewId, { justification: { justification: { type: 'plain_text_input', value: 'INC7: replay across instances' } } });
    expect(first).toMatchObject({ status: 200, text: expect.stringContaining('response_action') });
    await fake.waitFor(() => fake.messagesIn(CHANNELS.approvals)[cards], 'the approval card');
    const filed = await h.app.runtime.store.list();
    expect(filed.length).toBe(requests + 1);
    // The first delivery's work ends with the modal saying the request was created and the approvers' DMs (on a loaded
    // machine that can be seconds after the card): a later call is the replay's.
    const requestId = filed.find((r) => r.reason === 'INC7: replay across instances')?.id ?? 'no request';
    await fake.waitFor(() => JSON.stringify(fake.views.get(viewId)?.view).includes(`${requestId}* was created`), 'the modal saying the request was created');
    for (const approver of [USERS.patti, USERS.christie]) {
      await fake.waitFor(() => fake.messagesIn(FakeSlackApi.dmChannel(approver)).some((m) => textOf(m).includes(requestId)), `the DM to ${approver}`);
    }
    // A second run would be refused further in (one open change per target), but it would still call Slack: it must not run at all.
    const calls = fake.calls.length;

    // Acknowledged without a listener: a run would have answered with the modal's update.
    const replayed = await h.slack.replayLast(undefined, other);
    expect(replayed).toMatchObject({ status: 200, text: expect.not.stringContaining('response_action') });
    expect((await h.slack.replayLast(1, other)).status).toBe(200);
    await settle();
    expect((await servers[1]?.runtime.store.list())?.length).toBe(requests + 1);
    expect(fake.messagesIn(CHANNELS.approvals)).toHaveLength(cards + 1);
    // Approval cards are refreshed (chat.update) by every server that hears of the request; anything else is a run.
    expect(fake.calls.slice(calls).map((c) => c.method).filter((m) => m !== 'chat.update')).toEqual([]);
  });

  test('an event handled by one server is not run again by the other, sent again or as Slack\'s retry', async () => {
    const asked = `${Date.now() / 1000}`;
    // What answering the mention sends: posts in its thread and updates of them (the other server may still refresh the
    // first test's cards as it hears of that request; those are not this event's).
    const answers = () => {
      const inThread = new Set(fake.messagesIn(CHANNELS.helpdesk, asked).map((m) => m.ts));
      return fake.calls.filter((c) => c.method.startsWith('chat.') && (c.body['thread_ts'] === asked || inThread.has(String(c.body['ts'])))).length;
    };
    const before = answers();
    const shown = new Set(fake.messagesIn(CHANNELS.helpdesk).map((m) => m.ts));
    await h.slack.event({ type: 'app_mention', channel: CHANNELS.helpdesk, user: USERS.agent, text: `<@${fake.botUserId}> ${ADELE}`, ts: asked });
    // The first answer is done when its diagnosis card is final (it has a Re-check button); later posts are a rerun's.
    const answer = (m: FakeMessage) => !shown.has(m.ts) && findButton(m.blocks, 'recheck') !== null && textOf(m).includes(ADELE);
    await fake.waitFor(() => answers() > before && fake.messagesIn(CHANNELS.helpdesk).some(answer), 'the diagnosis answering the mention');
    const answered = answers();
    expect((await h.slack.redeliverLast(0, other)).status).toBe(200);
    expect((await h.slack.redeliverLast(1, other)).status).toBe(200);
    expect((await h.slack.redeliverLast(2)).status).toBe(200);
    await settle();
    expect(answers()).toBe(answered);
  });

  test('the store holds a hash of each key, never a signature or an event id', async () => {
    const keys = await claimedKeys();
    expect(keys.length).toBeGreaterThanOrEqual(4);
    for (const key of keys) expect(key).toMatch(/^slack:[0-9a-f]{64}$/);
  });
});
