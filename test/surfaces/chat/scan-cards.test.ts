// The scan card on both chats stays within their limits however large the fleet (Block Kit limits; Adaptive Cards 1.5
// schema and Teams' size budget), escapes group names as data, and the follower updates one card at a bounded pace
// with the final state last.
import { VERDICTS } from '../../../src/core/model/diagnosis.ts';
import type { ScanSummary } from '../../../src/core/model/scan.ts';
import { scanProgressView, scanStoppedView, scanSummaryView, type ScanCardView } from '../../../src/core/views/scan-view.ts';
import { ScanCardFollower } from '../../../src/surfaces/chat/scan-card-follower.ts';
import { scanMessage } from '../../../src/surfaces/slack/render-scan.ts';
import { cardBytes, CARD_BUDGET_BYTES } from '../../../src/surfaces/teams/card-budget.ts';
import { scanCard } from '../../../src/surfaces/teams/scan-card.ts';
import { adaptiveCardProblems } from '../../fakes/validate-adaptive-card.ts';
import { blockKitViolations } from '../slack/block-kit-limits.ts';

const huge: ScanSummary = {
  oktaAppUsers: 94_345,
  entraUsers: 100_000,
  byVerdict: Object.fromEntries(VERDICTS.map((v, i) => [v, 1000 * (i + 1)])) as ScanSummary['byVerdict'],
  byGroup: Array.from({ length: 400 }, (_, i) => ({
    id: `g-${i}`, displayName: `Lic <b>*group*</b> & ${'very long name '.repeat(30)} ${i}`, kind: 'assigned' as const,
    skus: ['SPE_E3', 'ENTERPRISEPACK', 'EMS', 'POWER_BI_PRO', ...Array.from({ length: 40 }, (_, j) => `UNKNOWN_SKU_${j}`)], users: 5000 - i,
  })),
};

const views: Array<[string, ScanCardView]> = [
  ['progress', scanProgressView({ oktaPages: 189, oktaUsers: 94_345, oktaDone: true, entraPages: 57, entraUsers: 56_943, entraDone: false, diagnosed: 51_000 }, 'Allan Deyoung')],
  ['summary of a huge fleet', scanSummaryView(huge, '2026-12-03T14:02:11.000Z', 'x'.repeat(5000), true)],
  ['summary without conflicts', scanSummaryView({ ...huge, byVerdict: { ...huge.byVerdict, 'group-inherited-license-conflict': 0, 'dual-managed-license': 0 }, byGroup: [] }, '2026-12-03T14:02:11.000Z', 'schedule', false)],
  ['busy', scanStoppedView({ kind: 'busy', startedBy: 'ops.lead@contoso.com' })],
  ['failed', scanStoppedView({ kind: 'failed', message: 'Graph answered 503. '.repeat(400) })],
];

test.each(views)('Slack: the %s card is within Block Kit limits', (_, view) => {
  const m = scanMessage(view, 'Sandbox mode: fake Contoso data.');
  expect(blockKitViolations('message', { text: m.text, blocks: m.blocks })).toEqual([]);
});

test.each(views)('Teams: the %s card is a valid Adaptive Card 1.5 within the size budget', (_, view) => {
  const { card } = scanCard(view);
  expect(adaptiveCardProblems(card)).toEqual([]);
  expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
});

test('the summary lists the top groups by users with their SKUs, says how many more, and escapes names', () => {
  const view = scanSummaryView(huge, '2026-12-03T14:02:11.000Z', 'Allan Deyoung', false);
  if (view.kind !== 'summary') throw new Error('not a summary');
  expect(view.groups).toHaveLength(10);
  expect(view.moreGroups).toBe(390);
  expect(view.groups[0]?.skus.slice(0, 2)).toEqual(['Microsoft 365 E3 (SPE_E3)', 'Office 365 E3 (ENTERPRISEPACK)']);
  const slack = JSON.stringify(scanMessage(view, 'Live mode').blocks);
  expect(slack).toContain('&lt;b&gt;*group*&lt;/b&gt; &amp;');
  expect(slack).toMatch(/more groups \(license-doctor scan\)/);
  expect(JSON.stringify(scanCard(view).card)).toContain('390 more groups');
});

test('the follower updates one card at most once per interval, the latest progress, and the final state last', async () => {
  const calls: Array<[string, string]> = [];
  const logger = { warn: () => undefined, error: () => undefined, info: () => undefined, debug: () => undefined } as never;
  const follower = await ScanCardFollower.start({
    post: async (v) => {
      calls.push(['post', v.kind]);
      return 'card-1';
    },
    update: async (handle, v) => {
      calls.push([`update ${handle}`, v.kind === 'progress' ? v.diagnosed : v.kind]);
      await new Promise((r) => setTimeout(r, 20));
    },
  }, scanProgressView({ oktaPages: 0, oktaUsers: 0, oktaDone: false, entraPages: 0, entraUsers: 0, entraDone: false, diagnosed: 0 }, 'A'), { intervalMs: 100, logger });
  const started = Date.now();
  for (let i = 1; i <= 30; i++) {
    follower.show(scanProgressView({ oktaPages: i, oktaUsers: i, oktaDone: false, entraPages: i, entraUsers: i, entraDone: false, diagnosed: i }, 'A'));
    await new Promise((r) => setTimeout(r, 10));
  }
  await follower.finish(scanStoppedView({ kind: 'busy', startedBy: null }));
  const elapsed = Date.now() - started;
  expect(calls[0]).toEqual(['post', 'progress']);
  expect(calls.at(-1)).toEqual(['update card-1', 'stopped']);
  const progress = calls.slice(1, -1);
  expect(progress.length).toBeGreaterThanOrEqual(1);
  expect(progress.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 1);
  // Progress only moves forward.
  const counts = progress.map(([, d]) => Number(d.replace(/\D/g, '')));
  expect([...counts].sort((a, b) => a - b)).toEqual(counts);
});
