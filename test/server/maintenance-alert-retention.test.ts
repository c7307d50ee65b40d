// The server's maintenance pass enforces ALERT_RETENTION_DAYS: an alert closed longer ago is deleted and the purge is
// audited with its counts, while the alert's own audit entries stay (the chain still verifies), its posted card is not
// touched, an alert still open (however old) and a recently closed one stay, and the next pass within the hour does
// not purge again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { maintenancePass } from '../../src/server/maintenance-pass.ts';
import { alertHarness, type AlertHarness } from '../app/alerts/alert-harness.ts';
import { NOW, OTHER_GROUP, reportFor, SAME_CAUSE } from '../core/alerts/seeded-reports.ts';
import { startTestApp, type TestApp } from '../support/start-test-app.ts';

const dir = mkdtempSync(join(tmpdir(), 'ld-maintenance-alerts-'));
const url = `sqlite:${join(dir, 'store.sqlite')}`;
let app: TestApp;
let h: AlertHarness;
beforeAll(async () => {
  app = await startTestApp({ databaseUrl: url, env: { ALERT_RETENTION_DAYS: '30' } });
  h = await alertHarness(url);
});
afterAll(async () => {
  await h.close();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const DAY_MINUTES = 24 * 60;
/** Harness minutes (after NOW) of `days` days before the real now (the server's clock). */
const daysAgo = (days: number) => Math.round((Date.now() - NOW.getTime()) / 60_000) - days * DAY_MINUTES;
const settle = () => Promise.all([h.a.idle(), h.b.idle()]);
const alertAudit = async () => (await app.runtime.store.audit()).filter((e) => e.action.startsWith('alert.'));
const postedId = async (upn: string) => String((await alertAudit()).find((e) => e.action === 'alert.posted' && e.data.user === upn)?.data.alertId);

it('deletes alerts closed longer than the retention, audits the counts, and keeps audit entries, cards and open alerts', async () => {
  const [oldUser, recentUser] = SAME_CAUSE;
  // 40 days ago: one alert whose user was resolved five minutes later, and one whose user still fails.
  h.at(daysAgo(40));
  expect(await h.a.onDiagnosis({ report: reportFor(oldUser) })).toBe('opened');
  expect(await h.a.onDiagnosis({ report: reportFor(OTHER_GROUP) })).toBe('opened');
  await settle();
  h.at(daysAgo(40) + 5);
  expect(await h.a.resolve(oldUser, 'diagnosis')).toBe(true);
  // Two days ago: an alert of the same cause, resolved too.
  h.at(daysAgo(2));
  expect(await h.b.onDiagnosis({ report: reportFor(recentUser) })).toBe('opened');
  h.at(daysAgo(2) + 5);
  expect(await h.b.resolve(recentUser, 'diagnosis')).toBe(true);
  await settle();
  const [oldAlert, openAlert, recentAlert] = [await postedId(oldUser), await postedId(OTHER_GROUP), await postedId(recentUser)];
  const before = await alertAudit();
  expect(before.map((e) => e.action)).toEqual(['alert.posted', 'alert.posted', 'alert.user-resolved', 'alert.posted', 'alert.user-resolved']);
  const cards = structuredClone([...h.channel.cards]);
  const calls = { posts: h.channel.posts, updates: h.channel.updates };

  await maintenancePass(app.runtime);

  expect(await app.runtime.alerts.alert(oldAlert)).toBeNull();
  expect(await app.runtime.store.conversationRefs(`alert:${oldAlert}`)).toEqual([]);
  expect((await app.runtime.alerts.alert(openAlert))?.members.map((m) => m.status)).toEqual(['alerted']);
  expect((await app.runtime.alerts.alert(recentAlert))?.members.map((m) => m.status)).toEqual(['resolved']);
  const after = await alertAudit();
  // Every earlier entry is still there, in order, and one more says what was purged.
  expect(after.slice(0, before.length)).toEqual(before);
  expect(after.slice(before.length).map((e) => [e.action, e.actor, e.data])).toEqual([
    ['alert.purged', 'system', { alerts: 1, users: 1, retentionDays: 30, closedBefore: expect.any(String) as unknown }],
  ]);
  expect(await app.runtime.store.verifyAudit()).toMatchObject({ kind: 'intact' });
  // The posted cards are left as they were: no card was updated, posted or removed.
  expect({ posts: h.channel.posts, updates: h.channel.updates }).toEqual(calls);
  expect([...h.channel.cards]).toEqual(cards);

  // The next pass within the hour purges nothing more and audits nothing.
  await maintenancePass(app.runtime);
  expect(await alertAudit()).toHaveLength(after.length);
}, 60_000);
