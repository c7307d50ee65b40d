// Alerts that do not spam, with the store on SQLite and PostgreSQL and two instances of the service: failures of one
// cause within the window are one card updated in place; a user already alerted is not alerted again until resolved;
// a resolution (a later healthy diagnosis, a succeeded request) updates the card; instances receiving failures at
// once post one card; every alert posted and every user added or resolved is audited.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { RequestEvents } from '../../../src/app/request-events.ts';
import type { AlertView } from '../../../src/core/views/alert-view.ts';
import { requestIn } from '../../core/approval/request-factory.ts';
import { HEALTHY, OTHER_GROUP, reportFor, SAME_CAUSE } from '../../core/alerts/seeded-reports.ts';
import { alertHarness, type AlertHarness } from './alert-harness.ts';

const DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const dir = mkdtempSync(join(tmpdir(), 'ld-alerts-'));
const schemas: string[] = [];
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
  for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  await admin.end();
});

let n = 0;
const engines: ReadonlyArray<readonly [string, () => Promise<AlertHarness>]> = [
  ['SQLite', () => alertHarness(`sqlite:${join(dir, `alerts-${(n += 1)}.sqlite`)}`)],
  ['PostgreSQL', () => {
    const schema = `ld_alerts_${process.pid}_${randomBytes(4).toString('hex')}`;
    schemas.push(schema);
    return alertHarness(DATABASE_URL, schema);
  }],
];

const failure = (upn: string) => ({ report: reportFor(upn) });
/** Adele's diagnosis once her failure is gone (a healthy user's report, about her). */
const healthyAgain = (upn: string) => {
  const report = reportFor(HEALTHY);
  return { report: { ...report, user: report.user ? { ...report.user, userPrincipalName: upn } : null } };
};
const only = (cards: Map<string, AlertView>): AlertView => {
  expect(cards.size).toBe(1);
  return [...cards.values()][0] as AlertView;
};
/** Both instances' card work done. */
const settle = (h: AlertHarness) => Promise.all([h.a.idle(), h.b.idle()]);
const auditActions = async (h: AlertHarness) => (await h.store.audit()).filter((e) => e.action.startsWith('alert.')).map((e) => `${e.action} ${String(e.data.user)}`);

