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
import { FakeSlackApi } from '../fakes/fake-slack-api.ts';
import { SlackTestClient } from '../fakes/slack-test-client.ts';
import { startTestApp, type TestApp } from '../support/start-test-app.ts';
import { BOT_TOKEN, CHANNELS, SIGNING_SECRET, SLACK_CHANNELS, SLACK_USERS, USERS, slackEnv, type SlackHarness } from '../surfaces/slack/slack-harness.ts';
import { diagnose, openPlan } from '../surfaces/slack/slack-steps.ts';

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
    expect(first.status).toBe(200);
    await fake.waitFor(() => fake.messagesIn(CHANNELS.approvals)[cards], 'the approval card');
    expect((await h.app.runtime.store.list()).length).toBe(requests + 1);
    await settle();
    // A second run would be refused further in (one open change per target), but it would still call Slack: it must not run at all.
    const calls = fake.calls.length;

    expect((await h.slack.replayLast(undefined, other)).status).toBe(200);
    expect((await h.slack.replayLast(1, other)).status).toBe(200);
    await settle();
    expect((await servers[1]?.runtime.store.list())?.length).toBe(requests + 1);
    expect(fake.messagesIn(CHANNELS.approvals)).toHaveLength(cards + 1);
    // Approval cards are refreshed (chat.update) by every server that hears of the request; anything else is a run.
    expect(fake.calls.slice(calls).map((c) => c.method).filter((m) => m !== 'chat.update')).toEqual([]);
  });

  test('an event handled by one server is not run again by the other, sent again or as Slack\'s retry', async () => {
    const posts = () => fake.callsTo('chat.postMessage').length + fake.callsTo('chat.update').length;
    const before = posts();
    const asked = `${Date.now() / 1000}`;
    await h.slack.event({ type: 'app_mention', channel: CHANNELS.helpdesk, user: USERS.agent, text: `<@${fake.botUserId}> ${ADELE}`, ts: asked });
    await fake.waitFor(() => posts() > before, 'the first answer');
    await settle();
    const answered = posts();
    expect((await h.slack.redeliverLast(0, other)).status).toBe(200);
    expect((await h.slack.redeliverLast(1, other)).status).toBe(200);
    expect((await h.slack.redeliverLast(2)).status).toBe(200);
    await settle();
    expect(posts()).toBe(answered);
  });

  test('the store holds a hash of each key, never a signature or an event id', async () => {
    const keys = await claimedKeys();
    expect(keys.length).toBeGreaterThanOrEqual(4);
    for (const key of keys) expect(key).toMatch(/^slack:[0-9a-f]{64}$/);
  });
});
