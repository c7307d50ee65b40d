// AlertStore.purgeClosed on SQLite and PostgreSQL: only alerts closed before the cut-off go (window over, nobody still
// alerted on them, nobody resolved since), with their user rows, their cause's lapsed claim and their card references;
// an open alert, an alert whose last user was resolved after the cut-off, and a recent one stay; a user still alerted
// stays alerted; the limit bounds one call; two instances purging at once delete each alert once between them.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createRequestStore } from '../../../src/adapters/store/create-request-store.ts';
import type { AlertCause } from '../../../src/core/model/alert.ts';
import type { AlertStore } from '../../../src/core/ports/alert-store.ts';
import { openAlertStore } from '../../../src/scan-main.ts';
import { NOW, reportFor, SAME_CAUSE } from '../../core/alerts/seeded-reports.ts';

const DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = `ld_alert_retention_${process.pid}_${randomBytes(4).toString('hex')}`;
const dir = mkdtempSync(join(tmpdir(), 'ld-alert-retention-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
  await admin.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
  await admin.end();
});

const engines: ReadonlyArray<readonly [string, string, string | undefined]> = [
  ['SQLite', `sqlite:${join(dir, 'alerts.sqlite')}`, undefined],
  ['PostgreSQL', DATABASE_URL, SCHEMA],
];

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = NOW.getTime();
const report = reportFor(SAME_CAUSE[0]);
const cause = (key: string): AlertCause => ({ key, verdict: report.verdict, group: null, sku: null });
const failure = (upn: string, key: string) => ({ userPrincipalName: upn, displayName: upn, cause: cause(key), report });

async function opened(store: AlertStore, upn: string, key: string, atMs: number): Promise<string> {
  const outcome = await store.recordFailure(failure(upn, key), atMs, 60, `ALERT-${key}-${randomBytes(3).toString('hex')}`);
  if (outcome.kind !== 'opened') throw new Error(`${upn} did not open an alert (${outcome.kind})`);
  return outcome.alert.id;
}

test.each(engines)('%s: deletes only alerts closed before the cut-off, with their rows and card references', async (_name, url, schema) => {
  const requests = await createRequestStore(url, schema ? { schema } : {});
  await requests.migrate();
  const first = await openAlertStore(url, schema);
  const second = await openAlertStore(url, schema);
  const a = first.alerts;
  const b = second.alerts;
  try {
    // Released by the demo's reset (closeOpen) at T0 + 1 min: closed then.
    const released = await opened(a, 'c1@contoso.com', 'released', T0);
    expect(await a.closeOpen(T0 + MIN)).toBe(1);
    // Every user resolved within the hour: closed when its window ended (T0 + 60 min).
    const resolved = await opened(a, 'a1@contoso.com', 'resolved', T0);
    expect(await a.resolve('a1@contoso.com', T0 + 10 * MIN)).not.toBeNull();
    // A user still failing: open for ever.
    const open = await opened(a, 'b1@contoso.com', 'open', T0 + 2 * MIN);
    // Its last user resolved on day 50: closed then, after the cut-off.
    const lateResolved = await opened(a, 'd1@contoso.com', 'late', T0);
    expect(await a.resolve('d1@contoso.com', T0 + 50 * DAY)).not.toBeNull();
    // Recent.
    const recent = await opened(a, 'e1@contoso.com', 'recent', T0 + 95 * DAY);
    expect(await a.resolve('e1@contoso.com', T0 + 95 * DAY + 5 * MIN)).not.toBeNull();
    for (const id of [resolved, lateResolved, open]) {
      await requests.saveConversationRef({ surface: 'slack', key: `alert:${id}`, ref: { channel: 'C0HELPDESK', ts: id }, updatedAt: NOW.toISOString() });
    }

    // Day 100 with 90 days' retention: the cut-off is day 10. One alert per call with a limit of 1.
    const cutoff = T0 + 10 * DAY;
    const purges = [await a.purgeClosed(cutoff, 1), await a.purgeClosed(cutoff, 1), await a.purgeClosed(cutoff, 1)];
    expect(purges).toEqual([{ alerts: 1, users: 1 }, { alerts: 1, users: 1 }, { alerts: 0, users: 0 }]);

    expect(await b.get(released)).toBeNull();
    expect(await b.get(resolved)).toBeNull();
    expect(await requests.conversationRefs(`alert:${resolved}`)).toEqual([]);
    for (const id of [open, lateResolved, recent]) expect((await b.get(id))?.members).toHaveLength(1);
    expect(await requests.conversationRefs(`alert:${open}`)).toHaveLength(1);
    expect(await requests.conversationRefs(`alert:${lateResolved}`)).toHaveLength(1);
    // The open alert's user is still alerted on it (the claim kept), and its cause's claim is untouched.
    expect(await b.recordFailure(failure('b1@contoso.com', 'open'), T0 + 100 * DAY, 60, 'ALERT-NEW')).toEqual({ kind: 'already-alerted', alertId: open });
    // The purged causes open new alerts as before.
    expect((await b.recordFailure(failure('a1@contoso.com', 'resolved'), T0 + 100 * DAY, 60, `ALERT-R-${randomBytes(3).toString('hex')}`)).kind).toBe('opened');

    // Two instances purging at once: each closed alert is deleted once, and the counts add up.
    const many = [];
    for (let i = 0; i < 12; i += 1) {
      const id = await opened(a, `many${i}@contoso.com`, `many-${i}`, T0 + DAY);
      await a.resolve(`many${i}@contoso.com`, T0 + DAY + MIN);
      many.push(id);
    }
    const raced = await Promise.all([a.purgeClosed(cutoff, 100), b.purgeClosed(cutoff, 100)]);
    expect(raced.reduce((n, p) => n + p.alerts, 0)).toBe(12);
    expect(raced.reduce((n, p) => n + p.users, 0)).toBe(12);
    for (const id of many) expect(await a.get(id)).toBeNull();
    // Later, with the day-50 resolution past the cut-off too: it goes, then the recent one; the open ones never do.
    expect(await a.purgeClosed(T0 + 60 * DAY, 100)).toEqual({ alerts: 1, users: 1 });
    expect(await a.purgeClosed(T0 + 1000 * DAY, 100)).toEqual({ alerts: 1, users: 1 });
    expect((await a.get(open))?.members.map((m) => m.status)).toEqual(['alerted']);
  } finally {
    await first.close();
    await second.close();
    await requests.close();
  }
}, 60_000);