describe.each(engines)('alerts on %s', (_engine, open) => {
  let h: AlertHarness;
  beforeEach(async () => {
    h = await open();
  });
  afterEach(async () => h.close());

  it('aggregates one cause into one card updated in place, and alerts a user once until resolved', async () => {
    expect(await h.a.onDiagnosis(failure(SAME_CAUSE[0]))).toBe('opened');
    h.at(5);
    expect(await h.b.onDiagnosis(failure(SAME_CAUSE[1]))).toBe('joined');
    expect(await h.a.onDiagnosis(failure(SAME_CAUSE[2]))).toBe('joined');
    // A repeated failure of an alerted user, on either instance, changes nothing.
    expect(await h.b.onDiagnosis(failure(SAME_CAUSE[0]))).toBe('already-alerted');
    expect(await h.a.onDiagnosis(failure(SAME_CAUSE[1]))).toBe('already-alerted');
    await settle(h);
    const card = only(h.channel.cards);
    expect(card.users.map((u) => u.userPrincipalName)).toEqual(SAME_CAUSE.slice(0, 3));
    expect(card.summary).toBe('3 users failing since 12:00 UTC');
    // One post, then updates in place: one per join at most, plus the poster's catch-up with a join that landed while
    // it posted (instances render on their own; a render that would show nothing new is skipped on its instance).
    expect(h.channel.posts).toBe(1);
    expect(h.channel.updates).toBeGreaterThanOrEqual(1);
    expect(h.channel.updates).toBeLessThanOrEqual(3);

    // Another cause is another card.
    expect(await h.b.onDiagnosis(failure(OTHER_GROUP))).toBe('opened');
    await settle(h);
    expect(h.channel.cards.size).toBe(2);

    // Resolved by a later diagnosis: the card says so; a new failure of hers is alerted again.
    expect(await h.b.onDiagnosis(healthyAgain(SAME_CAUSE[0]))).toBe('resolved');
    expect(await h.a.onDiagnosis(healthyAgain(SAME_CAUSE[0]))).toBe('nothing');
    await settle(h);
    const first = h.channel.cards.get('1.000');
    expect(first?.summary).toBe('2 users failing since 12:00 UTC · 1 resolved');
    expect(first?.diagnosis?.recheckQuery).toBe(SAME_CAUSE[1]);
    expect(await h.a.onDiagnosis(failure(SAME_CAUSE[0]))).toBe('joined');
    await settle(h);
    expect(h.channel.cards.get('1.000')?.failing).toBe(3);

    // Each instance audits in its own order; across the two, what matters is one entry per alert and user.
    expect((await auditActions(h)).sort()).toEqual([
      `alert.posted ${SAME_CAUSE[0]}`, `alert.user-added ${SAME_CAUSE[1]}`, `alert.user-added ${SAME_CAUSE[2]}`,
      `alert.posted ${OTHER_GROUP}`, `alert.user-resolved ${SAME_CAUSE[0]}`, `alert.user-added ${SAME_CAUSE[0]}`,
    ].sort());
  }, 30_000);

  it('opens a new card for the cause once the window has passed', async () => {
    expect(await h.a.onDiagnosis(failure(SAME_CAUSE[0]))).toBe('opened');
    h.at(61);
    expect(await h.b.onDiagnosis(failure(SAME_CAUSE[1]))).toBe('opened');
    await settle(h);
    expect(h.channel.posts).toBe(2);
    expect([...h.channel.cards.values()].map((c) => c.failing)).toEqual([1, 1]);
  }, 30_000);

  it('closing the open alerts lets the same failures open a new card and alert their users again', async () => {
    expect(await h.a.onDiagnosis(failure(SAME_CAUSE[0]))).toBe('opened');
    await settle(h);
    h.at(5);
    await h.b.closeOpen();
    expect(await h.a.onDiagnosis(failure(SAME_CAUSE[0]))).toBe('opened');
    expect(await h.b.onDiagnosis(failure(SAME_CAUSE[1]))).toBe('joined');
    await settle(h);
    expect(h.channel.posts).toBe(2);
    expect([...h.channel.cards.values()].map((c) => c.failing)).toEqual([1, 2]);
  }, 30_000);

  it('resolves the target of a succeeded request and updates the card', async () => {
    const events = new RequestEvents();
    const stop = h.b.follow(events);
    const request = requestIn('succeeded');
    expect(await h.a.onDiagnosis(failure(request.target.userPrincipalName))).toBe('opened');
    await events.publish({ type: 'request-changed', change: 'succeeded', request });
    await settle(h);
    stop();
    expect(only(h.channel.cards)).toMatchObject({ failing: 0, resolved: 1, diagnosis: null });
  }, 30_000);

  it('posts one card when two instances receive failures of one cause at once, and it ends showing every user once', async () => {
    const users = [...SAME_CAUSE];
    const outcomes = await Promise.all([...users.map((u) => h.a.onDiagnosis(failure(u))), ...[...users].reverse().map((u) => h.b.onDiagnosis(failure(u)))]);
    expect(outcomes.filter((o) => o === 'opened')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'joined')).toHaveLength(users.length - 1);
    expect(outcomes.filter((o) => o === 'already-alerted')).toHaveLength(users.length);
    await Promise.all([h.a.idle(), h.b.idle()]);
    const card = only(h.channel.cards);
    expect([...card.users.map((u) => u.userPrincipalName)].sort()).toEqual([...users].sort());
    expect(card.failing).toBe(users.length);
    expect((await auditActions(h)).filter((a) => a.startsWith('alert.posted'))).toHaveLength(1);
  }, 30_000);

  it('turns a burst of failures of one cause into one post and a few updates, not one per user', async () => {
    h.channel.latencyMs = 100;
    const report = reportFor(SAME_CAUSE[0]);
    const burst = Array.from({ length: 40 }, (_, i) => ({ report: { ...report, user: report.user ? { ...report.user, userPrincipalName: `burst${i}@contoso.com` } : null } }));
    for (const f of burst) await h.a.onDiagnosis(f);
    await settle(h);
    const card = only(h.channel.cards);
    expect(card.failing).toBe(40);
    expect(h.channel.posts).toBe(1);
    // Each render shows every failure recorded by then: updates follow the platform's pace (a 100 ms round trip), not
    // one per user (39 joins).
    expect(h.channel.updates).toBeLessThanOrEqual(20);
  }, 30_000);
});
