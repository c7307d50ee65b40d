import { requestCard, statusMessage, threadNotice } from '../../../src/surfaces/slack/render-request-card.ts';
import { findButton } from '../../fakes/slack-test-client.ts';
import { blockKitViolations } from './block-kit-limits.ts';
import { hugePlan, requestFixture } from './slack-view-fixtures.ts';

const check = (m: { text: string; blocks: readonly unknown[] }) => blockKitViolations('message', { text: m.text, blocks: [...m.blocks] });

describe('requestCard', () => {
  it('offers Approve / Reject / Cancel with the request id while pending', () => {
    const card = requestCard(requestFixture());
    expect(check(card)).toEqual([]);
    expect(['approve', 'reject', 'cancel'].map((id) => findButton(card.blocks, id)?.value)).toEqual(['LD-7K3F-9QX2', 'LD-7K3F-9QX2', 'LD-7K3F-9QX2']);
    expect(findButton(card.blocks, 'recheck')).toBeNull();
    expect(JSON.stringify(card.blocks)).toContain(':hourglass_flowing_sand: *2.* Step 2');
  });

  it('shows the outcome and only Re-check when waiting for manual steps', () => {
    const card = requestCard(requestFixture({ status: 'needs-manual-steps', outcome: 'Remove Alex from Sales in Entra ID.', actions: { approve: false, reject: false, cancel: false, recheck: true, retry: false } }));
    expect(check(card)).toEqual([]);
    expect(findButton(card.blocks, 'approve')).toBeNull();
    expect(findButton(card.blocks, 'recheck')?.value).toBe('LD-7K3F-9QX2');
    expect(JSON.stringify(card.blocks)).toContain('*Outcome*\\nRemove Alex from Sales in Entra ID.');
  });

  it('stays within limits for an absurd request, summarising steps by whole rows', () => {
    const card = requestCard(requestFixture({ plan: hugePlan(), reason: 'r'.repeat(5000), outcome: 'o'.repeat(5000), statusLine: 's'.repeat(5000) }));
    expect(check(card)).toEqual([]);
    expect(JSON.stringify(card.blocks)).toMatch(/… and \d+ more steps \(see `license-doctor show LD-7K3F-9QX2`\)/);
  });
});

describe('statusMessage and threadNotice', () => {
  it('offer only Cancel / Re-check to the requester and point at the approvals channel', () => {
    const line = statusMessage(requestFixture(), 'C0APPROVALS');
    expect(check(line)).toEqual([]);
    expect(findButton(line.blocks, 'cancel')?.value).toBe('LD-7K3F-9QX2');
    expect(findButton(line.blocks, 'approve')).toBeNull();
    expect(JSON.stringify(line.blocks)).toContain('<#C0APPROVALS>');
    expect(threadNotice(requestFixture({ statusLine: 'Rejected by Patti: <no>' }))).toBe(':warning: *LD-7K3F-9QX2*: Rejected by Patti: &lt;no&gt;');
  });
});
