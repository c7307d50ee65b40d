// SCAN_SCHEDULE on a running server with Slack: the server ticks at start, the due minute's scan runs, and its summary
// card is posted to ALERTS_CHANNEL (Block Kit limits checked), once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allViolations } from './block-kit-limits.ts';
import { CHANNELS, startSlackHarness, type SlackHarness } from './slack-harness.ts';
import { textOf } from './slack-steps.ts';

jest.setTimeout(60_000);

let dir: string;
let h: SlackHarness;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ld-slack-scan-schedule-'));
  h = await startSlackHarness({ databaseUrl: `sqlite:${join(dir, 'store.sqlite')}`, env: { SCAN_SCHEDULE: '* * * * *', ALERTS_CHANNEL: CHANNELS.helpdesk } });
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the due scan runs on its own and its summary goes to ALERTS_CHANNEL', async () => {
  const card = await h.fake.waitFor(() => h.fake.messagesIn(CHANNELS.helpdesk).find((m) => /^Fleet scan: /.test(m.text)), 'the scheduled scan\'s summary', 30_000);
  const text = textOf(card);
  expect(text).toContain('Licensing groups behind the conflicts');
  expect(text).toContain('Started by the schedule (SCAN_SCHEDULE)');
  expect(allViolations(h.fake.sentPayloads())).toEqual([]);
  const audit = (await h.app.runtime.services.deps.auditLog.audit()).filter((e) => e.action.startsWith('scan-'));
  expect(audit.map((e) => [e.action, e.actor])).toEqual([['scan-requested', 'schedule'], ['scan-finished', 'schedule']]);
  expect(h.fake.messagesIn(CHANNELS.helpdesk).filter((m) => /Fleet scan/.test(m.text))).toHaveLength(1);
});
