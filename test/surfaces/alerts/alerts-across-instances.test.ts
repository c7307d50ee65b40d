// Two instances on one store receive the same failures at once — the same deliveries (same event uuids) and, each,
// events of their own for the same users — through their real Okta event hook routes: one alert card is posted to
// ALERTS_CHANNEL, and it ends up listing every user once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeSlackApi } from '../../fakes/fake-slack-api.ts';
import { deliver, HOOK_SECRET, pushFailure } from '../../support/okta-deliveries.ts';
import { startTestApp, type TestApp } from '../../support/start-test-app.ts';
import { SAME_CAUSE } from '../../core/alerts/seeded-reports.ts';
import { APP_TOKEN, BOT_TOKEN, CHANNELS, SLACK_CHANNELS, SLACK_USERS, slackEnv } from '../slack/slack-harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'ld-alert-instances-'));
const databaseUrl = `sqlite:${join(dir, 'store.sqlite')}`;
let fake: FakeSlackApi;
let apps: TestApp[] = [];

beforeAll(async () => {
  fake = await FakeSlackApi.start({ botToken: BOT_TOKEN, appToken: APP_TOKEN, users: SLACK_USERS, channels: SLACK_CHANNELS });
  const env = { ...slackEnv(fake.apiUrl), ALERTS_CHANNEL: CHANNELS.helpdesk, OKTA_EVENT_HOOK_SECRET: HOOK_SECRET, DATABASE_URL: databaseUrl };
  apps = [await startTestApp({ env, databaseUrl }), await startTestApp({ env, databaseUrl })];
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

it('posts one card for a cause whatever instance hears of it first, listing every user once', async () => {
  const shared = SAME_CAUSE.map((u) => pushFailure(u));
  const own = apps.map(() => [...SAME_CAUSE].reverse().map((u) => pushFailure(u)));
  expect(await Promise.all(apps.flatMap((app, i) => [deliver(app.url, shared), deliver(app.url, own[i] ?? [])]))).toEqual([200, 200, 200, 200]);
  const last = () => fake.messagesIn(CHANNELS.helpdesk).filter((m) => /rotating_light/.test(JSON.stringify(m.blocks)));
  await fake.waitFor(() => last().some((m) => m.text.includes(`${SAME_CAUSE.length} users failing`)), 'the card listing every user', 20_000);
  for (const app of apps) await app.runtime.alerts.idle();
  const cards = last();
  expect(cards).toHaveLength(1);
  const users = JSON.stringify((cards[0]?.blocks ?? []).find((b) => JSON.stringify(b).includes('*Users*')));
  for (const upn of SAME_CAUSE) expect(users.split(upn).length - 1).toBe(1);
  const posted = (await apps[0]?.runtime.store.audit())?.filter((e) => e.action === 'alert.posted') ?? [];
  expect(posted).toHaveLength(1);
  const added = (await apps[0]?.runtime.store.audit())?.filter((e) => e.action === 'alert.user-added').map((e) => e.data.user) ?? [];
  expect([...added].sort()).toEqual(SAME_CAUSE.filter((u) => u !== posted[0]?.data.user).sort());
}, 60_000);
