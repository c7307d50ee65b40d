// SCAN_SCHEDULE across instances: two runtimes on one store (SQLite file, PostgreSQL) tick at a due minute at once;
// exactly one claims the minute and runs the scan (one scan run, one summary card, one `scan-finished` by the schedule),
// a later tick in the same minute runs nothing, the next due minute runs again, a minute not due never does.
import { AlertOutlets } from '../../../src/app/alerts/alert-outlets.ts';
import { ScanSchedule } from '../../../src/app/scan/scan-schedule.ts';
import { parseCron } from '../../../src/core/scan/cron.ts';
import type { ScanCardView } from '../../../src/core/views/scan-view.ts';
import type { Runtime } from '../../../src/main.ts';
import type { RunningSandbox } from '../../../src/sandbox/start-sandbox.ts';
import { startLiveRuntime, startTestSandbox } from '../../support/test-runtime.ts';
import { sharedStores } from '../../support/shared-stores.ts';

jest.setTimeout(120_000);

const stores = sharedStores('schedule');

const cron = (expr: string) => {
  const parsed = parseCron(expr);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.schedule;
};

describe.each(stores)('%s', (_name, storeOptions) => {
  let sandbox: RunningSandbox;
  const runtimes: Runtime[] = [];
  const posted: Array<{ instance: number; view: ScanCardView }> = [];
  let now = Date.parse('2026-12-03T06:00:05Z');
  let schedules: ScanSchedule[] = [];

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    for (let i = 0; i < 2; i++) {
      const runtime = await startLiveRuntime(sandbox, { ...storeOptions, env: { OKTA_O365_APP_ID: sandbox.mainOktaAppId } });
      runtimes.push(runtime);
    }
    schedules = runtimes.map((runtime, instance) => {
      const outlets = new AlertOutlets();
      outlets.add({ surface: 'slack', post: async () => null, update: async () => undefined, postScan: async (view) => {
        posted.push({ instance, view });
        return true;
      } });
      const { deps } = runtime.services;
      return new ScanSchedule({
        helpdesk: deps.helpdesk, auditLog: deps.auditLog, auditContext: deps.auditContext, claims: deps.claims, clock: { now: () => now },
        outlets, logger: runtime.logger, open: (o) => runtime.fleet.createScanRuntime(o),
      }, cron('0 6 * * *'));
    });
  });
  afterAll(async () => {
    for (const s of schedules) await s.stop();
    for (const r of runtimes) await r.close();
    await sandbox?.close();
  });

  const tickBoth = async () => {
    await Promise.all(schedules.map((s) => s.tick()));
    await Promise.all(schedules.map((s) => s.idle()));
  };
  const finishedBySchedule = async () => (await runtimes[0]?.services.deps.auditLog.audit())?.filter((e) => e.action === 'scan-finished' && e.actor === 'schedule') ?? [];

  test('a due minute: both instances tick at once, exactly one scan runs and one summary is posted', async () => {
    await tickBoth();
    // A failed scan posts why (shown here if it happens).
    expect(posted.map((p) => (p.view.kind === 'stopped' ? p.view.message : p.view.kind))).toEqual(['summary']);
    expect(posted[0]?.view).toMatchObject({ kind: 'summary', startedBy: 'the schedule (SCAN_SCHEDULE)' });
    expect(await finishedBySchedule()).toHaveLength(1);
    expect((await runtimes[0]?.services.deps.auditLog.audit())?.filter((e) => e.action === 'scan-requested')).toHaveLength(1);
  });

  test('later ticks in the same minute, and minutes not due, run nothing; the next due minute runs once more', async () => {
    now += 30_000;
    await tickBoth();
    now = Date.parse('2026-12-03T06:01:00Z');
    await tickBoth();
    now = Date.parse('2026-12-03T17:00:00Z');
    await tickBoth();
    expect(posted).toHaveLength(1);
    now = Date.parse('2026-12-04T06:00:40Z');
    await tickBoth();
    expect(posted).toHaveLength(2);
    expect(await finishedBySchedule()).toHaveLength(2);
  });

  test('a tick that comes late still runs a due minute it missed (within 5 minutes), once; not one missed for longer', async () => {
    now = Date.parse('2026-12-05T05:59:50Z');
    await tickBoth();
    now = Date.parse('2026-12-05T06:03:20Z');
    await tickBoth();
    expect(posted).toHaveLength(3);
    now = Date.parse('2026-12-06T06:07:00Z');
    await tickBoth();
    expect(posted).toHaveLength(3);
  });
});
