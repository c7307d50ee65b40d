import { loadingModal, noticeModal, planModal } from '../../../src/surfaces/slack/render-plan-modal.ts';
import { decodeRequestMeta, type RequestModalMeta } from '../../../src/surfaces/slack/modal-metadata.ts';
import { blockKitViolations } from './block-kit-limits.ts';
import { hugePlan, planFixture, UPN } from './slack-view-fixtures.ts';

const meta: RequestModalMeta = { query: UPN, path: 'okta-owns-licenses', channel: 'C0HELPDESK', threadTs: '1764230400.000100' };
const asObject = (v: object) => v as Record<string, unknown>;
const blockIds = (v: { blocks: ReadonlyArray<{ block_id?: string }> }) => v.blocks.map((b) => b.block_id).filter(Boolean);
const texts = (v: { blocks: readonly unknown[] }) => JSON.stringify(v.blocks);

describe('planModal', () => {
  it('shows the plan with a required justification and carries the metadata back', () => {
    const view = planModal(planFixture(), meta, UPN);
    expect(blockKitViolations('modal', asObject(view))).toEqual([]);
    expect(view.callback_id).toBe('request');
    expect(blockIds(view)).toEqual(['justification']);
    expect(decodeRequestMeta(view.private_metadata ?? '')).toEqual(meta);
    expect(texts(view)).toContain('One user: adele.vance@contoso.com');
    expect(texts(view)).toContain('*1.* Step 1: change &lt;thing&gt; &amp; check');
  });

  it('asks for the removal acknowledgement and stays within limits for an absurd plan, summarising by whole steps', () => {
    const view = planModal(hugePlan(), meta, UPN);
    expect(blockKitViolations('modal', asObject(view))).toEqual([]);
    expect(blockIds(view)).toEqual(['justification', 'acknowledge']);
    const all = texts(view);
    expect(all).toMatch(/… and \d+ more steps \(see `license-doctor plan adele.vance@contoso.com --path okta-owns-licenses`\)/);
    expect(all).toContain('Some steps are manual');
  });

  it('keeps the loading and notice modals within limits', () => {
    for (const view of [loadingModal({ ...meta, query: 'q'.repeat(2000) }), noticeModal('<&>'.repeat(2000), 'A title far longer than twenty-four characters')]) {
      expect(blockKitViolations('modal', asObject(view))).toEqual([]);
    }
  });
});

describe('modal metadata', () => {
  it.each([['not json'], ['{"query":"x","path":"delete-everything","channel":null,"threadTs":null}'], ['{"path":"okta-owns-licenses"}']])('refuses %s', (text) => {
    expect(decodeRequestMeta(text)).toBeNull();
  });
});
