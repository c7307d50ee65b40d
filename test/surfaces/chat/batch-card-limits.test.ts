// Batch cards within both platforms' limits, whatever the batch: 1, 40 and 500 users with long names and long
// outcomes, in every state, render within Block Kit's limits (50 blocks, 3000-character sections, whole user lines,
// "and M more") and as valid Adaptive Cards 1.5 under Teams' size limit, with the buttons each state allows.
import { countMembers } from '../../../src/core/batch/batch-counts.ts';
import type { BatchMember, BatchMemberState, BatchRequest } from '../../../src/core/model/batch.ts';
import { batchView } from '../../../src/core/views/batch-view.ts';
import { batchCard as slackBatchCard } from '../../../src/surfaces/slack/render-batch-card.ts';
import { cardBytes } from '../../../src/surfaces/teams/card-budget.ts';
import { batchCard as teamsBatchCard } from '../../../src/surfaces/teams/batch-card.ts';
import { cardText, cardVerbs, type CardNode } from '../../fakes/adaptive-card-query.ts';
import { findButton } from '../../fakes/slack-test-client.ts';
import { expectValidAdaptiveCard } from '../../fakes/validate-adaptive-card.ts';
import { IDA, NOW, PATTI } from '../../core/approval/request-factory.ts';
import { blockKitViolations } from '../slack/block-kit-limits.ts';

const STATES: readonly BatchMemberState[] = ['done', 'manual', 'failed', 'not-applicable', 'pending', 'running'];

function batch(status: BatchRequest['status'], users: number): BatchRequest {
  return {
    id: 'LD-B7K3F-9QX2', status, version: 3, kind: 'users', path: 'okta-owns-licenses', options: { completeOktaLicenses: true, allowServiceGap: false, removeLicenseFromGroup: false },
    group: { id: 'g', displayName: 'Lic-M365-E3-Staff <script>' }, sku: 'SPE_E3', source: { kind: 'scan', scanId: 'SCAN-1', scannedAt: NOW }, approvalsRequired: 2,
    requestedBy: IDA, reason: `[Approve here](https://evil.example) ${'because '.repeat(200)}`, removalAcknowledged: false,
    blastRadius: { users, description: `${users} users, one change each` }, memberCount: users, skipped: [{ userPrincipalName: 'x@contoso.com', reason: 'fine' }],
    decisions: status === 'pending' ? [] : [{ kind: 'approve', by: PATTI, at: NOW, reason: null }], createdAt: NOW, expiresAt: NOW, updatedAt: NOW, outcome: null,
  };
}

const members = (n: number, status: BatchRequest['status']): BatchMember[] => Array.from({ length: n }, (_, i) => ({
  batchId: 'LD-B7K3F-9QX2', position: i, userPrincipalName: `user.with.a.rather.long.name.${i}@contoso.onmicrosoft.com`, displayName: `Person ${i} ${'Longname'.repeat(8)}`,
  requestId: `LD-AAAA-${String(i).padStart(4, '0')}`, state: status === 'pending' ? 'pending' : STATES[i % STATES.length] ?? 'done',
  detail: status === 'pending' ? null : `Step 3 of 5 stopped — ${'Graph answered 500 and reading back shows the change is not there. '.repeat(6)}`,
  plan: { before: ['SPE_E3', 'ENTERPRISEPACK'], after: ['SPE_E3', 'ENTERPRISEPACK'], removed: [], steps: ['a', 'b', 'c', 'd', 'e'], needsManualSteps: i % 3 === 0 }, updatedAt: NOW,
}));

describe.each([1, 40, 500])('%i users', (n) => {
  test.each(['pending', 'running', 'finished'] as const)('%s: within Block Kit limits and a valid Adaptive Card under 28 KB, with the right buttons', (status) => {
    const m = members(n, status);
    const view = batchView(batch(status, n), m, countMembers(m));
    const slack = slackBatchCard(view, 'Sandbox mode: fake tenant');
    expect(blockKitViolations('message', slack as unknown as Record<string, unknown>)).toEqual([]);
    const text = JSON.stringify(slack.blocks);
    expect(text).toContain('LD-B7K3F-9QX2');
    expect(text).not.toContain('<script>');
    if (n > 25) expect(text).toMatch(/… and \d+ more \(license-doctor batch show LD-B7K3F-9QX2\)/);
    expect(findButton(slack.blocks, 'batch_approve') !== null).toBe(status === 'pending');
    expect(findButton(slack.blocks, 'batch_retry') !== null).toBe(status !== 'pending' && view.counts.failed > 0);

    const teams = teamsBatchCard(view) as unknown as CardNode;
    expectValidAdaptiveCard(teams);
    expect(cardBytes(teams as never)).toBeLessThanOrEqual(28 * 1024);
    expect(cardText(teams)).toContain(view.countsLine);
    expect(cardVerbs(teams).includes('batch-approve')).toBe(status === 'pending');
    expect(cardVerbs(teams).includes('batch-split')).toBe(status !== 'pending' && view.counts.failed > 0);
  });
});
